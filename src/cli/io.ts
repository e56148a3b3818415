import { describeSetAside, parseDesignJson, type Design, type SetAsideResource } from '../domain';
import { importAws, type AwsFile } from '../share/awsImport';
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
 * a share link or a challenge link (its starting design). On failure says why
 * on stderr and returns null (exit 2).
 */
export async function readDesignArgument(command: string, path: string, io: CliIo): Promise<Design | null> {
  const link = readShareUrl(path);
  if (link.kind === 'learn') {
    // A challenge link: the design is the challenge's starting point.
    const decoded = decodeJsonSnapshot(link.snapshot);
    if (!decoded.ok) {
      io.err(`nimbus ${command}: the challenge link could not be opened. ${decoded.message}`);
      return null;
    }
    const lesson = parseLesson(decoded.json);
    if (lesson.ok) return lesson.lesson.start;
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
    return decoded.design;
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
  if (entries) return readAwsDirectory(command, path, entries, io);
  const parsed = parseDesignJson(text);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 5).join('; ');
    io.err(
      `nimbus ${command}: ${path} is not a valid Nimbus design: ${shown}${parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more)` : ''}`,
    );
    return null;
  }
  warnSetAside(io, command, path, parsed.setAside);
  return parsed.design;
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
