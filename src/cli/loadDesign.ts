import { parseDesignJson, type Design } from '../domain';
import { importAws } from '../share/awsImport';
import { readShareUrl } from '../share/links';
import { decodeJsonSnapshot, decodeSnapshot } from '../share/urlCodec';
import { parseLesson } from '../scenarios/learn';
import type { CliIo } from './main';

/** Reads a design file for a command; on failure says why on stderr and returns null (exit 2). */
export async function loadDesign(command: string, path: string, io: CliIo): Promise<Design | null> {
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
    if (!decoded.ok) io.err(`nimbus ${command}: the share link could not be opened. ${decoded.message}`);
    return decoded.ok ? decoded.design : null;
  }
  const entries = await io.listDir(path);
  if (entries) return loadAwsDirectory(command, path, entries, io);
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
  return parsed.design;
}

/** Reads every .json file of a directory as aws ec2 describe-* output. */
export async function loadAwsDirectory(
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
