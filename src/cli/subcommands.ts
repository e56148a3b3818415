import { cidrCommand } from './commands/cidr';
import { diffCommand } from './commands/diff';
import { exposureCommand } from './commands/exposure';
import { exportCommand } from './commands/export';
import { importAwsCommand } from './commands/importAws';
import { importIacCommand } from './commands/importIac';
import { reachCommand } from './commands/reach';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';
import type { Subcommand } from './subcommand';

/** Every `nimbus` subcommand, in the order `--help` lists them. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  cidrCommand,
  validateCommand,
  reachCommand,
  exposureCommand,
  importAwsCommand,
  exportCommand,
  importIacCommand,
  simulateCommand,
  diffCommand,
];

const SUMMARY_COLUMN = 41;

/** The usage text, from the table: each usage line with its summary beside it, or under it when the line is long. */
export function usageText(commands: readonly Subcommand[] = SUBCOMMANDS): string {
  const lines = ['usage:'];
  for (const command of commands) {
    const usage = `  nimbus ${command.usage}`;
    const [first = '', ...more] = command.summary;
    if (usage.length < SUMMARY_COLUMN) lines.push(`${usage.padEnd(SUMMARY_COLUMN)}${first}`);
    else lines.push(usage, `${' '.repeat(SUMMARY_COLUMN)}${first}`);
    for (const line of more) lines.push(`${' '.repeat(SUMMARY_COLUMN)}${line}`);
  }
  lines.push(
    '  Wherever a design is read, a directory of describe-* JSON files works too, or a share or challenge link (quote it).',
    '  nimbus --help prints this. Exit codes: 0 fine, 1 the answer is no (see each command), 2 bad input.',
    '  --debug prints the stack of an unexpected error.',
  );
  return lines.join('\n');
}
