import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { reportUnexpected, runCli } from './main';
import type { CliIo } from './io';

const argv = process.argv.slice(2);
const io: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  readText: (path) => readFile(path, 'utf8'),
  listDir: async (path) => ((await stat(path).catch(() => null))?.isDirectory() ? readdir(path) : null),
  writeText: (path, text) => writeFile(path, text),
};
try {
  process.exitCode = await runCli(argv, io);
} catch (error) {
  // runCli reports its own errors; this is for a failure around it (a stream closed under us).
  reportUnexpected(error, argv, io, argv.includes('--debug'));
  process.exitCode = 2;
}
