import { Document, isMap, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node, type Tags } from 'yaml';

/**
 * CloudFormation's YAML short forms (`!Ref`, `!GetAtt`, `!Sub`, …) read into
 * their long forms (`{ Ref: … }`, `{ "Fn::GetAtt": […] }`), so a YAML template
 * and a JSON one are the same object from here on; and written back as short
 * forms. These tags are the only ones the reader knows: nothing in a file
 * becomes a JavaScript type of its own. Source: AWS CloudFormation User Guide,
 * "Intrinsic function reference" (each function's "Short form" section).
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

const scalarTag = (tag: string, read: (text: string) => unknown) => ({
  tag,
  resolve: (text: string) => read(text),
});
const collectionTag = (tag: string, collection: 'seq' | 'map', read: (value: unknown) => unknown) => ({
  tag,
  collection,
  resolve: (node: YAMLSeq | YAMLMap) => read(node.toJSON()),
});

const READ_TAGS: Tags = [
  scalarTag('!Ref', (text) => ({ Ref: text })),
  // `!GetAtt A.B` splits at the first dot (attribute names such as `Endpoint.Address` keep theirs).
  scalarTag('!GetAtt', (text) => {
    const dot = text.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
  }),
  collectionTag('!GetAtt', 'seq', (value) => ({ 'Fn::GetAtt': value })),
  ...FUNCTIONS.flatMap((fn) => [
    scalarTag(`!${fn}`, (text) => ({ [longName(fn)]: text })),
    collectionTag(`!${fn}`, 'seq', (value) => ({ [longName(fn)]: value })),
    collectionTag(`!${fn}`, 'map', (value) => ({ [longName(fn)]: value })),
  ]),
];

/** Nimbus's bounds on a template it reads: AWS's own limit on a template's size is 1 MB (S3-hosted templates). */
export const MAX_TEMPLATE_CHARACTERS = 5_000_000;
const MAX_ALIASES = 100;

export type YamlRead = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads YAML with CloudFormation's tags; aliases capped so a "billion laughs" file stops at once. */
export function readYaml(text: string): YamlRead {
  const doc = parseDocument(text, { customTags: READ_TAGS, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) return { ok: false, message: `not valid YAML: ${error.message.split('\n')[0]}` };
  const unknownTag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) return { ok: false, message: `not a CloudFormation template: ${unknownTag.message.split('\n')[0]}` };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (e) {
    return { ok: false, message: `not readable YAML: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const SHORT_NAMES = new Map<string, string>([
  ['Ref', '!Ref'],
  ['Fn::GetAtt', '!GetAtt'],
  ['Condition', '!Condition'],
  ...FUNCTIONS.filter((fn) => fn !== 'Condition').map((fn): [string, string] => [`Fn::${fn}`, `!${fn}`]),
]);

const WRITE_TAGS: Tags = [...SHORT_NAMES.values()].flatMap((tag) => [
  { tag, resolve: (text: string) => text },
  { tag, collection: 'seq' as const, resolve: (node: YAMLSeq) => node },
  { tag, collection: 'map' as const, resolve: (node: YAMLMap) => node },
]) as unknown as Tags;

/** Writes a template as YAML, intrinsic functions in their short forms. */
export function writeYaml(value: unknown): string {
  const doc = new Document(null, { customTags: WRITE_TAGS });
  const nodeOf = (v: unknown): Node | unknown => {
    if (Array.isArray(v)) {
      const seq = new YAMLSeq();
      for (const item of v) seq.items.push(nodeOf(item));
      return seq;
    }
    if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      const only = entries.length === 1 ? entries[0] : undefined;
      const short = only ? SHORT_NAMES.get(only[0]) : undefined;
      if (only && short) {
        const [name, arg] = only;
        // `!GetAtt A.B` when neither part is computed; `!Sub` of a plain string; `!Ref` always.
        const inner =
          name === 'Fn::GetAtt' && Array.isArray(arg) && arg.every((p) => typeof p === 'string')
            ? new Scalar(arg.join('.'))
            : nodeOf(arg);
        const node = inner instanceof Scalar || isMap(inner) || isSeq(inner) ? inner : new Scalar(inner);
        node.tag = short;
        return node;
      }
      const map = new YAMLMap();
      for (const [key, item] of entries) map.items.push(doc.createPair(key, nodeOf(item)));
      return map;
    }
    return new Scalar(v);
  };
  doc.contents = nodeOf(value) as Node;
  // Quoted, as AWS's examples write it: a YAML 1.1 reader would take the bare version for a date.
  const version = isMap(doc.contents) ? doc.contents.get('AWSTemplateFormatVersion', true) : undefined;
  if (version instanceof Scalar) version.type = Scalar.QUOTE_DOUBLE;
  return doc.toString({ lineWidth: 0 });
}
