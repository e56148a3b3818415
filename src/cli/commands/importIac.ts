import type { IacImportNote } from '../../share/iac';
import { recogniseIacFormat, type IacCompanion } from '../../share/iac';
import { badInput, describeFileError } from '../io';
import { readOptions } from '../options';
import type { Subcommand } from '../subcommand';

/** The import note in lines: `14 resources; not modelled: AWS::SQS::Queue × 2`, then unknown values and warnings. */
export function noteLines(note: IacImportNote, resources: number): string[] {
  const unsupported = note.unsupported.map((u) => `${u.type} × ${u.count}`).join(', ');
  return [
    `${resources} resources${unsupported ? `; not modelled: ${unsupported}` : ''}`,
    ...note.unknownValues.map((v) => `unknown until deployed: ${v}`),
    ...note.warnings,
  ];
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.');
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** `nimbus import <file> [-o design.json]`: a CloudFormation template or Terraform file as a design; the note on stderr. */
export const importIacCommand: Subcommand = {
  name: 'import',
  usage: 'import <file> [-o design.json]',
  summary: ['read a CloudFormation template (YAML or JSON) or Terraform file as a design'],
  readsOptions: true,
  async run(args, { io }) {
    const normalised = args.map((a) => (a === '-o' ? '--output' : a));
    const { positional, options, error } = readOptions(normalised, ['output']);
    if (error || positional.length !== 1)
      return badInput(io, 'import', `${error ?? 'give one file'}, e.g. nimbus import stack.yaml -o design.json`);
    const path = positional[0]!;
    let text: string;
    try {
      text = await io.readText(path);
    } catch (e) {
      return badInput(io, 'import', `can't read ${path}: ${describeFileError(e)}`);
    }
    const fileName = nameOf(path);
    const format = recogniseIacFormat(text, fileName);
    if (!format)
      return badInput(
        io,
        'import',
        `${path} is not a CloudFormation template or Terraform file Nimbus reads (a design file opens with the other commands as it is)`,
      );
    const companions: IacCompanion[] = [];
    if (format.companionNames) {
      const folder = folderOf(path);
      const siblings = ((await io.listDir(folder).catch(() => null)) ?? []).filter((n) => n !== fileName);
      for (const name of format.companionNames(fileName, siblings)) {
        try {
          companions.push({ name, text: await io.readText(`${folder}/${name}`) });
        } catch (e) {
          return badInput(io, 'import', `can't read ${folder}/${name}: ${describeFileError(e)}`);
        }
      }
    }
    const result = format.importText(text, fileName, companions);
    if (!result.ok) return badInput(io, 'import', result.message);
    const [first, ...rest] = noteLines(result.note, Object.keys(result.design.resources).length);
    io.err(`Imported from ${format.label}: ${first}`);
    rest.forEach((line) => io.err(`note: ${line}`));
    const json = JSON.stringify(result.design, null, 2) + '\n';
    const output = options.get('output');
    if (!output) {
      io.out(json.trimEnd());
      return 0;
    }
    try {
      await io.writeText(output, json);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException | null)?.code;
      return badInput(
        io,
        'import',
        `can't write ${output}: ${code === 'ENOENT' ? 'its folder does not exist' : describeFileError(e)}`,
      );
    }
    io.err(`Wrote ${output}.`);
    return 0;
  },
};
