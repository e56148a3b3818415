import { analyzeExposure, analyzeReachability, parseEndpoint, type Hop } from '../engine';
import { loadDesign } from './loadDesign';
import type { CliIo } from './main';

/** Reads `--name value` options; returns the positional arguments and the options. */
export function readOptions(
  args: string[],
  names: readonly string[],
): { positional: string[]; options: Map<string, string>; error: string | null } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (!names.includes(name)) return { positional, options, error: `unknown option --${name}` };
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return { positional, options, error: `--${name} needs a value` };
    options.set(name, value);
    i++;
  }
  return { positional, options, error: null };
}

const hopJson = (h: Hop) => ({
  component: h.component,
  id: h.id,
  decision: h.decision,
  rule: h.rule,
  explanation: h.explanation,
});

/** `nimbus reach <design> --from X --to Y [--protocol tcp] [--port 443] [--source-port N] [--json]`: exit 0 reachable, 1 not, 2 bad input. */
export async function reachCommand(args: string[], json: boolean, io: CliIo): Promise<number> {
  const { positional, options, error } = readOptions(args, ['from', 'to', 'protocol', 'port', 'source-port']);
  const fail = (message: string) => {
    io.err(`nimbus reach: ${message}`);
    return 2;
  };
  if (error) return fail(error);
  const [path] = positional;
  if (!path || positional.length !== 1)
    return fail('give one design file, e.g. nimbus reach design.json --from internet --to web-1 --port 443');
  const fromText = options.get('from');
  const toText = options.get('to');
  if (!fromText || !toText) return fail('--from and --to are required');
  const protocol = (options.get('protocol') ?? 'tcp').toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'icmp')
    return fail(`--protocol must be tcp, udp or icmp, not "${protocol}"`);
  const port = Number(options.get('port') ?? (protocol === 'icmp' ? '0' : '443'));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(`--port must be a whole number 0-65535, not "${options.get('port')}"`);
  const sourcePortText = options.get('source-port');
  const sourcePort = sourcePortText === undefined ? undefined : Number(sourcePortText);
  if (sourcePort !== undefined && (!Number.isInteger(sourcePort) || sourcePort < 0 || sourcePort > 65535))
    return fail(`--source-port must be 0-65535`);
  const design = await loadDesign('reach', path, io);
  if (!design) return 2;
  const from = parseEndpoint(design, fromText);
  if (!from.ok) return fail(`--from: ${from.error}`);
  const to = parseEndpoint(design, toText);
  if (!to.ok) return fail(`--to: ${to.error}`);
  const outcome = analyzeReachability(design, {
    from: from.spec,
    to: to.spec,
    protocol,
    port,
    ...(sourcePort === undefined ? {} : { sourcePort }),
  });
  if (!outcome.ok) return fail(outcome.error);
  const r = outcome.result;
  if (json) {
    io.out(
      JSON.stringify(
        {
          reachable: r.reachable,
          forward: r.forward.map(hopJson),
          return: r.return.map(hopJson),
          blockedBy: r.blockedBy
            ? { component: r.blockedBy.component, id: r.blockedBy.id, code: r.blockedBy.code }
            : null,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(r.summary);
    const print = (title: string, hops: Hop[]) => {
      if (hops.length === 0) return;
      io.out(title);
      hops.forEach((h, i) =>
        io.out(
          `  ${String(i + 1).padStart(2)}. ${h.decision.padEnd(7)} ${h.component}${h.rule ? ` — ${h.rule}` : ''}\n      ${h.explanation}`,
        ),
      );
    };
    print('Forward:', r.forward);
    print('Return:', r.return);
  }
  return r.reachable ? 0 : 1;
}

/** `nimbus exposure <design> [--json]`: who reaches each instance on which ports; exit 1 when something risky is open. */
export async function exposureCommand(args: string[], json: boolean, io: CliIo): Promise<number> {
  const [path] = args;
  if (!path || args.length !== 1) {
    io.err('nimbus exposure: give one design file, e.g. nimbus exposure design.json');
    return 2;
  }
  const design = await loadDesign('exposure', path, io);
  if (!design) return 2;
  const report = analyzeExposure(design);
  if (json) io.out(JSON.stringify({ entries: report.entries, findings: report.findings }, null, 2));
  else {
    if (report.entries.length === 0) io.out('Nothing can open a connection to any instance.');
    for (const e of report.entries)
      io.out(`${e.instanceName.padEnd(24)} from ${e.source.padEnd(28)} TCP ${e.ports.join(', ')}`);
    for (const f of report.findings) io.out(`warning ${f.code}: ${f.message}`);
  }
  return report.findings.length > 0 ? 1 : 0;
}
