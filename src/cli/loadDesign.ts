import { parseDesignJson, type Design } from '../domain';
import type { CliIo } from './main';

/** Reads a design file for a command; on failure says why on stderr and returns null (exit 2). */
export async function loadDesign(command: string, path: string, io: CliIo): Promise<Design | null> {
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
