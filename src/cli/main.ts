import { BAD_INPUT, type CliIo } from './io';
import { SUBCOMMANDS, usageText } from './subcommands';

export type { CliIo } from './io';

/** Flags every command takes, wherever they stand on the line. */
const GLOBAL_FLAGS = ['--json', '--debug'];

/**
 * `nimbus` command line: finds the subcommand in the table and runs it.
 * Exit codes: 0 fine, 1 the design has errors (or the answer is no), 2 the
 * input could not be read (bad CIDR, missing or broken file, bad usage).
 * Never throws: anything unexpected is one line on stderr and exit 2, with
 * the stack only under `--debug`.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await dispatch(argv, io);
  } catch (error) {
    reportUnexpected(error, argv, io, debug);
    return BAD_INPUT;
  }
}

/** One line a user can act on; the stack is for whoever debugs Nimbus. */
export function reportUnexpected(error: unknown, argv: readonly string[], io: CliIo, debug: boolean): void {
  const command = SUBCOMMANDS.find((c) => c.name === argv.find((a) => !GLOBAL_FLAGS.includes(a)))?.name;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const hint = debug ? '' : ' (run again with --debug for details)';
  io.err(`nimbus${command ? ` ${command}` : ''}: unexpected error: ${message}${hint}`);
  if (debug && error instanceof Error && error.stack) io.err(error.stack);
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const [name, ...args] = argv.filter((a) => !GLOBAL_FLAGS.includes(a));
  const command = SUBCOMMANDS.find((c) => c.name === name);
  if (name === '--help' || name === '-h') {
    io.out(usageText());
    return 0;
  }
  const unknownOption = command?.readsOptions
    ? undefined
    : argv.find((a) => a.startsWith('--') && !GLOBAL_FLAGS.includes(a));
  if (unknownOption) {
    io.err(`nimbus: unknown option ${unknownOption}\n${usageText()}`);
    return 2;
  }
  if (command) return await command.run(args, { io, json });
  if (name === undefined || name === 'help') {
    io.out(usageText());
    // Bare `nimbus` is a mistake in a script; asking for help is not.
    return name === undefined ? 2 : 0;
  }
  io.err(`nimbus: unknown command "${name}"\n${usageText()}`);
  return 2;
}
