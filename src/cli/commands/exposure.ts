import { analyzeExposure } from '../../engine';
import { badInput, BAD_INPUT, printJson, readDesignArgument } from '../io';
import type { Subcommand } from '../subcommand';

/** `nimbus exposure <design> [--json]`: who reaches each instance on which ports; exit 1 when something risky is open. */
export const exposureCommand: Subcommand = {
  name: 'exposure',
  usage: 'exposure <design.json> [--json]',
  summary: ['who reaches each instance on which ports; exit 1 when SSH, RDP or a database is open to the internet'],
  // Options it doesn't know are ignored, as they always were.
  readsOptions: true,
  async run(allArgs, { io, json }) {
    const args = allArgs.filter((a) => !a.startsWith('--'));
    const [path] = args;
    if (!path || args.length !== 1)
      return badInput(io, 'exposure', 'give one design file, e.g. nimbus exposure design.json');
    const design = await readDesignArgument('exposure', path, io);
    if (!design) return BAD_INPUT;
    const report = analyzeExposure(design);
    if (json) printJson(io, { entries: report.entries, findings: report.findings });
    else {
      if (report.entries.length === 0) io.out('Nothing can open a connection to any instance.');
      for (const e of report.entries)
        io.out(`${e.instanceName.padEnd(24)} from ${e.source.padEnd(28)} TCP ${e.ports.join(', ')}`);
      for (const f of report.findings) io.out(`warning ${f.code}: ${f.message}`);
    }
    return report.findings.length > 0 ? 1 : 0;
  },
};
