import {
  CORE_SCHEMA,
  defineMappingTag,
  defineScalarTag,
  defineSequenceTag,
  DUMP_SCHEMA,
  dump,
  load,
  type TagDefinition,
} from 'js-yaml';

/**
 * CloudFormation's YAML short forms (`!Ref`, `!GetAtt`, `!Sub`, …) read into
 * their long forms (`{ Ref: … }`, `{ "Fn::GetAtt": […] }`), so a YAML template
 * and a JSON one are the same object from here on; and written back as short
 * forms. These tags, on top of YAML's core schema (strings, numbers, booleans,
 * null, sequences, mappings), are the only ones the reader knows: nothing in
 * a file becomes a JavaScript type of its own. Source: AWS CloudFormation User
 * Guide, "Intrinsic function reference" (each function's "Short form" section).
 */
const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'Condition',
] as const;

const longName = (fn: string) => (fn === 'Condition' ? 'Condition' : `Fn::${fn}`);

type Json = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The one key of a long-form function call, or undefined for any other value. */
const onlyKey = (v: unknown): string | undefined => {
  if (!isPlainObject(v)) return undefined;
  let found: string | undefined;
  for (const key in v) {
    if (found !== undefined) return undefined;
    found = key;
  }
  return found;
};

/** `!GetAtt A.B` when neither part is computed (the form AWS's examples use). */
const getAttAsText = (v: unknown): v is { 'Fn::GetAtt': string[] } => {
  if (onlyKey(v) !== 'Fn::GetAtt') return false;
  const arg = (v as Json)['Fn::GetAtt'];
  return Array.isArray(arg) && arg.every((p) => typeof p === 'string');
};

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * One short-form tag in its three YAML kinds (scalar, sequence, mapping): each
 * reads into the long form and writes that long form back as the tag.
 */
function functionTags(tag: string, name: string, readScalar: (text: string) => unknown): TagDefinition[] {
  const call = (v: unknown) => onlyKey(v) === name;
  const argument = (v: unknown) => (v as Json)[name];
  return [
    defineScalarTag(tag, {
      resolve: (text) => readScalar(text),
      identify: (v) => call(v) && isScalar(argument(v)) && !(name === 'Fn::GetAtt' && getAttAsText(v)),
      represent: (v) => String(argument(v)),
    }),
    defineSequenceTag<unknown[], unknown>(tag, {
      create: () => [],
      addItem: (items, item) => void items.push(item),
      finalize: (items) => ({ [name]: items }),
      identify: (v) => call(v) && Array.isArray(argument(v)) && !(name === 'Fn::GetAtt' && getAttAsText(v)),
      represent: (v) => argument(v) as unknown[],
    }),
    defineMappingTag<Json, unknown>(tag, {
      create: () => ({}),
      addPair: (map, key, value) => {
        if (typeof key !== 'string') return `${tag} takes a mapping of names`;
        Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
        return '';
      },
      has: (map, key) => typeof key === 'string' && Object.hasOwn(map, key),
      keys: () => [],
      get: () => undefined,
      finalize: (map) => ({ [name]: map }),
      identify: (v) => call(v) && isPlainObject(argument(v)),
      represent: (v) => new Map(Object.entries(argument(v) as Json)),
    }),
  ];
}

const CLOUDFORMATION_TAGS: TagDefinition[] = [
  ...functionTags('!Ref', 'Ref', (text) => ({ Ref: text })),
  // `!GetAtt A.B` splits at the first dot (attribute names such as `Endpoint.Address` keep theirs).
  defineScalarTag('!GetAtt', {
    resolve: (text) => {
      const dot = text.indexOf('.');
      return { 'Fn::GetAtt': dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
    },
    identify: getAttAsText,
    represent: (v: { 'Fn::GetAtt': string[] }) => v['Fn::GetAtt'].join('.'),
  }),
  ...functionTags('!GetAtt', 'Fn::GetAtt', (text) => ({ 'Fn::GetAtt': [text] })).slice(1),
  ...FUNCTIONS.flatMap((fn) => functionTags(`!${fn}`, longName(fn), (text) => ({ [longName(fn)]: text }))),
];

const READ_SCHEMA = CORE_SCHEMA.withTags(CLOUDFORMATION_TAGS);
const WRITE_SCHEMA = DUMP_SCHEMA.withTags(CLOUDFORMATION_TAGS);

/** Nimbus's bounds on a template it reads: AWS's own limit on a template's size is 1 MB (S3-hosted templates). */
export const MAX_TEMPLATE_CHARACTERS = 5_000_000;
const MAX_ALIASES = 100;
/** Values an alias may repeat, over the whole file: a "billion laughs" file passes this long before it fills memory. */
const MAX_ALIASED_VALUES = 10_000;
const MAX_NESTING = 100;

export type YamlRead = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads YAML with CloudFormation's tags; aliases capped so a "billion laughs" file stops at once. */
export function readYaml(text: string): YamlRead {
  let value: unknown;
  try {
    // `json`: a key given twice keeps its last value, as the JSON reader does.
    value = load(text, { schema: READ_SCHEMA, json: true, maxAliases: MAX_ALIASES, maxDepth: MAX_NESTING });
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    const tag = /unknown (?:\w+ )?tag !<(![^>]*)>/.exec(message)?.[1];
    if (tag) return { ok: false, message: `not a CloudFormation template: Unresolved tag: ${tag}` };
    return { ok: false, message: `not valid YAML: ${message}` };
  }
  const repeated = aliasedValues(value);
  if (repeated === 'cycle') return { ok: false, message: 'not readable YAML: an alias refers to itself' };
  if (repeated > MAX_ALIASED_VALUES)
    return {
      ok: false,
      message: `not readable YAML: its aliases repeat more than ${MAX_ALIASED_VALUES.toLocaleString('en-US')} values, which indicates a resource exhaustion attack`,
    };
  // An alias reads as the very object its anchor names; copies keep later steps from sharing it.
  return { ok: true, value: repeated > 0 ? JSON.parse(JSON.stringify(value)) : value };
}

/**
 * How many values the file's aliases repeat once expanded. An alias reads as
 * the same object as its anchor, so every visit to an object after its first
 * is an alias's; sizes are remembered, so this walks each object once.
 */
function aliasedValues(root: unknown): number | 'cycle' {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  let repeated = 0;
  const size = (v: unknown): number => {
    if (typeof v !== 'object' || v === null) return 1;
    const known = sizes.get(v);
    if (known !== undefined) {
      repeated += known;
      return known;
    }
    if (open.has(v)) throw new CycleFound();
    open.add(v);
    let total = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      total += size(child);
      if (repeated > MAX_ALIASED_VALUES) break;
    }
    open.delete(v);
    sizes.set(v, total);
    return total;
  };
  try {
    size(root);
  } catch (e) {
    if (e instanceof CycleFound) return 'cycle';
    throw e;
  }
  return repeated;
}

class CycleFound extends Error {}

/** Writes a template as YAML, intrinsic functions in their short forms. */
export function writeYaml(value: unknown): string {
  // Strings YAML 1.1 would read as something else (AWSTemplateFormatVersion's date) come out double-quoted, as AWS's examples write them.
  return dump(value, { schema: WRITE_SCHEMA, lineWidth: -1, noRefs: true, quoteStyle: 'double' });
}
