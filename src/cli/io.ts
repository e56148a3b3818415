import { describeSetAside, parseDesignJson, type Design, type SetAsideResource } from '../domain';
import { importAws } from '../share/awsImport';
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
  const entries = await io.listDir(path);
  if (entries) return readAwsDirectory(command, path, entries, io);
  let text: string;
  try {
    text = await io.readText(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`nimbus ${command}: can't read ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
    return null;
  }
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

/** Reads every .json file of a directory as aws ec2 describe-* output; `quiet: false` prints the import notes. */
export async function readAwsDirectory(
  command: string,
  dir: string,
  entries: string[],
  io: CliIo,
  quiet = true,
): Promise<Design | null> {
  const names = entries.filter((name) => name.endsWith('.json')).sort();
  if (names.length === 0) {
    io.err(`nimbus ${command}: ${dir} has no .json files`);
    return null;
  }
  const files = await Promise.all(names.map(async (name) => ({ name, text: await io.readText(`${dir}/${name}`) })));
  const result = importAws(files, dir.split('/').filter(Boolean).pop() ?? 'Imported from AWS');
  if (!result.ok) {
    io.err(`nimbus ${command}: ${result.errors.join('; ')}`);
    return null;
  }
  if (!quiet) result.notes.forEach((note) => io.err(`note: ${note}`));
  return result.design;
}
