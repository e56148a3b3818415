import {
  autoPublicIpv4Of,
  getResource,
  protocolNumber,
  resourcesOfKind,
  type Design,
  type Ec2Instance,
  type Subnet,
  resourceById,
} from '../../domain';
import { parseCidr, parseIpv4 } from '../../net';
import { designIndex } from '../designIndex';
import { addressAtomStarts, atomOf, portAtomStarts, TCP } from './atoms';
import { networkAclForSubnet, routeTableForSubnet } from '../topology';
import type { EndpointSpec } from './endpoints';
import { reaches } from './reachability';

/**
 * Who can open a connection to each instance, on which ports: the internet,
 * each on-premises network, and each subnet of the instance's VPC. Ports are
 * those the instance's security groups open (an "all traffic" rule stands for
 * the well-known ports). Each cell is a full two-way path analysis, asked once
 * per port-range atom (`portAtomStarts`) rather than once per port.
 * Exposure asks of instances directly: what reaches them only through a load
 * balancer's listener is not listed (ask `analyzeReachability` of the load
 * balancer for that).
 */
export interface ExposureEntry {
  instanceId: string;
  instanceName: string;
  source: string;
  sourceKind: 'internet' | 'onPremises' | 'subnet';
  /** For a subnet source, the subnets it stands for (alike in everything a path from them reads). */
  subnetIds?: string[];
  ports: number[];
}

export interface ExposureFinding {
  severity: 'warning';
  code:
    'SSH_OPEN_TO_INTERNET' | 'RDP_OPEN_TO_INTERNET' | 'DATABASE_OPEN_TO_INTERNET' | 'ADMIN_PORT_OPEN_TO_ON_PREMISES';
  resourceId: string;
  message: string;
}

export interface ExposureReport {
  entries: ExposureEntry[];
  findings: ExposureFinding[];
  queries: number;
}

const WELL_KNOWN = [22, 80, 443, 3389, 3306, 5432, 8080] as const;
const DATABASE_PORTS: Record<number, string> = {
  3306: 'MySQL',
  5432: 'PostgreSQL',
  1433: 'SQL Server',
  1521: 'Oracle',
  27017: 'MongoDB',
  6379: 'Redis',
};

function candidatePorts(design: Design, instance: Ec2Instance): number[] {
  const ports = new Set<number>();
  for (const id of instance.securityGroupIds) {
    const group = resourceById(design, id);
    if (group?.kind !== 'securityGroup') continue;
    for (const rule of group.inbound) {
      // Exposure asks about TCP: rules for it by name or number (6), and `all`.
      const n = protocolNumber(rule.protocol);
      if (n !== TCP && n !== -1) continue;
      if (rule.ports === null) WELL_KNOWN.forEach((p) => ports.add(p));
      else {
        ports.add(rule.ports.from);
        WELL_KNOWN.filter((p) => p >= rule.ports!.from && p <= rule.ports!.to).forEach((p) => ports.add(p));
      }
    }
  }
  return [...ports].sort((a, b) => a - b);
}

export interface ExposureOptions {
  /** Ask once per port rather than once per port-range atom (the reference the atoms are tested against). */
  perPort?: boolean;
}

/** A source every instance of a VPC is checked against. */
interface Source {
  /** What the verdict cache tells sources apart by (a subnet's id; names may repeat). */
  key: string;
  label: string;
  kind: ExposureEntry['sourceKind'];
  spec: EndpointSpec;
  /** The subnet a subnet source stands for, so an instance is not checked against its own. */
  subnetId: string | null;
  /** The source's address is an instance's, so it starts from that instance's interface (see `twinKey`). */
  isInterface: boolean;
  /**
   * For a subnet source: the subnets it stands for, which share everything a path from a host there reads
   * (VPC, route table, network ACL, zone, and the address atom of the host). One answers for all.
   */
  members?: readonly Subnet[];
}

/**
 * Exposure worked through in slices, so the worker can report progress and
 * stop between them (a newer request, the user's Cancel). `analyzeExposure`
 * runs it to the end in one go; both give the same report.
 */
export interface ExposureRun {
  /** Instances to check, and how many are checked so far. */
  readonly total: number;
  readonly done: number;
  /** Checks instances for about `budgetMs` (at least one); returns the report once every instance is checked. */
  step(budgetMs: number): ExposureReport | null;
}

export function startExposure(design: Design, options: ExposureOptions = {}): ExposureRun {
  const index = designIndex(design);
  const entries: ExposureEntry[] = [];
  const findings: ExposureFinding[] = [];
  let queries = 0;
  // Instances that share a subnet, groups, public address and state answer every query alike: the ports
  // each source reaches, by class (see `twinKey`) and then by source.
  const openByClass = new Map<string, Map<string, number[]>>();
  const starts = options.perPort ? null : portAtomStarts(design);
  const instances = resourcesOfKind(design, 'ec2Instance');
  const outside: Source[] = [
    {
      key: 'internet',
      label: 'the internet',
      kind: 'internet',
      spec: { kind: 'internet' },
      subnetId: null,
      isInterface: false,
    },
    ...resourcesOfKind(design, 'onPremisesNetwork').map((n) => ({
      key: `onPremises:${n.id}`,
      label: n.name,
      kind: 'onPremises' as const,
      spec: { kind: 'onPremises' as const, id: n.id },
      subnetId: null,
      isInterface: false,
    })),
  ];
  // Each VPC's sources, worked out once: the outside ones, then a host in each subnet of the VPC and of the
  // VPCs joined to it by an active peering or a transit gateway (whether a route leads there is the path's to
  // say), grouped into classes of subnets a path from a host there cannot tell apart.
  const sourcesByVpc = new Map<string, Source[]>();
  const sourcesOf = (vpcId: string | undefined): Source[] => {
    if (vpcId === undefined) return outside;
    let sources = sourcesByVpc.get(vpcId);
    if (!sources) {
      const joined = [vpcId, ...joinedVpcs(design, vpcId).filter((v) => v !== vpcId)];
      const classes = new Map<string, Subnet[]>();
      for (const v of joined)
        for (const subnet of index.subnetsOf(v)) {
          const block = parseCidr(subnet.cidr);
          if (!block.ok) continue;
          const host = block.value.network + 2 ** (32 - block.value.prefix) - 2;
          const key = [
            v,
            routeTableForSubnet(design, subnet)?.id ?? '-',
            networkAclForSubnet(design, subnet)?.id ?? '-',
            subnet.azId,
            atomOf(addressAtoms, host),
          ].join('|');
          const members = classes.get(key);
          if (members) members.push(subnet);
          else classes.set(key, [subnet]);
        }
      sources = [
        ...outside,
        ...[...classes.entries()].map(([key, members]): Source => {
          const first = members[0]!;
          return {
            key: `subnets:${key}`,
            label: first.name,
            kind: 'subnet',
            // A host with no groups of its own, standing for anything launched in that subnet.
            spec: { kind: 'subnetHost', subnetId: first.id },
            subnetId: first.id,
            isInterface: false,
            members,
          };
        }),
      ];
      sourcesByVpc.set(vpcId, sources);
    }
    return sources;
  };
  /** The subnets a class stands for, as one label: a single one by name, several by the first few. */
  const classLabel = (members: readonly Subnet[], vpcId: string | undefined): string => {
    const vpcOf = (subnet: Subnet) =>
      subnet.vpcId === vpcId ? '' : ` (${getResource(design, subnet.vpcId, 'vpc')?.name ?? subnet.vpcId})`;
    if (members.length === 1) return `${members[0]!.name}${vpcOf(members[0]!)}`;
    const names = members.slice(0, 3).map((m) => m.name);
    const more = members.length > 3 ? ` and ${members.length - 3} more` : '';
    return `${members.length} subnets alike${vpcOf(members[0]!)}: ${names.join(', ')}${more}`;
  };
  const addressAtoms = addressAtomStarts(design);
  const portsByGroups = new Map<string, number[]>();
  let done = 0;

  /** The ports of `ports` the source reaches the instance on: one path analysis per port-range atom. */
  const openPorts = (instance: Ec2Instance, source: Source, ports: readonly number[]): number[] => {
    const byAtom = new Map<number, boolean>();
    const open: number[] = [];
    for (const port of ports) {
      const atom = starts ? atomOf(starts, port) : port;
      let reachable = byAtom.get(atom);
      if (reachable === undefined) {
        queries++;
        reachable = reaches(design, {
          from: source.spec,
          to: { kind: 'resource', id: instance.id },
          protocol: 'tcp',
          port,
        });
        byAtom.set(atom, reachable);
      }
      if (reachable) open.push(port);
    }
    return open;
  };

  const check = (instance: Ec2Instance) => {
    if (instance.state === 'terminated') return;
    const groupsKey = [...instance.securityGroupIds].sort().join('+');
    let ports = portsByGroups.get(groupsKey);
    if (!ports) {
      ports = candidatePorts(design, instance);
      portsByGroups.set(groupsKey, ports);
    }
    if (ports.length === 0) return;
    const home = getResource(design, instance.subnetId, 'subnet');
    // What a path from outside the instance reads of it: subnet, groups, the kind of its public address (an
    // Elastic IP that is gone is none), state, whether its private address is one, and which address atom it is in
    // (a host in another subnet sends to that address, so the ACL rules and routes there read it; instances
    // between the same CIDR boundaries of the design read alike). Otherwise addresses appear only in
    // explanations and hop packets; should a verdict come to read more of them, add them here.
    const addressKind = getResource(design, instance.elasticIpId, 'elasticIp')
      ? 'elastic'
      : autoPublicIpv4Of(instance)
        ? 'auto'
        : 'none';
    const privateIp = parseIpv4(instance.privateIp);
    const twinKey = [
      instance.subnetId,
      groupsKey,
      addressKind,
      instance.state,
      privateIp.ok ? atomOf(addressAtoms, privateIp.value) : 'unreadable',
    ].join('|');
    let twins = openByClass.get(twinKey);
    if (!twins) openByClass.set(twinKey, (twins = new Map()));
    for (const candidate of sourcesOf(home?.vpcId)) {
      // A subnet source stands for the subnets of its class other than the instance's own (from there the
      // path would not cross a subnet edge); a host in the first of them asks for all.
      const members = candidate.members?.filter((m) => m.id !== instance.subnetId);
      if (members && members.length === 0) continue;
      const source: Source = members
        ? {
            ...candidate,
            key: `${candidate.key}|${members[0]!.id}`,
            label: classLabel(members, home?.vpcId),
            spec: { kind: 'subnetHost', subnetId: members[0]!.id },
            subnetId: members[0]!.id,
          }
        : candidate;
      // From another instance's interface, the path also reads this instance's address (routes, ACL rules),
      // so that source is asked for this instance alone.
      let open = source.isInterface ? undefined : twins.get(source.key);
      if (!open) {
        open = openPorts(instance, source, ports);
        if (!source.isInterface) twins.set(source.key, open);
      }
      if (open.length === 0) continue;
      entries.push({
        instanceId: instance.id,
        instanceName: instance.name,
        source: source.label,
        sourceKind: source.kind,
        ...(members ? { subnetIds: members.map((m) => m.id) } : {}),
        ports: open,
      });
      if (source.kind === 'internet') findings.push(...internetFindings(instance, open));
    }
  };

  return {
    total: instances.length,
    get done() {
      return done;
    },
    step(budgetMs) {
      const until = performance.now() + budgetMs;
      do {
        if (done === instances.length) break;
        check(instances[done]!);
        done++;
      } while (performance.now() < until);
      return done === instances.length ? { entries, findings, queries } : null;
    },
  };
}

function internetFindings(instance: Ec2Instance, open: readonly number[]): ExposureFinding[] {
  const findings: ExposureFinding[] = [];
  if (open.includes(22))
    findings.push({
      severity: 'warning',
      code: 'SSH_OPEN_TO_INTERNET',
      resourceId: instance.id,
      message: `SSH (22) on ${instance.name} is open to the whole internet; allow it only from your own address range, or use Session Manager.`,
    });
  if (open.includes(3389))
    findings.push({
      severity: 'warning',
      code: 'RDP_OPEN_TO_INTERNET',
      resourceId: instance.id,
      message: `RDP (3389) on ${instance.name} is open to the whole internet.`,
    });
  for (const port of open.filter((p) => DATABASE_PORTS[p])) {
    findings.push({
      severity: 'warning',
      code: 'DATABASE_OPEN_TO_INTERNET',
      resourceId: instance.id,
      message: `${DATABASE_PORTS[port]} (${port}) on ${instance.name} is reachable from the internet; databases belong in private subnets.`,
    });
  }
  return findings;
}

/** The whole exposure report in one go (the CLI, tests); the worker runs `startExposure` in slices. */
export function analyzeExposure(design: Design, options: ExposureOptions = {}): ExposureReport {
  const run = startExposure(design, options);
  let report: ExposureReport | null = null;
  while (!report) report = run.step(Number.POSITIVE_INFINITY);
  return report;
}

/** The VPCs an active peering or a transit gateway (through available VPC attachments) joins to `vpcId`. */
function joinedVpcs(design: Design, vpcId: string): string[] {
  const index = designIndex(design);
  const joined = new Set<string>();
  for (const p of index.peeringsOf(vpcId))
    if (p.status === 'active') joined.add(p.requesterVpcId === vpcId ? p.accepterVpcId : p.requesterVpcId);
  for (const own of resourcesOfKind(design, 'transitGatewayAttachment')) {
    if (own.type !== 'vpc' || own.vpcId !== vpcId || own.state !== 'available') continue;
    for (const other of index.attachmentsOf(own.transitGatewayId))
      if (other.type === 'vpc' && other.vpcId && other.state === 'available') joined.add(other.vpcId);
  }
  return [...joined];
}
