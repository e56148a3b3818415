import { IAC_FORMATS } from '../../share/iac';
import { badInput, BAD_INPUT, describeFileError, readDesignArgument } from '../io';
import { readOptions } from '../options';
import type { Subcommand } from '../subcommand';

const formatIds = () => IAC_FORMATS.map((f) => f.id).join(', ');

/**
 * `nimbus export <design> --format <id> [-o file]`: the design as infrastructure
 * as code, in any format of `IAC_FORMATS`. One file goes to `-o` (or stdout);
 * a format that writes several (Terraform's code and sidecar) writes them into
 * the `-o` folder, or prints each after a `# file: <name>` line.
 */
export const exportCommand: Subcommand = {
  name: 'export',
  usage: 'export <design> --format <id> [-o file]',
  summary: [`write the design as code (--format ${IAC_FORMATS.map((f) => f.id).join('|') || 'cloudformation'})`],
  readsOptions: true,
  async run(args, { io }) {
    const normalised = args.map((a) => (a === '-o' ? '--output' : a));
    const { positional, options, error } = readOptions(normalised, ['format', 'output']);
    if (error || positional.length !== 1)
      return badInput(
        io,
        'export',
        `${error ?? 'give one design'}, e.g. nimbus export design.json --format cloudformation -o stack.yaml`,
      );
    const id = options.get('format');
    const format = IAC_FORMATS.find((f) => f.id === id);
    if (!format)
      return badInput(io, 'export', `${id ? `unknown format "${id}"` : '--format is needed'}: one of ${formatIds()}`);
    const design = await readDesignArgument('export', positional[0]!, io);
    if (!design) return BAD_INPUT;
    const files = format.exportDesign(design);
    // What the code could not say so the provider accepts it: on stderr, so stdout stays the file.
    for (const warning of files.flatMap((f) => f.warnings ?? [])) io.err(`nimbus export: warning: ${warning}`);
    const output = options.get('output');
    if (!output) {
      if (files.length === 1) io.out(files[0]!.text.trimEnd());
      else for (const file of files) io.out(`# file: ${file.name}\n${file.text.trimEnd()}`);
      return 0;
    }
    let targets: { path: string; text: string }[];
    if (files.length === 1) targets = [{ path: output, text: files[0]!.text }];
    else {
      const isFolder = await io.listDir(output).catch(() => null);
      if (!isFolder)
        return badInput(
          io,
          'export',
          `${format.label} writes ${files.length} files: -o must name an existing folder (${output} is not one)`,
        );
      targets = files.map((file) => ({ path: `${output.replace(/\/+$/, '')}/${file.name}`, text: file.text }));
    }
    for (const target of targets) {
      try {
        await io.writeText(target.path, target.text);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException | null)?.code;
        const why = code === 'ENOENT' ? 'its folder does not exist' : describeFileError(e);
        return badInput(io, 'export', `can't write ${target.path}: ${why}`);
      }
    }
    io.err(`Wrote ${targets.map((t) => t.path).join(', ')} (${format.label}).`);
    return 0;
  },
};
