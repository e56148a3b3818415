/**
 * Reads HCL into the JSON shape `@cdktf/hcl2json` gives (and Terraform's own
 * JSON syntax uses): each block becomes an array of bodies nested under its
 * type and labels, literals stay JSON values, and any other expression becomes
 * a `"${...}"` string (`"${aws_vpc.main.id}"`). It runs synchronously in the
 * page and the CLI, where the WASM parser can't (it needs Node's file system);
 * the tests check it gives what hcl2json gives on every file Nimbus writes.
 * Heredocs and `for` expressions are refused with a message.
 */

export type HclJson = string | number | boolean | null | HclJson[] | { [key: string]: HclJson };

type Token = (
  | { t: 'ident'; v: string; line: number }
  | { t: 'string'; v: string; line: number }
  | { t: 'number'; v: number; raw: string; line: number }
  | { t: 'punct'; v: string; line: number }
  | { t: 'newline'; line: number }
  | { t: 'eof'; line: number }
) & { start?: number; end?: number };

/** Files past this size are refused before reading: a module's `.tf` files are far smaller. */
export const MAX_HCL_CHARS = 5_000_000;
const MAX_DEPTH = 64;

export class HclSyntaxError extends Error {}

const PLAIN_RUN = /[^"\\$%{}\n]*/y;
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let tokenStart = 0;
  const push = (token: Token) => {
    token.start = tokenStart;
    token.end = i;
    tokens.push(token);
  };
  let line = 1;
  const fail = (message: string): never => {
    throw new HclSyntaxError(`line ${line}: ${message}`);
  };
  while (i < text.length) {
    tokenStart = i;
    const ch = text[i]!;
    if (ch === '\n') {
      i++;
      push({ t: 'newline', line });
      line++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') i++;
    else if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) fail('a comment is never closed');
      for (let j = i; j < end; j++) if (text[j] === '\n') line++;
      i = end + 2;
    } else if (ch === '"') {
      let value = '';
      i++;
      let depth = 0;
      for (;;) {
        if (i >= text.length || text[i] === '\n') fail('a string is never closed');
        // The common case: a run of characters that are none of the special ones.
        PLAIN_RUN.lastIndex = i;
        const run = PLAIN_RUN.exec(text)![0];
        if (run.length > 0) {
          value += run;
          i += run.length;
          continue;
        }
        const c = text[i]!;
        if (c === '"' && depth === 0) break;
        if (c === '\\') {
          const next = text[i + 1];
          const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
          if (next !== undefined && Object.hasOwn(simple, next)) {
            value += simple[next];
            i += 2;
          } else if (next === 'u' || next === 'U') {
            const digits = next === 'u' ? 4 : 8;
            const hex = text.slice(i + 2, i + 2 + digits);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) fail('a \\u escape needs hex digits');
            value += String.fromCodePoint(parseInt(hex, 16));
            i += 2 + digits;
          } else fail(`unknown escape \\${next ?? ''}`);
          continue;
        }
        // Inside `${ ... }` quotes and braces belong to the expression.
        // `$${` and `%%{` are escapes, kept as written (as hcl2json keeps them); `${` opens a template.
        if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
          value += `${c}${c}{`;
          i += 3;
          continue;
        }
        if ((c === '$' || c === '%') && text[i + 1] === '{') {
          depth++;
          value += `${c}{`;
          i += 2;
          continue;
        }
        if (depth > 0 && c === '}') depth--;
        value += c;
        i++;
      }
      i++;
      push({ t: 'string', v: value, line });
    } else if (ch === '<' && text[i + 1] === '<') {
      fail('heredoc strings are not read by Nimbus; write the value as a quoted string');
    } else if (/[0-9]/.test(ch)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text)!;
      i += match[0].length;
      push({ t: 'number', v: Number(match[0]), raw: match[0], line });
    } else if (/[A-Za-z_]/.test(ch)) {
      IDENTIFIER.lastIndex = i;
      const match = IDENTIFIER.exec(text)!;
      i += match[0].length;
      push({ t: 'ident', v: match[0], line });
    } else if ('{}[]()=,.:?!*+-/<>&|%'.includes(ch)) {
      const two = text.slice(i, i + 2);
      if (['==', '!=', '<=', '>=', '&&', '||', '=>'].includes(two)) {
        i += 2;
        push({ t: 'punct', v: two, line });
      } else {
        i++;
        push({ t: 'punct', v: ch, line });
      }
    } else fail(`unexpected character ${JSON.stringify(ch)}`);
  }
  tokens.push({ t: 'eof', line, start: text.length, end: text.length });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    return this.tokens[Math.min(this.pos++, this.tokens.length - 1)]!;
  }
  private fail(message: string, token = this.peek()): never {
    throw new HclSyntaxError(`line ${token.line}: ${message}`);
  }
  private skipNewlines(): void {
    while (this.peek().t === 'newline') this.pos++;
  }
  private isPunct(v: string, token = this.peek()): boolean {
    return token.t === 'punct' && token.v === v;
  }
  private expectPunct(v: string): void {
    if (!this.isPunct(v)) this.fail(`expected "${v}"`);
    this.pos++;
  }

  /** A body until `}` (nested) or the end of the file (top level). */
  body(depth: number, topLevel: boolean): Record<string, HclJson> {
    if (depth > MAX_DEPTH) this.fail(`blocks nest deeper than ${MAX_DEPTH}`);
    const out: Record<string, HclJson> = {};
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token.t === 'eof') {
        if (!topLevel) this.fail('a block is never closed with "}"');
        return out;
      }
      if (this.isPunct('}')) {
        if (topLevel) this.fail('unexpected "}"');
        return out;
      }
      if (token.t !== 'ident') this.fail('expected an argument or block name');
      this.pos++;
      const name = token.v;
      if (name === '__proto__') this.fail('"__proto__" is not a name Nimbus reads', token);
      if (this.isPunct('=')) {
        this.pos++;
        if (Object.hasOwn(out, name)) this.fail(`the argument "${name}" is set twice`, token);
        out[name] = this.expression(depth + 1);
        const end = this.peek();
        if (end.t !== 'newline' && end.t !== 'eof' && !this.isPunct('}'))
          this.fail('expected a new line after the value');
        continue;
      }
      const labels: string[] = [];
      while (this.peek().t === 'string' || this.peek().t === 'ident') {
        const label = this.next() as Token & { v: string };
        if (label.v === '__proto__') this.fail('"__proto__" is not a label Nimbus reads', label);
        labels.push(label.v);
      }
      this.expectPunct('{');
      const inner = this.body(depth + 1, false);
      this.expectPunct('}');
      let holder: Record<string, HclJson> = out;
      const path = [name, ...labels];
      for (const key of path.slice(0, -1)) {
        const existing = Object.hasOwn(holder, key) ? holder[key] : undefined;
        if (existing === undefined) holder[key] = {};
        else if (typeof existing !== 'object' || existing === null || Array.isArray(existing))
          this.fail(`"${path.join(' ')}" clashes with an argument of the same name`);
        holder = holder[key] as Record<string, HclJson>;
      }
      const last = path[path.length - 1]!;
      const existing = Object.hasOwn(holder, last) ? holder[last] : undefined;
      if (existing === undefined) holder[last] = [inner];
      else if (Array.isArray(existing)) existing.push(inner);
      else this.fail(`"${path.join(' ')}" clashes with an argument of the same name`);
    }
  }

  expression(depth: number): HclJson {
    if (depth > MAX_DEPTH) this.fail(`values nest deeper than ${MAX_DEPTH}`);
    const start = this.pos;
    const simple = this.simpleExpression(depth);
    // Operators, conditionals and the like: kept as the expression's text.
    const after = this.peek();
    if (after.t === 'punct' && !['}', ']', ',', ')'].includes(after.v) && after.v !== ':') {
      this.pos = start;
      return `\${${this.rawExpression()}}`;
    }
    return simple;
  }

  private simpleExpression(depth: number): HclJson {
    const token = this.peek();
    if (token.t === 'string') {
      this.pos++;
      return token.v;
    }
    if (token.t === 'number') {
      this.pos++;
      return token.v;
    }
    if (this.isPunct('-') && this.peek(1).t === 'number') {
      this.pos += 2;
      return -(this.tokens[this.pos - 1] as { v: number }).v;
    }
    if (this.isPunct('[')) {
      this.pos++;
      if (this.peek(0).t === 'ident' && (this.peek(0) as { v: string }).v === 'for')
        this.fail('"for" expressions are not read by Nimbus');
      const items: HclJson[] = [];
      for (;;) {
        this.skipNewlines();
        if (this.isPunct(']')) break;
        items.push(this.expression(depth + 1));
        this.skipNewlines();
        if (this.isPunct(',')) this.pos++;
        else if (!this.isPunct(']')) this.fail('expected "," or "]" in a list');
      }
      this.pos++;
      return items;
    }
    if (this.isPunct('{')) {
      this.pos++;
      const out: Record<string, HclJson> = {};
      for (;;) {
        this.skipNewlines();
        if (this.isPunct('}')) break;
        const key = this.next();
        if (key.t !== 'ident' && key.t !== 'string') this.fail('expected a key in a map', key);
        if (!this.isPunct('=') && !this.isPunct(':')) this.fail('expected "=" after a map key');
        this.pos++;
        const keyText = (key as { v: string }).v;
        if (keyText === '__proto__') this.fail('a map key may not be "__proto__"', key);
        out[keyText] = this.expression(depth + 1);
        if (this.isPunct(',')) {
          this.pos++;
          continue;
        }
        const end = this.peek();
        if (end.t !== 'newline' && !this.isPunct('}')) this.fail('expected a new line or "," after a map value');
      }
      this.pos++;
      return out;
    }
    if (token.t === 'ident') {
      if (token.v === 'true' || token.v === 'false') {
        this.pos++;
        return token.v === 'true';
      }
      if (token.v === 'null') {
        this.pos++;
        return null;
      }
      return `\${${this.rawExpression()}}`;
    }
    return this.fail('expected a value');
  }

  /** The source text of an expression up to the end of its line, a `,` or a closing bracket at its own depth. */
  private rawExpression(): string {
    const first = this.peek();
    let depth = 0;
    let last: Token | undefined;
    for (;;) {
      const token = this.peek();
      if (token.t === 'eof') break;
      if (depth === 0 && (token.t === 'newline' || (token.t === 'punct' && [',', ']', '}', ')'].includes(token.v))))
        break;
      if (token.t === 'punct' && ['(', '[', '{'].includes(token.v)) depth++;
      if (token.t === 'punct' && [')', ']', '}'].includes(token.v)) depth--;
      if (token.t !== 'newline') last = token;
      this.pos++;
    }
    if (!last) this.fail('expected a value', first);
    return this.text.slice(first.start, last.end);
  }
}

/** HCL text as hcl2json's JSON, or a message naming the line that can't be read. */
export function readHcl(text: string): { ok: true; json: Record<string, HclJson> } | { ok: false; message: string } {
  if (text.length > MAX_HCL_CHARS)
    return {
      ok: false,
      message: `The file is ${text.length.toLocaleString('en-US')} characters; Nimbus reads Terraform files of up to ${MAX_HCL_CHARS.toLocaleString('en-US')}.`,
    };
  try {
    const parser = new Parser(tokenize(text), text);
    return { ok: true, json: parser.body(0, true) };
  } catch (error) {
    if (error instanceof HclSyntaxError)
      return { ok: false, message: `The Terraform file can't be read: ${error.message}.` };
    throw error;
  }
}
