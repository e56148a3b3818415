import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { runCli } from './main';

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  readText: (path) => readFile(path, 'utf8'),
  listDir: async (path) => ((await stat(path).catch(() => null))?.isDirectory() ? readdir(path) : null),
  writeText: (path, text) => writeFile(path, text),
});
process.exitCode = code;
