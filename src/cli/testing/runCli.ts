import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { runCli } from '../main';

/** Runs the CLI as the shell would, on the real filesystem, and collects what it prints. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readText: (p) => readFile(p, 'utf8'),
    listDir: async (p) => ((await stat(p).catch(() => null))?.isDirectory() ? readdir(p) : null),
    writeText: (p, t) => writeFile(p, t),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
