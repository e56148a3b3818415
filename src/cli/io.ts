import { describeSetAside, parseDesignJson, type Design, type SetAsideResource } from '../domain';
import { importAws, type AwsFile } from '../share/awsImport';
import { recogniseIacFormat, type IacFormat, type IacImportNote } from '../share/iac';
import { readShareUrl } from '../share/links';
import { decodeJsonSnapshot, decodeSnapshot } from '../share/urlCodec';
import { parseLesson } from '../scenarios/learn';

/**
 * What every subcommand shares: the outside world (streams and files, so tests
 * run without a process), reading a design argument, printing text or JSON,
 * and saying why input is bad. Exit codes: 0 fine, 1 the answer is "no" (the
 * design has errors, not reachable, something risky is open), 2 bad input.
 */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  readText: (path: string) => Promise<string>;
  /** The names of the files in a directory, or null when the path is not a directory. */
  listDir: (path: string) => Promise<string[] | null>;
  writeText: (path: string, text: string) => Promise<void>;
}

export const BAD_INPUT = 2;

/** What a filesystem error means, in words: `no such file`, `it is a directory`, `permission denied`. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'part of the path is a file, not a directory';
    case 'ELOOP':
      return 'too many symbolic links (a link that points to itself?)';
    default:
      return code ? `error ${code}` : error instanceof Error ? error.message : String(error);
  }
}

const afterPath = (error: unknown) => `: ${describeFileError(error)}`;

/** `nimbus <command>: <message>` on stderr; returns exit code 2. */
export function badInput(io: CliIo, command: string, message: string): number {
  io.err(`nimbus ${command}: ${message}`);
  return BAD_INPUT;
}

/** The `--json` answer: one pretty-printed document on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Tells the user on stderr what of a design was set aside; the command carries on with the rest. */
function warnSetAside(io: CliIo, command: string, source: string, setAside: readonly SetAsideResource[]): void {
  if (setAside.length === 0) return;
  io.err(
    `nimbus ${command}: warning: ${source}: ${describeSetAside(setAside)} The rest of the design was read; nothing was changed.`,
  );
}

/**
 * Reads a design argument: a design file, a directory of AWS describe-* JSON,
 * a share link, a challenge link (its starting design), or a file of one of
 * the infrastructure-as-code formats (`IAC_FORMATS`). On failure says why
 * on stderr and returns null (exit 2).
 */
export async function readDesignArgument(command: string, path: string, io: CliIo): Promise<Design | null> {
  return (await readDesignInput(command, path, io))?.design ?? null;
}

/** A design argument as read, and whether it came from code (whose ids may be generated, not Nimbus's). */
export interface DesignInput {
  design: Design;
  /** The import note when the design was read from an infrastructure-as-code file; null otherwise. */
  fromCode: IacImportNote | null;
}

/** The last part of a path: what a format recognises a file by. */
const fileNameOf = (path: string) => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/** `note:` lines on stderr for what an import could not bring in; the command carries on. */
export function reportIacNote(io: CliIo, command: string, source: string, note: IacImportNote): void {
  const lines: string[] = [];
  if (note.unsupported.length > 0)
    lines.push(
      `resource types Nimbus does not model, left out: ${note.unsupported.map((u) => `${u.type} × ${u.count}`).join(', ')}`,
    );
  if (note.unknownValues.length > 0)
    lines.push(
      `values unknown until apply: ${note.unknownValues.slice(0, 10).join(', ')}${note.unknownValues.length > 10 ? ` (and ${note.unknownValues.length - 10} more)` : ''}`,
    );
  lines.push(...note.warnings);
  for (const line of lines) io.err(`nimbus ${command}: note: ${source}: ${line}`);
}

/** Reads a file argument's text; on failure says why and returns null. */
async function readFileArgument(command: string, path: string, io: CliIo): Promise<string | null> {
  try {
    return await io.readText(path);
  } catch (error) {
    io.err(`nimbus ${command}: can't read ${path}${afterPath(error)}`);
    return null;
  }
}

function importCode(command: string, path: string, text: string, format: IacFormat, io: CliIo): DesignInput | null {
  const result = format.importText(text, fileNameOf(path));
  if (!result.ok) {
    io.err(`nimbus ${command}: ${path} could not be read as ${format.label}: ${result.message}`);
    return null;
  }
  reportIacNote(io, command, path, result.note);
  return { design: result.design, fromCode: result.note };
}

/** `readDesignArgument`, saying also whether the design came from code. */
export async function readDesignInput(command: string, path: string, io: CliIo): Promise<DesignInput | null> {
  const link = readShareUrl(path);
  if (link.kind === 'learn') {
    // A challenge link: the design is the challenge's starting point.
    const decoded = decodeJsonSnapshot(link.snapshot);
    if (!decoded.ok) {
      io.err(`nimbus ${command}: the challenge link could not be opened. ${decoded.message}`);
      return null;
    }
    const lesson = parseLesson(decoded.json);
    if (lesson.ok) return { design: lesson.lesson.start, fromCode: null };
    io.err(`nimbus ${command}: the challenge link could not be opened: ${lesson.errors.slice(0, 3).join('; ')}`);
    return null;
  }
  if (link.kind !== 'none') {
    const decoded = decodeSnapshot(link.snapshot);
    if (!decoded.ok) {
      io.err(`nimbus ${command}: the share link could not be opened. ${decoded.message}`);
      return null;
    }
    warnSetAside(io, command, 'the share link', decoded.setAside);
    return { design: decoded.design, fromCode: null };
  }
  let entries: string[] | null;
  let text: string;
  try {
    entries = await io.listDir(path);
    text = entries ? '' : await io.readText(path);
  } catch (error) {
    io.err(`nimbus ${command}: can't read ${path}${afterPath(error)}`);
    return null;
  }
  if (entries) {
    const design = await readAwsDirectory(command, path, entries, io);
    return design ? { design, fromCode: null } : null;
  }
  const format = recogniseIacFormat(text, fileNameOf(path));
  if (format) return importCode(command, path, text, format, io);
  const parsed = parseDesignJson(text);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 5).join('; ');
    io.err(
      `nimbus ${command}: ${path} is not a valid Nimbus design: ${shown}${parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more)` : ''}`,
    );
    return null;
  }
  warnSetAside(io, command, path, parsed.setAside);
  return { design: parsed.design, fromCode: null };
}

/**
 * Reads one file that carries both sides of a change (a Terraform plan), for
 * `nimbus diff <plan.json>`. Null, with the reason on stderr, when it can't be
 * read or its format holds one design only.
 */
export async function readChangeArgument(
  command: string,
  path: string,
  io: CliIo,
): Promise<{ before: Design; after: Design; note: IacImportNote } | null> {
  const text = await readFileArgument(command, path, io);
  if (text === null) return null;
  const format = recogniseIacFormat(text, fileNameOf(path));
  if (!format?.sides) {
    io.err(
      `nimbus ${command}: ${path} holds one design${format ? ` (${format.label})` : ''}; give the design before and the design after, or a Terraform plan (terraform show -json), which carries both`,
    );
    return null;
  }
  const result = format.sides(text, fileNameOf(path));
  if (!result.ok) {
    io.err(`nimbus ${command}: ${path} could not be read as ${format.label}: ${result.message}`);
    return null;
  }
  reportIacNote(io, command, path, result.note);
  return result;
}

/**
 * The .json files of a directory and of its subdirectories (Batfish's
 * `accounts/<id>/<region>/` layout keeps several accounts and Regions in one
 * tree), as paths relative to it; at most 4 levels down.
 */
async function jsonFilesUnder(dir: string, entries: string[], io: CliIo, prefix = '', depth = 0): Promise<string[]> {
  const found: string[] = [];
  for (const name of entries) {
    if (name.endsWith('.json')) {
      found.push(`${prefix}${name}`);
      continue;
    }
    if (depth >= 4 || name.startsWith('.')) continue;
    const inner = await io.listDir(`${dir}/${prefix}${name}`).catch(() => null);
    if (inner) found.push(...(await jsonFilesUnder(dir, inner, io, `${prefix}${name}/`, depth + 1)));
  }
  return found;
}

/**
 * Reads every .json file of a directory (and its subdirectories) as aws ec2 describe-* output; `quiet: false` prints the import notes.
 * One that can't be read (a folder named x.json, a broken link) is named, and nothing is imported.
 */
export async function readAwsDirectory(
  command: string,
  dir: string,
  entries: string[],
  io: CliIo,
  quiet = true,
): Promise<Design | null> {
  const names = (await jsonFilesUnder(dir, entries, io)).sort();
  if (names.length === 0) {
    io.err(`nimbus ${command}: ${dir} has no .json files`);
    return null;
  }
  const files: AwsFile[] = [];
  const unreadable: string[] = [];
  for (const name of names) {
    const file = `${dir}/${name}`;
    try {
      files.push({ name, text: await io.readText(file) });
    } catch (error) {
      // Listed but not there: a symbolic link whose target is gone.
      const why = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT' ? ': a broken link' : afterPath(error);
      unreadable.push(`can't read ${file}${why}`);
    }
  }
  if (unreadable.length > 0) {
    io.err(`nimbus ${command}: ${unreadable.join('; ')}`);
    return null;
  }
  const result = importAws(files, dir.split('/').filter(Boolean).pop() ?? 'Imported from AWS');
  if (!result.ok) {
    io.err(`nimbus ${command}: ${result.errors.join('; ')}`);
    return null;
  }
  if (!quiet) result.notes.forEach((note) => io.err(`note: ${note}`));
  return result.design;
}
