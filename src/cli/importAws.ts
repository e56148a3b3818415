import { loadAwsDirectory } from './loadDesign';
import type { CliIo } from './main';
import { readOptions } from './reach';

/** `nimbus import-aws <dir> -o design.json`: notes go to stderr, the design to the file (or stdout without -o). */
export async function importAwsCommand(args: string[], io: CliIo): Promise<number> {
  const normalised = args.map((a) => (a === '-o' ? '--output' : a));
  const { positional, options, error } = readOptions(normalised, ['output']);
  if (error || positional.length !== 1) {
    io.err(
      `nimbus import-aws: ${error ?? 'give one directory of describe-* JSON files'}, e.g. nimbus import-aws ./aws -o design.json`,
    );
    return 2;
  }
  const dir = positional[0]!;
  const entries = await io.listDir(dir);
  if (!entries) {
    io.err(`nimbus import-aws: ${dir} is not a directory`);
    return 2;
  }
  const design = await loadAwsDirectory('import-aws', dir, entries, io, false);
  if (!design) return 2;
  const text = JSON.stringify(design, null, 2) + '\n';
  const output = options.get('output');
  if (output) {
    await io.writeText(output, text);
    io.err(`Wrote ${Object.keys(design.resources).length} resources to ${output}.`);
  } else io.out(text.trimEnd());
  return 0;
}
