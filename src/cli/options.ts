/** Reads `--name value` options; returns the positional arguments and the options. */
export function readOptions(
  args: string[],
  names: readonly string[],
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
    options.set(name, value);
    i++;
  }
  return { positional, options, error: null };
}
