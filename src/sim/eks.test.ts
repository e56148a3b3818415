import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { nodeGroupAutoScalingId, type Design, type EksCluster, type EksNodeGroup } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { failedSchedulingMessage } from './kinds/eksClusters';
import { Simulation } from './simulation';

const eksTemplate = () => TEMPLATES.find((t) => t.id === 'eks')!.build();
const cluster = (d: Design) => Object.values(d.resources).find((r) => r.kind === 'eksCluster') as EksCluster;
const nodeGroup = (d: Design) => Object.values(d.resources).find((r) => r.kind === 'eksNodeGroup') as EksNodeGroup;
const edit = (d: Design, recipe: (c: EksCluster, g: EksNodeGroup) => void) =>
  produce(d, (draft) => {
    recipe(cluster(draft as Design), nodeGroup(draft as Design));
  });
const frameOf = (sim: Simulation) => sim.summary().eks![0]!;

describe('EKS in the simulation', () => {
  it('bills the node group as three m7g.large EC2 instances plus the control plane, as AWS documents', () => {
    // Amazon EC2 On-Demand pricing (aws.amazon.com/ec2/pricing/on-demand/), Linux, us-east-1: m7g.large USD 0.0816/h.
    // Amazon EKS pricing (aws.amazon.com/eks/pricing/): USD 0.10 per cluster-hour under standard support, and
    // "You pay for AWS resources (e.g. EC2 instances or EBS volumes) you create to run your Kubernetes worker nodes".
    const sim = new Simulation(eksTemplate());
    sim.runUntil(3600);
    const rows = sim.cost().byResource;
    const nodes = rows.filter((r) => r.name.startsWith('app-nodes-'));
    expect(nodes).toHaveLength(3);
    // Each node: the instance-hour, its root volume (the node group's diskSizeGiB, 20 GiB, EKS's default for Linux:
    // EKS API Reference, CreateNodegroup `diskSize`; gp3 at USD 0.08/GB-month over 730 h, Amazon EBS pricing) and
    // its public IPv4 (USD 0.005/h, Amazon VPC pricing), since the template's subnets give nodes public addresses.
    const perNode = 0.0816 + (20 * 0.08) / 730 + 0.005;
    for (const node of nodes) expect(node.total).toBeCloseTo(perNode, 9);
    expect(rows.find((r) => r.id === cluster(eksTemplate()).id)!.total).toBeCloseTo(0.1, 9);
    // A 730-hour month: 3 × 0.0816 × 730 = USD 178.70 of instance-hours, and USD 73.00 of control plane.
    const instanceHours = nodes.reduce((sum, n) => sum + n.ratePerHour - (20 * 0.08) / 730 - 0.005, 0) * 730;
    expect(instanceHours).toBeCloseTo(178.704, 6);
    expect(0.1 * 730).toBeCloseTo(73, 9);
    const frame = frameOf(sim);
    expect(frame.nodeGroups[0]).toMatchObject({ name: 'app-nodes', desired: 3, running: 3 });
    expect(frame.nodeGroups[0]!.costUsd).toBeCloseTo(3 * perNode, 6);
  });

  it("bills each node's root volume at the node group's disk size", () => {
    // EKS API Reference, CreateNodegroup `diskSize`: "The root device disk size (in GiB) for your node group
    // instances." A 100 GiB gp3 volume at USD 0.08/GB-month is USD 8 a 730-hour month.
    const sim = new Simulation(edit(eksTemplate(), (_, g) => void (g.diskSizeGiB = 100)));
    sim.runUntil(3600);
    const nodes = sim.cost().byResource.filter((r) => r.name.startsWith('app-nodes-'));
    expect(nodes).toHaveLength(3);
    for (const node of nodes) expect(node.total).toBeCloseTo(0.0816 + (100 * 0.08) / 730 + 0.005, 9);
  });

  it('spreads the nodes over both zones of the node group', () => {
    const sim = new Simulation(eksTemplate());
    sim.runUntil(60);
    const group = sim
      .summary()
      .autoScalingGroups.find((g) => g.id === nodeGroupAutoScalingId(nodeGroup(eksTemplate()).id))!;
    expect(Object.values(group.byZone).sort()).toEqual([1, 2]);
  });

  it('replaces a node that is terminated, as its Auto Scaling group does', () => {
    const sim = new Simulation(eksTemplate());
    sim.runUntil(60);
    const first = [...sim.instances.values()].find((s) => s.name === 'app-nodes-1')!;
    expect(sim.act(first.id, 'terminate').ok).toBe(true);
    sim.runUntil(300);
    const running = [...sim.instances.values()].filter((s) => s.state === 'running');
    expect(running).toHaveLength(3);
    expect(running.map((s) => s.name)).toContain('app-nodes-4');
    expect(frameOf(sim).deployments[0]).toMatchObject({ running: 3, pending: 0 });
  });

  it('schedules pods that fit and leaves the rest Pending with the scheduler’s reason', () => {
    // m7g.large: 2 vCPU, so 2000m − 70m kube-reserved = 1930m allocatable per node. Three pods of 1500m fit, one per
    // node; a fourth fits nowhere.
    const d = edit(eksTemplate(), (c) => {
      c.deployments = [{ name: 'api', namespace: 'default', replicas: 4, cpuMillicores: 1500, memoryMiB: 512 }];
    });
    const sim = new Simulation(d);
    sim.runUntil(10);
    expect(frameOf(sim).deployments[0]).toMatchObject({
      running: 3,
      pending: 1,
      reason: '0/3 nodes are available: 3 Insufficient cpu.',
    });
    expect(sim.log.some((l) => l.text.includes('FailedScheduling: 0/3 nodes are available: 3 Insufficient cpu.'))).toBe(
      true,
    );
    // One more node: the Pending pod is placed once it runs.
    sim.syncDesign(edit(d, (_, g) => void (g.desiredSize = 4)));
    sim.runUntil(120);
    expect(frameOf(sim).deployments[0]).toMatchObject({ running: 4, pending: 0, reason: null });
  });

  it('counts every reason per node, sorted as kube-scheduler sorts them', () => {
    expect(
      failedSchedulingMessage(
        3,
        new Map([
          ['Insufficient memory', 1],
          ['Insufficient cpu', 3],
        ]),
      ),
    ).toBe('0/3 nodes are available: 1 Insufficient memory, 3 Insufficient cpu.');
    expect(failedSchedulingMessage(0, new Map())).toBe('no nodes available to schedule pods');
  });

  it('bills Fargate pods per pod at the size their requests round up to', () => {
    // Amazon EKS User Guide, "Fargate Pod configuration": 1 vCPU and 8 GB requested, plus 256 MB, runs as 2 vCPU / 9 GB.
    // AWS Fargate pricing, us-east-1: USD 0.04048 per vCPU-hour and USD 0.004445 per GB-hour.
    const d = edit(eksTemplate(), (c) => {
      c.fargateProfiles = [{ name: 'batch', namespaces: ['batch'], subnetIds: [] }];
      c.deployments.push({ name: 'reports', namespace: 'batch', replicas: 2, cpuMillicores: 1000, memoryMiB: 8192 });
    });
    const sim = new Simulation(d);
    sim.runUntil(3600);
    const perPod = 2 * 0.04048 + 9 * 0.004445;
    const row = sim.cost().byResource.find((r) => r.name === 'platform reports: Fargate pods')!;
    expect(row.ratePerHour).toBeCloseTo(2 * perPod, 9);
    expect(row.total).toBeCloseTo(2 * perPod, 9);
    expect(frameOf(sim).deployments[1]).toMatchObject({ on: 'fargate', running: 2, fargateSize: '2 vCPU / 9 GB' });
  });

  it('bills a Fargate pod stopped within a minute for the minute', () => {
    const d = edit(eksTemplate(), (c) => {
      c.fargateProfiles = [{ name: 'all', namespaces: ['default'], subnetIds: [] }];
      c.deployments = [{ name: 'tiny', namespace: 'default', replicas: 1, cpuMillicores: 0, memoryMiB: 0 }];
    });
    const sim = new Simulation(d);
    sim.runUntil(10);
    sim.syncDesign(edit(d, (c) => void (c.deployments[0]!.replicas = 0)));
    sim.runUntil(600);
    // No requests: 0.25 vCPU and 0.5 GB, for 60 s.
    const row = sim.cost().byResource.find((r) => r.name === 'platform tiny: Fargate pods')!;
    expect(row.total).toBeCloseTo(((0.25 * 0.04048 + 0.5 * 0.004445) * 60) / 3600, 12);
    expect(row.ratePerHour).toBe(0);
  });

  it('bills the control plane at the extended support price only for a version in extended support with that policy', () => {
    // Amazon EKS pricing: USD 0.60 per cluster-hour for a version in extended support. Kubernetes 1.32 left
    // standard support on 2026-03-23 (Amazon EKS User Guide, "Kubernetes versions").
    const controlPlane = (version: string, upgradePolicy: 'STANDARD' | 'EXTENDED') => {
      const sim = new Simulation(
        edit(eksTemplate(), (c) => Object.assign(c, { kubernetesVersion: version, upgradePolicy })),
      );
      sim.runUntil(3600);
      return sim.cost().byResource.find((r) => r.name === 'platform')!.total;
    };
    expect(controlPlane('1.32', 'EXTENDED')).toBeCloseTo(0.6, 9);
    expect(controlPlane('1.32', 'STANDARD')).toBeCloseTo(0.1, 9);
    expect(controlPlane('1.34', 'EXTENDED')).toBeCloseTo(0.1, 9);
  });

  it('launches nothing for a node group EKS refuses, and logs its error', () => {
    const d = edit(eksTemplate(), (_, g) => void (g.amiType = 'AL2023_x86_64_STANDARD'));
    const sim = new Simulation(d);
    sim.runUntil(60);
    expect([...sim.instances.values()]).toHaveLength(0);
    expect(sim.log.map((l) => l.text)).toContain(
      'CreateNodegroup for app-nodes refused: InvalidParameterException: [m7g.large] is not a valid instance type for requested amiType AL2023_x86_64_STANDARD.',
    );
    expect(frameOf(sim).deployments[0]).toMatchObject({ pending: 3, reason: 'no nodes available to schedule pods' });
  });

  describe('nodes join the cluster only through a way to its endpoint', () => {
    // Amazon EKS User Guide, "View Amazon EKS networking requirements for VPC and subnets": nodes must reach the
    // cluster's endpoint; with the public endpoint, that is outbound internet access (a NAT gateway, or a public
    // IPv4 address and an internet gateway).
    const withoutInternetRoute = (d: Design) =>
      produce(d, (draft) => {
        for (const r of Object.values(draft.resources))
          if (r.kind === 'routeTable') r.routes = r.routes.filter((route) => route.destination !== '0.0.0.0/0');
      });

    it('leaves every pod Pending while the nodes have no route out, and says why', () => {
      const sim = new Simulation(withoutInternetRoute(eksTemplate()));
      sim.runUntil(120);
      const frame = frameOf(sim);
      // The nodes run (and are billed) but never register, so the scheduler has no node at all.
      expect(frame.nodeGroups[0]).toMatchObject({ running: 3, endpointPath: { natGateway: 0, publicIp: 0, none: 3 } });
      expect(frame.deployments[0]).toMatchObject({
        running: 0,
        pending: 3,
        reason: 'no nodes available to schedule pods',
      });
    });

    it('schedules the pods once a route out is added', () => {
      const blocked = withoutInternetRoute(eksTemplate());
      const sim = new Simulation(blocked);
      sim.runUntil(120);
      sim.syncDesign(eksTemplate());
      sim.runUntil(130);
      expect(frameOf(sim).nodeGroups[0]).toMatchObject({
        running: 3,
        endpointPath: { natGateway: 0, publicIp: 3, none: 0 },
      });
      expect(frameOf(sim).deployments[0]).toMatchObject({ running: 3, pending: 0 });
    });

    it('keeps pods on a node that loses its way out, but places no new pod there', () => {
      const sim = new Simulation(eksTemplate());
      sim.runUntil(120);
      expect(frameOf(sim).deployments[0]).toMatchObject({ running: 3 });
      sim.syncDesign(edit(withoutInternetRoute(eksTemplate()), (c) => void (c.deployments[0]!.replicas = 4)));
      sim.runUntil(130);
      expect(frameOf(sim).deployments[0]).toMatchObject({
        running: 3,
        pending: 1,
        reason: '0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.',
      });
    });
  });
});
