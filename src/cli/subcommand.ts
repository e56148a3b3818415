import type { CliIo } from './io';

export interface RunContext {
  io: CliIo;
  /** `--json` was given anywhere on the line: print one JSON document instead of text. */
  json: boolean;
}

/** One row of the `nimbus` table: `--help` and the unknown-command message are printed from these. */
export interface Subcommand {
  name: string;
  /** What follows `nimbus` on the usage line: `cidr <cidr> [--json]`. */
  usage: string;
  /** What it does and what its exit codes mean, one line each. */
  summary: readonly string[];
  /** True when the command reads its own `--options`; otherwise any option but `--json` is refused before it runs. */
  readsOptions: boolean;
  /** `args`: everything after the command's name, without `--json`. Returns the exit code. */
  run: (args: string[], context: RunContext) => number | Promise<number>;
}
