import { readFile } from 'node:fs/promises';
import { runCli } from './main';

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  readText: (path) => readFile(path, 'utf8'),
});
process.exitCode = code;
