import type { CliIo } from './io';
import { SUBCOMMANDS, usageText } from './subcommands';

export type { CliIo } from './io';

/**
 * `nimbus` command line: finds the subcommand in the table and runs it.
 * Exit codes: 0 fine, 1 the design has errors (or the answer is no), 2 the
 * input could not be read (bad CIDR, missing or broken file, bad usage).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const [name, ...args] = argv.filter((a) => a !== '--json');
  const command = SUBCOMMANDS.find((c) => c.name === name);
  if (name === '--help' || name === '-h') {
    io.out(usageText());
    return 0;
  }
  const unknownOption = command?.readsOptions ? undefined : argv.find((a) => a.startsWith('--') && a !== '--json');
  if (unknownOption) {
    io.err(`nimbus: unknown option ${unknownOption}\n${usageText()}`);
    return 2;
  }
  if (command) return command.run(args, { io, json });
  if (name === undefined || name === 'help') {
    io.out(usageText());
    // Bare `nimbus` is a mistake in a script; asking for help is not.
    return name === undefined ? 2 : 0;
  }
  io.err(`nimbus: unknown command "${name}"\n${usageText()}`);
  return 2;
}
