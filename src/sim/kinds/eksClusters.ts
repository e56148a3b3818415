import {
  eksControlPlaneHourly,
  fargatePodSize,
  fargateProfileFor,
  nodeAllocatable,
  nodeGroupAutoScalingId,
  nodeGroupRefusal,
  PRICES,
  resourcesOfKind,
  type Design,
  type EksCluster,
  type Ec2Instance,
  type KubernetesDeployment,
  type NodeAllocatable,
  type SecurityGroup,
  type SecurityGroupId,
} from '../../domain';
import { analyzeReachability } from '../../engine';
import { ec2Cost, ec2Rate } from '../ec2';
import { round, type FrameParts, type ResourceCost, type SimContext, type SimulatedKind } from '../kind';
import type { EksClusterFrame } from '../protocol';
import type { Ec2Instances } from './ec2Instances';

/** A pod of a deployment on nodes: bound to a node, or Pending (null). */
interface NodePod {
  nodeId: string | null;
}

/** A pod on Fargate, billed from `start` to `end` (null while it runs). */
interface FargatePod {
  start: number;
  end: number | null;
  usdPerHour: number;
}

interface DeploymentRun {
  clusterId: string;
  clusterName: string;
  name: string;
  /** The requests the pods were made with: a change rolls every pod out again. */
  requests: string;
  nodePods: NodePod[];
  fargatePods: FargatePod[];
  reason: string | null;
}

/**
 * A running instance of one of the cluster's node groups that has joined the cluster, and what it still holds.
 * `ready` is false while it can't reach the cluster's endpoint: kube-scheduler places nothing new on it.
 */
interface SchedulableNode {
  id: string;
  allocatable: NodeAllocatable;
  free: NodeAllocatable;
  ready: boolean;
}

/**
 * The cluster security group EKS creates and puts on every managed node (Amazon EKS User Guide, "View Amazon EKS
 * security group requirements for clusters": outbound, all traffic to 0.0.0.0/0), used for a node group that
 * names no groups of its own.
 */
const clusterSecurityGroup = (vpcId: SecurityGroup['vpcId']): SecurityGroup => ({
  kind: 'securityGroup',
  id: `sg-eks-cluster-${vpcId}` as SecurityGroupId,
  name: 'eks-cluster-sg',
  vpcId,
  isDefault: false,
  description: 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes',
  inbound: [],
  outbound: [{ protocol: 'all', ports: null, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' }],
});

const networks = new WeakMap<Design['resources'], readonly unknown[]>();

/** Every resource of the design but the instances Auto Scaling groups launch, in order (cached per design). */
function networkOf(design: Design): readonly unknown[] {
  let network = networks.get(design.resources);
  if (!network) {
    network = Object.values(design.resources).filter((r) => !(r.kind === 'ec2Instance' && r.autoScalingGroupId));
    networks.set(design.resources, network);
  }
  return network;
}

/** How a node reaches its cluster's endpoint: through a NAT gateway, with its own public IPv4 address, or not at all. */
export type EndpointPath = 'natGateway' | 'publicIp' | 'none';

/**
 * How a node reaches the cluster's API server endpoint: Nimbus models the public endpoint (EKS's default), so
 * the node needs HTTPS to the internet, through a NAT gateway or its own public IPv4 address and an internet
 * gateway (Amazon EKS User Guide, "View Amazon EKS networking requirements for VPC and subnets": nodes in private
 * subnets need outbound internet access, or VPC endpoints with private endpoint access, which Nimbus does not
 * model). A node that can't reach it never registers with the cluster.
 */
function clusterEndpointPath(design: Design, node: Ec2Instance): EndpointPath {
  const subnet = design.resources[node.subnetId];
  if (subnet?.kind !== 'subnet') return 'none';
  let judged = design;
  if (node.securityGroupIds.length === 0) {
    const group = clusterSecurityGroup(subnet.vpcId);
    judged = {
      ...design,
      resources: {
        ...design.resources,
        [group.id]: group,
        [node.id]: { ...node, securityGroupIds: [group.id] },
      },
    };
  }
  const outcome = analyzeReachability(judged, {
    from: { kind: 'resource', id: node.id },
    to: { kind: 'internet' },
    protocol: 'tcp',
    port: 443,
  });
  if (!outcome.ok || !outcome.result.reachable) return 'none';
  const throughNat = outcome.result.forward.some(
    (hop) =>
      hop.translation && Object.hasOwn(judged.resources, hop.id) && judged.resources[hop.id]!.kind === 'natGateway',
  );
  return throughNat ? 'natGateway' : 'publicIp';
}

/** Fargate bills per second with a one-minute minimum (AWS Fargate pricing). */
const FARGATE_MINIMUM_SECONDS = 60;

const fargatePodCost = (pod: FargatePod, now: number) => {
  const seconds = (pod.end ?? now) - pod.start;
  return (pod.usdPerHour * (pod.end === null ? seconds : Math.max(seconds, FARGATE_MINIMUM_SECONDS))) / 3600;
};

/**
 * Kubernetes' FailedScheduling message: how many nodes there are, and each
 * reason with the number of nodes it ruled out, sorted as kube-scheduler sorts
 * them ("0/3 nodes are available: 3 Insufficient cpu.").
 */
export function failedSchedulingMessage(nodes: number, reasons: ReadonlyMap<string, number>): string {
  if (nodes === 0) return 'no nodes available to schedule pods';
  const parts = [...reasons].map(([reason, count]) => `${count} ${reason}`).sort();
  return `0/${nodes} nodes are available: ${parts.join(', ')}.`;
}

/**
 * EKS clusters' workloads: each deployment's pods scheduled on the running
 * nodes of the cluster's managed node groups, or run on Fargate when a profile
 * selects their namespace. The nodes themselves are EC2 instances of the Auto
 * Scaling group each node group runs on (`withEksNodeGroups`), launched,
 * replaced and billed by the Auto Scaling and EC2 kinds; this kind only reads
 * their states and sums their cost per node group.
 *
 * Scheduling as kube-scheduler filters nodes (NodeResourcesFit: the pod's
 * requests within the node's allocatable minus the requests of the pods already
 * on it; and the node's pod limit), then prefers the least allocated node. A
 * bound pod stays where it is; a pod whose node goes is created again Pending
 * (the ReplicaSet replaces it) and scheduled anew. Nimbus starts pods at once:
 * image pulls and container start-up are not modelled.
 */
export class EksClusters implements SimulatedKind {
  private design: Design;
  private readonly runs = new Map<string, DeploymentRun>();
  /** Every instance each node group's Auto Scaling group launched in this run, for its cost line. */
  private readonly nodesOf = new Map<string, Set<string>>();
  /** Nodes that have registered with their cluster (reached its endpoint once while running). */
  private readonly joined = new Set<string>();
  /** How the running nodes of each node group reach their cluster's endpoint now, for the frame. */
  private readonly paths = new Map<string, Record<EndpointPath, number>>();
  /**
   * How each node reaches its cluster's endpoint, kept while the network stays the same: every resource but the
   * instances Auto Scaling groups launch (which no route or rule can name) is the same object as when it was
   * traced, so a node launching or going does not trace every other node again.
   */
  private endpointPaths: { network: readonly unknown[]; byNode: Map<string, EndpointPath> } | null = null;
  /** Node groups EKS refused, logged once each. */
  private readonly refused = new Set<string>();

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    private readonly ec2: Ec2Instances,
  ) {
    this.design = design;
    this.reconcile();
  }

  sync(design: Design): void {
    this.design = design;
    this.reconcile();
  }

  liveStateChanged(): void {
    this.reconcile();
  }

  private endpointPath(node: Ec2Instance): EndpointPath {
    const network = networkOf(this.design);
    const known = this.endpointPaths;
    if (
      !known ||
      (known.network !== network &&
        (known.network.length !== network.length || known.network.some((r, i) => r !== network[i])))
    )
      this.endpointPaths = { network, byNode: new Map() };
    const byNode = this.endpointPaths!.byNode;
    // What of the node itself the path depends on: its subnet, address, public address and groups.
    const key = [
      node.id,
      node.subnetId,
      node.privateIp,
      node.publicIp,
      node.elasticIpId,
      ...node.securityGroupIds,
    ].join(' ');
    let path = byNode.get(key);
    if (path === undefined) byNode.set(key, (path = clusterEndpointPath(this.design, node)));
    return path;
  }

  /**
   * Running instances of a cluster's node groups that have joined it, in id order (so a run is the same every
   * time). A node joins once it reaches the cluster's endpoint; one that loses the way later stays registered
   * but not Ready: its pods stay where they are (Nimbus does not model taint-based eviction) and nothing new is
   * placed on it.
   */
  private nodesFor(cluster: EksCluster): SchedulableNode[] {
    const groups = new Map(
      resourcesOfKind(this.design, 'eksNodeGroup')
        .filter((g) => g.clusterId === cluster.id)
        .map((g) => [nodeGroupAutoScalingId(g.id) as string, g]),
    );
    const nodes: SchedulableNode[] = [];
    for (const instance of resourcesOfKind(this.design, 'ec2Instance')) {
      const group = instance.autoScalingGroupId ? groups.get(instance.autoScalingGroupId) : undefined;
      if (!group) continue;
      let known = this.nodesOf.get(group.id);
      if (!known) this.nodesOf.set(group.id, (known = new Set()));
      known.add(instance.id);
      const allocatable = nodeAllocatable(instance.instanceType);
      if (!allocatable || this.ec2.sims.get(instance.id)?.state !== 'running') continue;
      const path = this.endpointPath({ ...instance, state: 'running' });
      let counts = this.paths.get(group.id);
      if (!counts) this.paths.set(group.id, (counts = { natGateway: 0, publicIp: 0, none: 0 }));
      counts[path]++;
      const ready = path !== 'none';
      if (ready) this.joined.add(instance.id);
      if (!this.joined.has(instance.id)) continue;
      nodes.push({ id: instance.id, allocatable, free: { ...allocatable }, ready });
    }
    return nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private reconcile(): void {
    const now = this.ctx.now;
    const seen = new Set<string>();
    for (const group of resourcesOfKind(this.design, 'eksNodeGroup')) {
      const refusal = nodeGroupRefusal(group);
      if (refusal && !this.refused.has(group.id))
        this.ctx.say(
          'error',
          group.id,
          `CreateNodegroup for ${group.name} refused: InvalidParameterException: ${refusal}.`,
        );
      if (refusal) this.refused.add(group.id);
      else this.refused.delete(group.id);
    }
    this.paths.clear();
    for (const cluster of resourcesOfKind(this.design, 'eksCluster')) {
      const nodes = this.nodesFor(cluster);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const onNodes: Array<{ run: DeploymentRun; deployment: KubernetesDeployment }> = [];
      const names = new Map<string, number>();
      for (const deployment of cluster.deployments) {
        // Two deployments of one name (a file written by hand) are kept apart by their order.
        const nth = names.get(deployment.name) ?? 0;
        names.set(deployment.name, nth + 1);
        const key = `${cluster.id}\u0000${deployment.name}\u0000${nth}`;
        seen.add(key);
        const requests = `${deployment.cpuMillicores} ${deployment.memoryMiB} ${deployment.namespace}`;
        let run = this.runs.get(key);
        if (!run) {
          run = {
            clusterId: cluster.id,
            clusterName: cluster.name,
            name: deployment.name,
            requests,
            nodePods: [],
            fargatePods: [],
            reason: null,
          };
          this.runs.set(key, run);
        }
        run.clusterName = cluster.name;
        if (run.requests !== requests) {
          // New requests make a new ReplicaSet: every pod is replaced (Nimbus replaces them all at once).
          run.nodePods = [];
          this.endFargatePods(run, run.fargatePods.length, now);
          run.requests = requests;
        }
        if (fargateProfileFor(cluster, deployment.namespace)) {
          run.nodePods = [];
          this.runOnFargate(run, deployment, now);
        } else {
          this.endFargatePods(run, run.fargatePods.length, now);
          // Pods whose node is gone are replaced by Pending ones.
          for (const pod of run.nodePods) if (pod.nodeId !== null && !byId.has(pod.nodeId)) pod.nodeId = null;
          // Scale in removes Pending pods first, then the latest.
          while (run.nodePods.length > deployment.replicas) {
            const pending = run.nodePods.findIndex((p) => p.nodeId === null);
            run.nodePods.splice(pending >= 0 ? pending : run.nodePods.length - 1, 1);
          }
          while (run.nodePods.length < deployment.replicas) run.nodePods.push({ nodeId: null });
          for (const pod of run.nodePods) if (pod.nodeId !== null) take(byId.get(pod.nodeId)!, deployment);
          onNodes.push({ run, deployment });
        }
      }
      for (const { run, deployment } of onNodes) this.schedule(run, deployment, nodes);
    }
    for (const [key, run] of this.runs)
      if (!seen.has(key)) {
        run.nodePods = [];
        this.endFargatePods(run, run.fargatePods.length, now);
      }
  }

  /** Places a deployment's Pending pods, and says why the rest stay Pending. */
  private schedule(run: DeploymentRun, deployment: KubernetesDeployment, nodes: SchedulableNode[]): void {
    let reason: string | null = null;
    for (const pod of run.nodePods) {
      if (pod.nodeId !== null) continue;
      const reasons = new Map<string, number>();
      let best: SchedulableNode | null = null;
      let bestScore = -Infinity;
      for (const node of nodes) {
        const misses = node.ready ? unfit(node, deployment) : [UNREACHABLE_TAINT];
        if (misses.length > 0) {
          for (const miss of misses) reasons.set(miss, (reasons.get(miss) ?? 0) + 1);
          continue;
        }
        // LeastAllocated: the node with the most CPU and memory left after the pod, in equal weight.
        const score =
          (node.free.cpuMillicores - deployment.cpuMillicores) / node.allocatable.cpuMillicores +
          (node.free.memoryMiB - deployment.memoryMiB) / node.allocatable.memoryMiB;
        if (score > bestScore) [best, bestScore] = [node, score];
      }
      if (best) {
        pod.nodeId = best.id;
        take(best, deployment);
      } else {
        reason = failedSchedulingMessage(nodes.length, reasons);
        break;
      }
    }
    if (reason !== run.reason && reason !== null)
      this.ctx.say(
        'error',
        run.clusterId,
        `${run.clusterName}: pods of ${run.name} Pending: FailedScheduling: ${reason}`,
      );
    run.reason = reason;
  }

  private runOnFargate(run: DeploymentRun, deployment: KubernetesDeployment, now: number): void {
    const size = fargatePodSize(deployment.cpuMillicores, deployment.memoryMiB);
    if (!size) {
      this.endFargatePods(run, run.fargatePods.length, now);
      const reason = "the pod's requests are more than Fargate's largest size (16 vCPU, 120 GB)";
      if (run.reason !== reason)
        this.ctx.say('error', run.clusterId, `${run.clusterName}: pods of ${run.name} Pending: ${reason}.`);
      run.reason = reason;
      return;
    }
    run.reason = null;
    const usdPerHour = (size.cpu / 1024) * PRICES.fargate.vcpuHour + (size.memoryMiB / 1024) * PRICES.fargate.gbHour;
    const running = run.fargatePods.filter((p) => p.end === null).length;
    if (running > deployment.replicas) this.endFargatePods(run, running - deployment.replicas, now);
    for (let i = running; i < deployment.replicas; i++) run.fargatePods.push({ start: now, end: null, usdPerHour });
  }

  /** Stops the latest `count` running Fargate pods. */
  private endFargatePods(run: DeploymentRun, count: number, now: number): void {
    let left = count;
    for (let i = run.fargatePods.length - 1; i >= 0 && left > 0; i--) {
      const pod = run.fargatePods[i]!;
      if (pod.end === null) {
        pod.end = now;
        left--;
      }
    }
  }

  costs(now: number): ResourceCost[] {
    const rows: ResourceCost[] = [];
    for (const [key, run] of this.runs) {
      if (run.fargatePods.length === 0) continue;
      rows.push({
        id: `fargate:${key.replaceAll('\u0000', '/')}`,
        name: `${run.clusterName} ${run.name}: Fargate pods`,
        total: run.fargatePods.reduce((sum, p) => sum + fargatePodCost(p, now), 0),
        ratePerHour: run.fargatePods.reduce((sum, p) => sum + (p.end === null ? p.usdPerHour : 0), 0),
      });
    }
    return rows;
  }

  private clusterFrames(now: number): EksClusterFrame[] {
    return resourcesOfKind(this.design, 'eksCluster').map((cluster) => {
      const names = new Map<string, number>();
      return {
        id: cluster.id,
        name: cluster.name,
        controlPlaneUsdPerHour: eksControlPlaneHourly(cluster.kubernetesVersion, cluster.upgradePolicy),
        nodeGroups: resourcesOfKind(this.design, 'eksNodeGroup')
          .filter((g) => g.clusterId === cluster.id)
          .map((g) => {
            let costUsd = 0;
            let ratePerHour = 0;
            let running = 0;
            for (const id of this.nodesOf.get(g.id) ?? []) {
              const sim = this.ec2.sims.get(id);
              if (!sim) continue;
              costUsd += ec2Cost(sim, now);
              ratePerHour += ec2Rate(sim);
              if (sim.state === 'running') running++;
            }
            return {
              id: g.id,
              name: g.name,
              desired: g.desiredSize,
              running,
              endpointPath: { ...(this.paths.get(g.id) ?? { natGateway: 0, publicIp: 0, none: 0 }) },
              refusal: nodeGroupRefusal(g),
              costUsd: round(costUsd),
              ratePerHour: round(ratePerHour),
            };
          }),
        deployments: cluster.deployments.map((d) => {
          const nth = names.get(d.name) ?? 0;
          names.set(d.name, nth + 1);
          const run = this.runs.get(`${cluster.id}\u0000${d.name}\u0000${nth}`);
          const fargate = fargateProfileFor(cluster, d.namespace) !== undefined;
          const size = fargate ? fargatePodSize(d.cpuMillicores, d.memoryMiB) : null;
          const fargateRunning = run?.fargatePods.filter((p) => p.end === null).length ?? 0;
          const running = fargate ? fargateRunning : (run?.nodePods.filter((p) => p.nodeId !== null).length ?? 0);
          return {
            name: d.name,
            namespace: d.namespace,
            replicas: d.replicas,
            running,
            pending: d.replicas - running,
            on: fargate ? ('fargate' as const) : ('nodes' as const),
            reason: run?.reason ?? null,
            fargateSize: size ? `${size.cpu / 1024} vCPU / ${size.memoryMiB / 1024} GB` : null,
            costUsd: round(run?.fargatePods.reduce((sum, p) => sum + fargatePodCost(p, now), 0) ?? 0),
            ratePerHour: round(run?.fargatePods.reduce((sum, p) => sum + (p.end === null ? p.usdPerHour : 0), 0) ?? 0),
          };
        }),
      };
    });
  }

  frame(now: number): Pick<FrameParts, 'eks'> {
    return resourcesOfKind(this.design, 'eksCluster').length === 0 ? {} : { eks: this.clusterFrames(now) };
  }

  summary(now: number) {
    return resourcesOfKind(this.design, 'eksCluster').length === 0 ? {} : { eks: this.clusterFrames(now) };
  }
}

/** The taint the node controller puts on a node whose kubelet stopped reporting, in kube-scheduler's words. */
const UNREACHABLE_TAINT = 'node(s) had untolerated taint {node.kubernetes.io/unreachable: }';

/** Why a pod does not fit a node, in kube-scheduler's words (none when it fits). */
function unfit(node: SchedulableNode, deployment: KubernetesDeployment): string[] {
  const misses: string[] = [];
  if (node.free.pods < 1) misses.push('Too many pods');
  if (node.free.cpuMillicores < deployment.cpuMillicores) misses.push('Insufficient cpu');
  if (node.free.memoryMiB < deployment.memoryMiB) misses.push('Insufficient memory');
  return misses;
}

function take(node: SchedulableNode, deployment: KubernetesDeployment): void {
  node.free.pods -= 1;
  node.free.cpuMillicores -= deployment.cpuMillicores;
  node.free.memoryMiB -= deployment.memoryMiB;
}
