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
  /** The on-premises network or the (first) source subnet; null for the internet. */
  sourceId: string | null;
  /** For a subnet source, every subnet the path opens or closes from (a host in each, with no groups of its own). */
  sourceIds?: string[];
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

type Where = Pick<ReachPath, 'instanceId' | 'instanceName' | 'subnetName' | 'vpcName' | 'protocol' | 'port'>;

/**
 * The open paths of one design, from its exposure report. Paths from the
 * internet and on-premises networks are kept one per source, instance and
 * port; paths from subnets, which a big design has hundreds of thousands of
 * (every subnet to every instance), as the set of source subnets per instance
 * and port, and only the differences become paths (`subnetPathChanges`).
 * `canon` turns this side's ids into the before side's, for the keys.
 */
export interface OpenPaths {
  outside: Map<string, ReachPath>;
  fromSubnets: Map<string, { where: Where; subnetIds: Set<string> }>;
}

export function openPaths(
  design: Design,
  report: ExposureReport,
  canon: (id: string) => string = (id) => id,
): OpenPaths {
  const outside = new Map<string, ReachPath>();
  const fromSubnets: OpenPaths['fromSubnets'] = new Map();
  const onPremisesByName = new Map<string, string>();
  for (const network of resourcesOfKind(design, 'onPremisesNetwork'))
    if (!onPremisesByName.has(network.name)) onPremisesByName.set(network.name, network.id);
  for (const entry of report.entries) {
    const instance = getResource(design, entry.instanceId, 'ec2Instance');
    const subnet = instance ? getResource(design, instance.subnetId, 'subnet') : undefined;
    const vpc = subnet ? getResource(design, subnet.vpcId, 'vpc') : undefined;
    const at = {
      instanceId: entry.instanceId,
      instanceName: entry.instanceName,
      subnetName: subnet?.name ?? instance?.subnetId ?? '',
      vpcName: vpc?.name ?? subnet?.vpcId ?? '',
      protocol: 'tcp' as const,
    };
    const instanceKey = canon(entry.instanceId);
    for (const port of entry.ports) {
      if (entry.sourceKind === 'subnet') {
        const key = `${instanceKey}:tcp/${port}`;
        let cell = fromSubnets.get(key);
        if (!cell) fromSubnets.set(key, (cell = { where: { ...at, port }, subnetIds: new Set() }));
        for (const id of entry.subnetIds ?? []) cell.subnetIds.add(canon(id));
        continue;
      }
      const sourceId = entry.sourceKind === 'onPremises' ? (onPremisesByName.get(entry.source) ?? null) : null;
      const key = `${entry.sourceKind}:${sourceId === null ? '-' : canon(sourceId)}>${instanceKey}:tcp/${port}`;
      const path = { ...at, port, sourceKind: entry.sourceKind, sourceId, sourceName: entry.source };
      outside.set(key, { key, ...path, text: pathText(path) });
    }
  }
  return { outside, fromSubnets };
}

/** "Private A", "Private A and 3 more subnets". */
function subnetsLabel(design: Design, ids: readonly string[]): string {
  const first = getResource(design, ids[0], 'subnet')?.name ?? ids[0] ?? '';
  return ids.length === 1 ? first : `${first} and ${ids.length - 1} more subnet${ids.length === 2 ? '' : 's'}`;
}

/**
 * The subnet → instance paths open in `to` and not in `from`, one path per
 * instance and port naming the source subnets. `to` is the side whose design
 * names them; `toIds` turns its canonical ids back into that design's own.
 */
export function subnetPathChanges(
  from: OpenPaths,
  to: OpenPaths,
  design: Design,
  toIds: (canonId: string) => string,
): ReachPath[] {
  const paths: ReachPath[] = [];
  for (const [key, cell] of to.fromSubnets) {
    const had = from.fromSubnets.get(key)?.subnetIds;
    const gained = [...cell.subnetIds].filter((id) => !had?.has(id)).map(toIds);
    if (gained.length === 0) continue;
    const path = {
      ...cell.where,
      sourceKind: 'subnet' as const,
      sourceId: gained[0]!,
      sourceIds: gained,
      sourceName: subnetsLabel(design, gained),
    };
    paths.push({ key: `subnet>${key}`, ...path, text: pathText(path) });
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
