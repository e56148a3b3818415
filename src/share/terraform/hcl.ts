/**
 * The subset of HCL Nimbus writes: blocks with labels, attributes, strings,
 * numbers, booleans, null, lists, maps and references (`aws_vpc.main.id`).
 * Written by hand because it is small; every output is parsed back by a real
 * HCL parser (`@cdktf/hcl2json`) in the tests.
 */

/** A Terraform reference written bare: `aws_vpc.main.id`, `var.region`. */
export class HclRef {
  constructor(readonly path: string) {}
}

export type HclValue = string | number | boolean | null | HclRef | HclValue[] | HclMap;

/** A map written as `{ key = value }` (tags), kept apart from blocks. */
export class HclMap {
  constructor(readonly entries: Record<string, HclValue>) {}
}

export interface HclAttribute {
  attr: string;
  value: HclValue;
}
export interface HclBlock {
  block: string;
  labels: string[];
  body: HclBody;
}
export type HclBody = (HclAttribute | HclBlock)[];

export const ref = (path: string): HclRef => new HclRef(path);
export const attr = (name: string, value: HclValue): HclAttribute => ({ attr: name, value });
export const block = (name: string, labels: string[], body: HclBody): HclBlock => ({ block: name, labels, body });

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A quoted HCL string. Besides JSON's escapes, `${` and `%{` start templates
 * in HCL, so they are doubled (`$${`, `%%{`) and a name such as `${x}` stays text.
 */
export function quote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')}"`;
}

function writeValue(value: HclValue, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`HCL has no number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof HclRef) return value.path;
  if (value instanceof HclMap) {
    const entries = Object.entries(value.entries);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const width = Math.max(...entries.map(([k]) => mapKey(k).length));
    return `{\n${entries.map(([k, v]) => `${inner}${mapKey(k).padEnd(width)} = ${writeValue(v, inner)}`).join('\n')}\n${indent}}`;
  }
  if (value.length === 0) return '[]';
  const items = value.map((v) => writeValue(v, `${indent}  `));
  const oneLine = `[${items.join(', ')}]`;
  if (oneLine.length <= 100 && !oneLine.includes('\n')) return oneLine;
  return `[\n${items.map((i) => `${indent}  ${i},`).join('\n')}\n${indent}]`;
}

const mapKey = (key: string): string => (IDENTIFIER.test(key) ? key : quote(key));

/** Lines of a body, `=` aligned over each run of one-line attributes as `terraform fmt` aligns them. */
function writeBody(body: HclBody, indent: string): string {
  const lines: string[] = [];
  let run: { name: string; value: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.name.length));
    for (const a of run) lines.push(`${indent}${a.name.padEnd(width)} = ${a.value}`);
    run = [];
  };
  for (const entry of body) {
    if ('attr' in entry) {
      const value = writeValue(entry.value, indent);
      if (value.includes('\n')) {
        // A multi-line value ends the run; its own line is aligned with the run before it.
        run.push({ name: entry.attr, value });
        flush();
      } else run.push({ name: entry.attr, value });
    } else {
      flush();
      lines.push(writeBlock(entry, indent));
    }
  }
  flush();
  return lines.join('\n');
}

function writeBlock(b: HclBlock, indent: string): string {
  const head = [b.block, ...b.labels.map(quote)].join(' ');
  if (b.body.length === 0) return `${indent}${head} {}`;
  return `${indent}${head} {\n${writeBody(b.body, `${indent}  `)}\n${indent}}`;
}

/** HCL text of top-level blocks, one blank line between them. */
export function writeHcl(blocks: readonly HclBlock[], header = ''): string {
  return `${header}${blocks.map((b) => writeBlock(b, '')).join('\n\n')}\n`;
}

const templateEscaped = (text: string): string => text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');

function valueJson(value: HclValue): unknown {
  if (typeof value === 'string') return templateEscaped(value);
  if (value instanceof HclRef) return `\${${value.path}}`;
  if (value instanceof HclMap)
    return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, valueJson(v)]));
  if (Array.isArray(value)) return value.map(valueJson);
  return value;
}

function bodyJson(body: HclBody, into: Record<string, unknown>): Record<string, unknown> {
  for (const entry of body) {
    if ('attr' in entry) {
      into[entry.attr] = valueJson(entry.value);
      continue;
    }
    let holder = into;
    const path = [entry.block, ...entry.labels];
    for (const key of path.slice(0, -1)) holder = (holder[key] ??= {}) as Record<string, unknown>;
    const last = path[path.length - 1]!;
    ((holder[last] ??= []) as unknown[]).push(bodyJson(entry.body, {}));
  }
  return into;
}

/**
 * The JSON hcl2json would give for these blocks, without writing and reading
 * the text (the export reads its own output back this way; the tests check it
 * equals what hcl2json reads from the text).
 */
export function hclJson(blocks: readonly HclBlock[]): Record<string, unknown> {
  return bodyJson([...blocks], {});
}
