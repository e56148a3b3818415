import { getResource, resourcesOfKind, type Design } from '../../domain';
import { analyzeReachability, type EndpointSpec, type ExposureReport } from '../../engine';

/**
 * One path the exposure analysis finds open: a source (the internet, an
 * on-premises network, a host in a subnet) reaching an instance on a TCP port,
 * there and back. The diff compares these sets before and after.
 */
export interface ReachPath {
  /** Identity across the two designs, in the before side's ids. */
  key: string;
  sourceKind: 'internet' | 'onPremises' | 'subnet';
  /** The on-premises network or the source subnet; null for the internet. */
  sourceId: string | null;
  sourceName: string;
  instanceId: string;
  instanceName: string;
  /** The instance's subnet and VPC, so a path reads as subnet → subnet or on-premises → VPC. */
  subnetName: string;
  vpcName: string;
  protocol: 'tcp';
  port: number;
  /** The path in words: "internet → Web A (i-1) TCP 22". */
  text: string;
  /** The rule that lets it in, in the design the path is open in (for a closed path, the before design). */
  rule?: OpeningRule;
}

/** The security group rule (or, when no group is on the path, the first rule) that allowed the request in. */
export interface OpeningRule {
  /** The group or ACL. */
  resourceId: string;
  /** "web: TCP 22 from 0.0.0.0/0". */
  text: string;
}

function pathText(p: Omit<ReachPath, 'key' | 'text' | 'rule'>): string {
  const to = `${p.instanceName} (${p.instanceId}) TCP ${p.port}`;
  switch (p.sourceKind) {
    case 'internet':
      return `internet → ${to}`;
    case 'onPremises':
      return `on-premises ${p.sourceName} → VPC ${p.vpcName}: ${to}`;
    case 'subnet':
      return `subnet ${p.sourceName} → subnet ${p.subnetName}: ${to}`;
  }
}

/**
 * The open paths of one design from its exposure report, one per source,
 * instance and port (a subnet class of the report is spread to its subnets).
 * `canon` turns this side's ids into the before side's, for the keys.
 */
export function openPaths(
  design: Design,
  report: ExposureReport,
  canon: (id: string) => string = (id) => id,
): Map<string, ReachPath> {
  const paths = new Map<string, ReachPath>();
  const onPremisesByName = new Map<string, string>();
  for (const network of resourcesOfKind(design, 'onPremisesNetwork'))
    if (!onPremisesByName.has(network.name)) onPremisesByName.set(network.name, network.id);
  for (const entry of report.entries) {
    const instance = getResource(design, entry.instanceId, 'ec2Instance');
    const subnet = instance ? getResource(design, instance.subnetId, 'subnet') : undefined;
    const vpc = subnet ? getResource(design, subnet.vpcId, 'vpc') : undefined;
    const where = {
      instanceId: entry.instanceId,
      instanceName: entry.instanceName,
      subnetName: subnet?.name ?? instance?.subnetId ?? '',
      vpcName: vpc?.name ?? subnet?.vpcId ?? '',
      protocol: 'tcp' as const,
    };
    const sources: { id: string | null; name: string }[] =
      entry.sourceKind === 'internet'
        ? [{ id: null, name: 'internet' }]
        : entry.sourceKind === 'onPremises'
          ? [{ id: onPremisesByName.get(entry.source) ?? null, name: entry.source }]
          : (entry.subnetIds ?? []).map((id) => ({ id, name: getResource(design, id, 'subnet')?.name ?? id }));
    for (const source of sources)
      for (const port of entry.ports) {
        const key = `${entry.sourceKind}:${source.id === null ? '-' : canon(source.id)}>${canon(entry.instanceId)}:tcp/${port}`;
        const path = { ...where, sourceKind: entry.sourceKind, sourceId: source.id, sourceName: source.name, port };
        paths.set(key, { key, ...path, text: pathText(path) });
      }
  }
  return paths;
}

function sourceSpec(path: ReachPath): EndpointSpec | null {
  if (path.sourceKind === 'internet') return { kind: 'internet' };
  if (path.sourceId === null) return null;
  return path.sourceKind === 'onPremises'
    ? { kind: 'onPremises', id: path.sourceId }
    : { kind: 'subnetHost', subnetId: path.sourceId };
}

/** The rule that lets the path's request in: its security group rule, else the first rule that allowed it. */
export function openingRule(design: Design, path: ReachPath): OpeningRule | undefined {
  const from = sourceSpec(path);
  if (!from) return undefined;
  const outcome = analyzeReachability(design, {
    from,
    to: { kind: 'resource', id: path.instanceId },
    protocol: path.protocol,
    port: path.port,
  });
  if (!outcome.ok) return undefined;
  const allowing = outcome.result.forward.filter((hop) => hop.decision === 'allow' && hop.rule !== null && hop.ruleRef);
  const hop = allowing.find((h) => h.ruleRef?.kind === 'sg' && h.ruleRef.direction === 'inbound') ?? allowing[0];
  return hop ? { resourceId: hop.id, text: hop.rule! } : undefined;
}
