import { badInput, BAD_INPUT, describeFileError, readAwsDirectory } from '../io';
import { readOptions } from '../options';
import type { Subcommand } from '../subcommand';

/** `nimbus import-aws <dir> -o design.json`: notes go to stderr, the design to the file (or stdout without -o). */
export const importAwsCommand: Subcommand = {
  name: 'import-aws',
  usage: 'import-aws <dir> -o <design.json>',
  summary: ['build a design from aws ec2 describe-* JSON files in <dir>'],
  readsOptions: true,
  async run(args, { io }) {
    const normalised = args.map((a) => (a === '-o' ? '--output' : a));
    const { positional, options, error } = readOptions(normalised, ['output']);
    if (error || positional.length !== 1)
      return badInput(
        io,
        'import-aws',
        `${error ?? 'give one directory of describe-* JSON files'}, e.g. nimbus import-aws ./aws -o design.json`,
      );
    const dir = positional[0]!;
    let entries: string[] | null;
    try {
      entries = await io.listDir(dir);
    } catch (error) {
      return badInput(io, 'import-aws', `can't read ${dir}: ${describeFileError(error)}`);
    }
    if (!entries) return badInput(io, 'import-aws', `${dir} is not a directory`);
    const design = await readAwsDirectory('import-aws', dir, entries, io, false);
    if (!design) return BAD_INPUT;
    const text = JSON.stringify(design, null, 2) + '\n';
    const output = options.get('output');
    if (output) {
      try {
        await io.writeText(output, text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        // Writing, a missing path means a missing folder: the file itself is about to be made.
        const why = code === 'ENOENT' ? 'its folder does not exist' : describeFileError(error);
        return badInput(io, 'import-aws', `can't write ${output}: ${why}`);
      }
      io.err(`Wrote ${Object.keys(design.resources).length} resources to ${output}.`);
    } else io.out(text.trimEnd());
    return 0;
  },
};
