import { hasPorts, readProtocol } from '../../domain';
import { analyzeReachability, parseEndpoint, type Hop, type LoadBalancerReach } from '../../engine';
import { badInput, BAD_INPUT, printJson, readDesignArgument } from '../io';
import { integerOption, readOptions } from '../options';
import type { Subcommand } from '../subcommand';

const hopJson = (h: Hop) => ({
  component: h.component,
  id: h.id,
  decision: h.decision,
  rule: h.rule,
  explanation: h.explanation,
});

const blockedJson = (blocked: LoadBalancerReach['targets'][number]['blockedBy']) =>
  blocked ? { component: blocked.component, id: blocked.id, code: blocked.code } : null;

/** Through a load balancer: the listener, the group and one verdict per target, as JSON. */
const balancerJson = (lb: LoadBalancerReach) => ({
  loadBalancerId: lb.loadBalancerId,
  type: lb.type,
  listener: lb.listener,
  targetGroupId: lb.targetGroupId,
  targets: lb.targets.map((t) => ({
    id: t.target.id,
    name: t.name,
    zoneId: t.target.zoneId,
    nodeSubnetId: t.nodeSubnetId,
    reachable: t.reachable,
    failure: t.failure,
    blockedBy: blockedJson(t.blockedBy),
    health: t.health,
    // Through every node in service, when the load balancer balances across zones (DNS gives clients each node).
    ...(t.legs
      ? {
          legs: t.legs.map((leg) => ({
            nodeSubnetId: leg.nodeSubnetId,
            reachable: leg.reachable,
            failure: leg.failure,
            blockedBy: blockedJson(leg.blockedBy),
          })),
        }
      : {}),
  })),
});

/** The lines that say what each target of a load balancer answers. */
function balancerLines(lb: LoadBalancerReach): string[] {
  const lines = [
    `Through ${lb.type === 'application' ? 'the ALB' : 'the NLB'}: listener ${lb.listener ?? 'none'}, target group ${lb.targetGroupId ?? 'none'}`,
  ];
  if (lb.listener && lb.targets.length === 0) lines.push('  no registered targets');
  for (const t of lb.targets)
    lines.push(
      t.reachable
        ? `  ${t.name} (${t.target.id}): reachable`
        : `  ${t.name} (${t.target.id}): not reachable (${t.failure ?? 'blocked'}) at ${t.blockedBy?.component ?? 'the load balancer'} (${t.blockedBy?.code ?? ''})`,
    );
  return lines;
}

/** `nimbus reach <design> --from X --to Y [--protocol tcp] [--port 443] [--source-port N] [--json]`: exit 0 reachable, 1 not, 2 bad input. */
export const reachCommand: Subcommand = {
  name: 'reach',
  usage: 'reach <design.json> --from X --to Y [--protocol tcp|udp|icmp|N] [--port N] [--source-port N] [--json]',
  summary: [
    'can X reach Y? X and Y: a name, an id, an IPv4 address or "internet"; Y may be a load balancer',
    '(every target answers) or an RDS DB instance;',
    'exit 0 reachable, 1 not reachable, 2 bad input',
  ],
  readsOptions: true,
  async run(args, { io, json }) {
    const { positional, options, error } = readOptions(args, ['from', 'to', 'protocol', 'port', 'source-port']);
    const fail = (message: string) => badInput(io, 'reach', message);
    if (error) return fail(error);
    const [path] = positional;
    if (!path || positional.length !== 1)
      return fail('give one design file, e.g. nimbus reach design.json --from internet --to web-1 --port 443');
    const fromText = options.get('from');
    const toText = options.get('to');
    if (!fromText || !toText) return fail('--from and --to are required');
    // A name or an IP protocol number, as AWS writes rules: `--protocol 50` is ESP; 6, 17 and 1 are TCP, UDP and ICMP.
    const protocolText = options.get('protocol') ?? 'tcp';
    const protocol = readProtocol(protocolText);
    if (protocol === 'all')
      return fail('--protocol all is a rule, not a packet: give one protocol (tcp, udp, icmp or a number 0-255)');
    if (protocol === null)
      return fail(`--protocol must be tcp, udp, icmp or an IP protocol number 0-255, not "${protocolText}"`);
    const PORTS = { min: 0, max: 65535 };
    const port = integerOption(options, 'port', PORTS, hasPorts(protocol) ? 443 : 0);
    if (port === null) return fail(`--port must be a whole number 0-65535, not "${options.get('port')}"`);
    const sourcePort = integerOption(options, 'source-port', PORTS);
    if (sourcePort === null)
      return fail(`--source-port must be a whole number 0-65535, not "${options.get('source-port')}"`);
    const design = await readDesignArgument('reach', path, io);
    if (!design) return BAD_INPUT;
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
      printJson(io, {
        reachable: r.reachable,
        forward: r.forward.map(hopJson),
        return: r.return.map(hopJson),
        blockedBy: r.blockedBy
          ? { component: r.blockedBy.component, id: r.blockedBy.id, code: r.blockedBy.code }
          : null,
        ...(r.loadBalancer ? { loadBalancer: balancerJson(r.loadBalancer) } : {}),
      });
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
      if (r.loadBalancer) for (const line of balancerLines(r.loadBalancer)) io.out(line);
    }
    return r.reachable ? 0 : 1;
  },
};
