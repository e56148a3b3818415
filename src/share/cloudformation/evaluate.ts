import { findRegion } from '../../domain/catalogs/regions';
import { formatIpv4, parseCidr } from '../../net';

/**
 * Evaluating a template's intrinsic functions as far as they can be without a
 * deploy: parameters take their defaults, conditions are worked out from them,
 * `!Cidr`, `!Select`, `!Join`, … are computed; a reference to a resource stays
 * a reference (`ResourceRef`, `AttributeRef`), which the kind mappings turn
 * into Nimbus ids; what only a deployed stack knows (`!ImportValue`, the
 * account id, a resource's address inside a string) is `Unknown`, and said so.
 * Source: AWS CloudFormation User Guide, "Intrinsic function reference" and
 * "Pseudo parameters reference".
 */
export class ResourceRef {
  constructor(readonly logicalId: string) {}
}
export class AttributeRef {
  constructor(
    readonly logicalId: string,
    readonly attribute: string,
  ) {}
}
export class Unknown {
  constructor(readonly what: string) {}
}
/** `AWS::NoValue`: the property is left out. */
export const NO_VALUE = Symbol('AWS::NoValue');

export interface EvaluationScope {
  parameters: ReadonlyMap<string, unknown>;
  resources: ReadonlySet<string>;
  mappings: Record<string, unknown>;
  conditions: Record<string, unknown>;
  region: string;
  warn: (text: string) => void;
}

const MAX_DEPTH = 64;

export class EvaluationError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function evaluate(
  value: unknown,
  scope: EvaluationScope,
  depth = 0,
  conditionsSeen = new Set<string>(),
): unknown {
  if (depth > MAX_DEPTH) throw new EvaluationError(`nested more than ${MAX_DEPTH} levels deep`);
  const again = (v: unknown) => evaluate(v, scope, depth + 1, conditionsSeen);
  if (Array.isArray(value)) return value.map(again).filter((v) => v !== NO_VALUE);
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const fn = keys.length === 1 ? keys[0]! : undefined;
  if (fn === 'Ref' || fn?.startsWith('Fn::') || fn === 'Condition') {
    const arg = value[fn];
    switch (fn) {
      case 'Ref':
        return reference(String(arg), scope);
      case 'Fn::GetAtt': {
        const parts = Array.isArray(arg) ? arg.map(again) : String(arg).split('.');
        const [logicalId, ...attribute] = parts.map(String);
        if (!logicalId || !scope.resources.has(logicalId))
          throw new EvaluationError(`!GetAtt names ${logicalId ?? 'nothing'}, which is not a resource of the template`);
        return new AttributeRef(logicalId, attribute.join('.'));
      }
      case 'Fn::Sub':
        return substitute(arg, scope, again);
      case 'Fn::Join': {
        const [delimiter, list] = asList(arg, 2, fn).map(again);
        const items = asList(list, -1, fn);
        if (items.some((i) => typeof i === 'object' && i !== null))
          return unknownValue(scope, `a !Join of ${describe(items)}`);
        return items.join(String(delimiter));
      }
      case 'Fn::Select': {
        const [index, list] = asList(arg, 2, fn).map(again);
        if (list instanceof Unknown) return list;
        const items = asList(list, -1, fn);
        const i = Number(index);
        if (!Number.isInteger(i) || i < 0 || i >= items.length)
          throw new EvaluationError(`!Select index ${String(index)} is outside the list of ${items.length}`);
        return items[i];
      }
      case 'Fn::Split': {
        const [delimiter, text] = asList(arg, 2, fn).map(again);
        if (typeof text !== 'string') return unknownValue(scope, `a !Split of ${describe(text)}`);
        return text.split(String(delimiter));
      }
      case 'Fn::GetAZs': {
        const region = again(arg);
        const code = typeof region === 'string' && region !== '' ? region : scope.region;
        return [...(findRegion(code)?.zones ?? [`${code}a`, `${code}b`, `${code}c`])];
      }
      case 'Fn::Cidr':
        return cidrs(asList(arg, 3, fn).map(again), scope);
      case 'Fn::FindInMap': {
        const [map, top, second] = asList(arg, 3, fn).map(again).map(String);
        const found = [map!, top!, second!].reduce<unknown>(
          (at, key) => (isRecord(at) && Object.hasOwn(at, key) ? at[key] : undefined),
          scope.mappings,
        );
        if (found === undefined) throw new EvaluationError(`!FindInMap [${map}, ${top}, ${second}] finds nothing`);
        return again(found);
      }
      case 'Fn::If': {
        const [name, yes, no] = asList(arg, 3, fn);
        return condition(String(name), scope, conditionsSeen) ? again(yes) : again(no);
      }
      case 'Fn::Equals': {
        const [a, b] = asList(arg, 2, fn).map(again);
        return JSON.stringify(a) === JSON.stringify(b);
      }
      case 'Fn::Not':
        return !truth(again(asList(arg, 1, fn)[0]));
      case 'Fn::And':
        return asList(arg, -1, fn).every((c) => truth(again(c)));
      case 'Fn::Or':
        return asList(arg, -1, fn).some((c) => truth(again(c)));
      case 'Condition':
        return condition(String(arg), scope, conditionsSeen);
      case 'Fn::ImportValue':
        return unknownValue(scope, `!ImportValue ${describe(again(arg))} (another stack's export)`);
      case 'Fn::Base64':
        return again(arg);
      default:
        return unknownValue(scope, `${fn}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const v = again(item);
    if (v !== NO_VALUE)
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function reference(name: string, scope: EvaluationScope): unknown {
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (name === 'AWS::Region') return scope.region;
  if (name.startsWith('AWS::')) return unknownValue(scope, `${name} (known once deployed)`);
  if (scope.parameters.has(name)) return scope.parameters.get(name);
  if (scope.resources.has(name)) return new ResourceRef(name);
  throw new EvaluationError(`!Ref ${name} names no parameter or resource of the template`);
}

function substitute(arg: unknown, scope: EvaluationScope, again: (v: unknown) => unknown): unknown {
  const [text, vars] = Array.isArray(arg) ? [arg[0], again(arg[1])] : [arg, {}];
  if (typeof text !== 'string') throw new EvaluationError('!Sub takes a string');
  const variables = isRecord(vars) ? vars : {};
  let unknownPart: string | null = null;
  const result = text.replace(/\$\{(!?)([^}]*)\}/g, (whole, literal: string, name: string) => {
    if (literal) return `\${${name}}`;
    const value = Object.hasOwn(variables, name)
      ? variables[name]
      : name.includes('.')
        ? evaluate({ 'Fn::GetAtt': [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)] }, scope)
        : reference(name, scope);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    unknownPart ??= name;
    return whole;
  });
  return unknownPart ? unknownValue(scope, `!Sub "${text}" (\${${unknownPart}} is known once deployed)`) : result;
}

function cidrs([block, count, bits]: unknown[], scope: EvaluationScope): unknown {
  if (typeof block !== 'string') return unknownValue(scope, `a !Cidr of ${describe(block)}`);
  const parsed = parseCidr(block);
  const n = Number(count);
  const hostBits = Number(bits);
  if (!parsed.ok) throw new EvaluationError(`!Cidr: ${parsed.error}`);
  const prefix = 32 - hostBits;
  if (
    !Number.isInteger(n) ||
    n < 1 ||
    n > 256 ||
    !Number.isInteger(hostBits) ||
    prefix < parsed.value.prefix ||
    prefix > 32
  )
    throw new EvaluationError(`!Cidr [${block}, ${String(count)}, ${String(bits)}] asks for blocks that don't fit`);
  const size = 2 ** hostBits;
  if (n * size > 2 ** (32 - parsed.value.prefix))
    throw new EvaluationError(`!Cidr: ${block} holds fewer than ${n} blocks of /${prefix}`);
  return Array.from({ length: n }, (_, i) => `${formatIpv4(parsed.value.network + i * size)}/${prefix}`);
}

function condition(name: string, scope: EvaluationScope, seen: Set<string>): boolean {
  if (!Object.hasOwn(scope.conditions, name)) throw new EvaluationError(`the condition ${name} is not in Conditions`);
  if (seen.has(name)) throw new EvaluationError(`the condition ${name} refers to itself`);
  const next = new Set(seen).add(name);
  return truth(evaluate(scope.conditions[name], scope, 1, next));
}

function truth(value: unknown): boolean {
  if (value instanceof Unknown) return false;
  return value === true || value === 'true';
}

function asList(value: unknown, length: number, fn: string): unknown[] {
  if (!Array.isArray(value) || (length >= 0 && value.length < length))
    throw new EvaluationError(`${fn.replace('Fn::', '!')} takes a list${length > 0 ? ` of ${length}` : ''}`);
  return value;
}

/** Said in the import note by whoever reads the value (with the property's name), not here. */
function unknownValue(_scope: EvaluationScope, what: string): Unknown {
  return new Unknown(what);
}

function describe(value: unknown): string {
  if (value instanceof ResourceRef) return value.logicalId;
  if (value instanceof AttributeRef) return `${value.logicalId}.${value.attribute}`;
  if (value instanceof Unknown) return value.what;
  return JSON.stringify(value) ?? String(value);
}
