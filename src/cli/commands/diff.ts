import type { Design } from '../../domain';
import { diffDesigns, type DesignDiff, type ReachPath } from '../../scenarios/diff';
import { badInput, BAD_INPUT, printJson, readChangeArgument, readDesignInput, type CliIo } from '../io';
import { readWhatIf } from '../../share/links';
import { decodeSnapshot } from '../../share/urlCodec';
import { readOptions } from '../options';
import type { Subcommand } from '../subcommand';

/** What `--fail-on` may ask for: each a condition that, when the change meets it, makes the exit code 1. */
export type FailCondition =
  | { kind: 'internet-exposure' }
  | { kind: 'new-errors' }
  /** The monthly cost rose by more than `percent` % (0: by anything). */
  | { kind: 'cost-increase'; percent: number };

const PERCENT = /^[0-9]+(\.[0-9]+)?$/;

/** Reads `internet-exposure,new-errors,cost-increase:20`; a message for what it can't read. */
export function readFailOn(text: string): { ok: true; conditions: FailCondition[] } | { ok: false; message: string } {
  const conditions: FailCondition[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === 'internet-exposure' || part === 'new-errors') conditions.push({ kind: part });
    else if (part === 'cost-increase') conditions.push({ kind: 'cost-increase', percent: 0 });
    else if (part.startsWith('cost-increase:') && PERCENT.test(part.slice('cost-increase:'.length)))
      conditions.push({ kind: 'cost-increase', percent: Number(part.slice('cost-increase:'.length)) });
    else
      return {
        ok: false,
        message: `--fail-on: "${part}" is not a condition; give a comma-separated list of internet-exposure, new-errors, cost-increase or cost-increase:<percent>`,
      };
  }
  return { ok: true, conditions };
}

/** The conditions the change meets, each said in one line. */
export function failuresOf(diff: DesignDiff, conditions: readonly FailCondition[]): string[] {
  const failures: string[] = [];
  for (const condition of conditions) {
    if (condition.kind === 'internet-exposure') {
      const opened = diff.paths.opened.filter((p) => p.sourceKind === 'internet');
      if (opened.length > 0)
        failures.push(
          `internet-exposure: ${opened.length} new internet path${opened.length === 1 ? '' : 's'}: ${opened
            .slice(0, 3)
            .map((p) => p.text)
            .join('; ')}${opened.length > 3 ? ` (and ${opened.length - 3} more)` : ''}`,
        );
    } else if (condition.kind === 'new-errors') {
      const errors = diff.findings.new.filter((f) => f.severity === 'error');
      if (errors.length > 0)
        failures.push(
          `new-errors: ${errors.length} new error${errors.length === 1 ? '' : 's'}: ${errors
            .slice(0, 3)
            .map((f) => `${f.code} (${f.resourceId})`)
            .join('; ')}`,
        );
    } else {
      const { deltaUsd, deltaPercent } = diff.cost;
      // From nothing to something is an increase of more than any percentage.
      const rose = deltaUsd > 0 && (deltaPercent === null || deltaPercent > condition.percent);
      if (rose)
        failures.push(
          `cost-increase${condition.percent > 0 ? `:${condition.percent}` : ''}: the monthly cost rose ${percentText(deltaPercent)} (${usd(diff.cost.beforeMonthlyUsd)} → ${usd(diff.cost.afterMonthlyUsd)})`,
        );
    }
  }
  return failures;
}

const usd = (n: number) => `${n < 0 ? '-' : ''}$${Math.abs(n).toFixed(2)}`;
const signedUsd = (n: number) => `${n > 0 ? '+' : ''}${usd(n)}`;
const percentText = (p: number | null) => (p === null ? 'from nothing' : `${p > 0 ? '+' : ''}${p.toFixed(1)} %`);

/** Lines of a list beyond this are counted, not printed (`--json` has them all). */
const MAX_LINES = 50;

function list<T>(io: CliIo, items: readonly T[], line: (item: T) => string): void {
  if (items.length === 0) io.out('  none');
  for (const item of items.slice(0, MAX_LINES)) io.out(`  ${line(item)}`);
  if (items.length > MAX_LINES) io.out(`  … and ${items.length - MAX_LINES} more (--json lists them all)`);
}

const ruleText = (p: ReachPath, verb: string) => (p.rule ? `; ${verb} ${p.rule.text} (${p.rule.resourceId})` : '');

function printText(io: CliIo, diff: DesignDiff): void {
  const { resources, paths, exposure, findings, cost } = diff;
  io.out(
    `${diff.before.name} (${diff.before.resources} resources) → ${diff.after.name} (${diff.after.resources} resources)`,
  );
  io.out('');
  io.out(
    `Resources: ${resources.added.length} added, ${resources.removed.length} removed, ${resources.changed.length} changed${resources.matchedByName > 0 ? ` (${resources.matchedByName} matched by kind and name or CIDR, the code having no Nimbus ids)` : ''}`,
  );
  const rows = [
    ...resources.added.map((r) => `+ ${r.kind} ${r.name} (${r.id})`),
    ...resources.removed.map((r) => `- ${r.kind} ${r.name} (${r.id})`),
    ...resources.changed.map(
      (r) =>
        `~ ${r.kind} ${r.name} (${r.id}): ${r.fields.join(', ')}${r.nameBefore === undefined ? '' : ` (was named "${r.nameBefore}")`}`,
    ),
  ];
  list(io, rows, (row) => row);
  io.out('');
  io.out(`Paths opened: ${paths.opened.length}`);
  list(
    io,
    paths.opened,
    (p) => `${p.text}${p.sourceKind === 'internet' ? ' (new internet path)' : ''}${ruleText(p, 'opened by')}`,
  );
  io.out('');
  io.out(`Paths closed: ${paths.closed.length}`);
  list(io, paths.closed, (p) => `${p.text}${ruleText(p, 'was open by')}`);
  io.out('');
  io.out(`Exposure: ${exposure.new.length} new, ${exposure.resolved.length} resolved`);
  list(
    io,
    [...exposure.new.map((f) => ({ f, tag: 'new' })), ...exposure.resolved.map((f) => ({ f, tag: 'resolved' }))],
    ({ f, tag }) => `${tag} ${f.code}: ${f.message}`,
  );
  io.out('');
  io.out(`Findings: ${findings.new.length} new, ${findings.resolved.length} resolved`);
  list(
    io,
    [...findings.new.map((f) => ({ f, tag: 'new' })), ...findings.resolved.map((f) => ({ f, tag: 'resolved' }))],
    ({ f, tag }) => `${tag} ${f.severity} ${f.code} (${f.resourceId}): ${f.message}`,
  );
  io.out('');
  io.out(
    `Cost: ${usd(cost.beforeMonthlyUsd)} → ${usd(cost.afterMonthlyUsd)} a month, ${signedUsd(cost.deltaUsd)} (${percentText(cost.deltaPercent)})`,
  );
  for (const c of cost.changes.slice(0, 10))
    io.out(`  ${c.name} (${c.id}): ${usd(c.beforeUsd)} → ${usd(c.afterUsd)} (${signedUsd(c.deltaUsd)})`);
  io.out(
    '  Estimated as the monthly-cost goal does: the simulation after 2 minutes, its hourly rate × 730 hours; the prices are us-east-1 on-demand.',
  );
}

/** The two sides of a what-if link (`https://…#whatif=…~…`) given on the command line, or null. */
function readWhatIfLink(text: string): { before: string; after: string } | null {
  const hash = text.indexOf('#');
  return /^https?:\/\//.test(text) && hash >= 0 ? readWhatIf(text.slice(hash)) : null;
}

/** `nimbus diff <before> <after> [--json] [--fail-on …]`: what a change does to resources, paths, findings and cost. */
export const diffCommand: Subcommand = {
  name: 'diff',
  usage: 'diff <before> <after> [--json] [--fail-on internet-exposure,new-errors,cost-increase:20]',
  summary: [
    'what a change does: resources added, removed and changed; paths opened and closed (internet,',
    'on-premises and subnets to instances); exposure and validation findings new and resolved; monthly cost.',
    'One Terraform plan (terraform show -json) or what-if link carries both sides. Exit 1 when a --fail-on condition is met',
    '(internet-exposure: a new internet path; new-errors; cost-increase:<percent>: more than that), 2 bad input',
  ],
  readsOptions: true,
  async run(args, { io, json }) {
    const { positional, options, error } = readOptions(args, ['fail-on'], { lists: ['fail-on'] });
    const fail = (message: string) => badInput(io, 'diff', message);
    if (error) return fail(error);
    const failOn = options.has('fail-on') ? readFailOn(options.get('fail-on')!) : { ok: true as const, conditions: [] };
    if (!failOn.ok) return fail(failOn.message);
    if (positional.length < 1 || positional.length > 2)
      return fail('give the design before and the design after, e.g. nimbus diff before.json after.json');

    let before: Design;
    let after: Design;
    let fromCode: boolean;
    const whatIf = positional.length === 1 ? readWhatIfLink(positional[0]!) : null;
    if (whatIf) {
      const left = decodeSnapshot(whatIf.before);
      const right = decodeSnapshot(whatIf.after);
      if (!left.ok || !right.ok)
        return fail(
          `the what-if link could not be opened. ${!left.ok ? left.message : !right.ok ? right.message : ''}`,
        );
      before = left.design;
      after = right.design;
      fromCode = false;
    } else if (positional.length === 1) {
      const change = await readChangeArgument('diff', positional[0]!, io);
      if (!change) return BAD_INPUT;
      ({ before, after } = change);
      fromCode = true;
    } else {
      const left = await readDesignInput('diff', positional[0]!, io);
      if (!left) return BAD_INPUT;
      const right = await readDesignInput('diff', positional[1]!, io);
      if (!right) return BAD_INPUT;
      ({ design: before } = left);
      ({ design: after } = right);
      fromCode = left.fromCode !== null || right.fromCode !== null;
    }
    // Code without Nimbus ids gets generated ones, which say nothing across two files: match by name there.
    const diff = diffDesigns(before, after, { matchByName: fromCode });
    const failures = failuresOf(diff, failOn.conditions);
    if (json) printJson(io, { ...diff, failures });
    else printText(io, diff);
    for (const failure of failures) io.err(`nimbus diff: fail-on ${failure}`);
    return failures.length > 0 ? 1 : 0;
  },
};
