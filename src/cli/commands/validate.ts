import { hasErrors, validateDesign, type Finding } from '../../engine';
import { badInput, BAD_INPUT, printJson, readDesignArgument } from '../io';
import type { Subcommand } from '../subcommand';

function formatFinding(f: Finding): string {
  return `${f.severity.padEnd(8)}${f.code.padEnd(34)}${f.resourceId}  ${f.message}${f.fix ? `  Fix: ${f.fix}` : ''}`;
}

/** `nimbus validate <design> [--json]`: the Problems panel on a command line; exit 1 when any finding is an error. */
export const validateCommand: Subcommand = {
  name: 'validate',
  usage: 'validate <design.json> [--json]',
  summary: ['list problems in a design; exit 1 when any is an error'],
  readsOptions: false,
  async run(args, { io, json }) {
    const [path] = args;
    if (path === undefined || args.length !== 1)
      return badInput(io, 'validate', 'give exactly one design file, e.g. nimbus validate design.json');
    const design = await readDesignArgument('validate', path, io);
    if (!design) return BAD_INPUT;
    const findings = validateDesign(design);
    if (json) {
      printJson(io, {
        findings: findings.map(({ severity, code, resourceId, message }) => ({ severity, code, resourceId, message })),
      });
    } else if (findings.length === 0) {
      io.out(`${design.name}: no problems found.`);
    } else {
      findings.forEach((f) => io.out(formatFinding(f)));
      const errors = findings.filter((f) => f.severity === 'error').length;
      io.out(`${errors} error(s), ${findings.length - errors} warning(s).`);
    }
    return hasErrors(findings) ? 1 : 0;
  },
};
