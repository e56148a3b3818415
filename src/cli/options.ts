/**
 * Reads `--name value` options; returns the positional arguments and the options.
 * A repeated option keeps its last value, except one named in `lists`
 * (a comma-separated list such as `--fail-on`), whose repeats are joined with commas.
 */
export function readOptions(
  args: string[],
  names: readonly string[],
  how: { lists?: readonly string[] } = {},
): { positional: string[]; options: Map<string, string>; error: string | null } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (!names.includes(name)) return { positional, options, error: `unknown option --${name}` };
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return { positional, options, error: `--${name} needs a value` };
    const earlier = options.get(name);
    options.set(name, earlier !== undefined && how.lists?.includes(name) ? `${earlier},${value}` : value);
    i++;
  }
  return { positional, options, error: null };
}

const DECIMAL_DIGITS = /^[0-9]+$/;

/**
 * A numeric option read strictly: decimal digits only, within `min`..`max`.
 * `Number()` would read `0x1bb` as 443, `1e3` as 1000 and `""` as 0.
 * Returns `fallback` when the option is absent, null when its text is refused.
 */
export function integerOption(
  options: ReadonlyMap<string, string>,
  name: string,
  range: { min: number; max: number },
  fallback: number,
): number | null;
export function integerOption(
  options: ReadonlyMap<string, string>,
  name: string,
  range: { min: number; max: number },
): number | undefined | null;
export function integerOption(
  options: ReadonlyMap<string, string>,
  name: string,
  range: { min: number; max: number },
  fallback?: number,
): number | undefined | null {
  const text = options.get(name);
  if (text === undefined) return fallback;
  if (!DECIMAL_DIGITS.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= range.min && value <= range.max ? value : null;
}
