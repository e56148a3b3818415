/** The `nimbus` command line: run it with arguments and an io (bin.ts gives it Node's). */
export { runCli } from './main';
export type { CliIo } from './io';
export { SUBCOMMANDS, usageText } from './subcommands';
export type { RunContext, Subcommand } from './subcommand';
