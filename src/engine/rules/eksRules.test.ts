import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import {
  eksControlPlaneHourly,
  eksRunningVersion,
  fargatePodSize,
  nodeAllocatable,
  parseDesign,
  type Design,
  type EksCluster,
  type EksNodeGroup,
} from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { validateDesign } from '../validate';

const eks = () => TEMPLATES.find((t) => t.id === 'eks')!.build();
const edit = (recipe: (c: EksCluster, g: EksNodeGroup) => void): Design =>
  produce(eks(), (d) => {
    const resources = Object.values(d.resources);
    recipe(
      resources.find((r) => r.kind === 'eksCluster') as EksCluster,
      resources.find((r) => r.kind === 'eksNodeGroup') as EksNodeGroup,
    );
  });
const eksFindings = (d: Design) => validateDesign(d).filter((f) => f.code.startsWith('EKS_'));

describe('EKS validation, in the words of the EKS API (CreateNodegroup, InvalidParameterException)', () => {
  it('accepts the template', () => {
    expect(eksFindings(eks())).toEqual([]);
  });

  it.each([
    [{ minSize: 2, desiredSize: 1, maxSize: 6 }, "minSize can't be greater than desiredSize"],
    [{ minSize: 2, desiredSize: 7, maxSize: 6 }, "desiredSize can't be greater than maxSize"],
    [{ minSize: 4, desiredSize: 3, maxSize: 3 }, "minSize can't be greater than maxSize"],
  ])('refuses desired outside min..max: %o', (sizes, words) => {
    const [found] = eksFindings(edit((_, g) => void Object.assign(g, sizes)));
    expect(found).toMatchObject({ severity: 'error', code: 'EKS_NODE_GROUP_INVALID' });
    expect(found!.message).toContain(`"${words}" (InvalidParameterException)`);
  });

  it("refuses an AMI type of the other architecture than the instance type's", () => {
    const [found] = eksFindings(edit((_, g) => void (g.amiType = 'BOTTLEROCKET_x86_64')));
    expect(found!.message).toContain(
      '[m7g.large] is not a valid instance type for requested amiType BOTTLEROCKET_x86_64',
    );
  });

  it('refuses a cluster whose subnets are all in one Availability Zone, in CreateCluster’s words', () => {
    // Amazon EKS User Guide, "View Amazon EKS networking requirements for VPC and subnets": subnets in at least two
    // Availability Zones; CreateCluster answers InvalidParameterException otherwise.
    const found = eksFindings(edit((c) => void (c.subnetIds = c.subnetIds.slice(0, 1))));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', code: 'EKS_CLUSTER_ONE_ZONE' });
    expect(found[0]!.message).toContain('"Subnets specified must be in at least two different AZs"');
    expect(eksFindings(edit((c) => void (c.subnetIds = []))).map((f) => f.code)).toEqual(['EKS_CLUSTER_ONE_ZONE']);
  });

  it('refuses a Fargate profile in a public subnet (Fargate takes private subnets only)', () => {
    const found = eksFindings(
      edit((c) => void (c.fargateProfiles = [{ name: 'fp', namespaces: ['batch'], subnetIds: [...c.subnetIds] }])),
    );
    expect(found.map((f) => f.code)).toEqual(['EKS_FARGATE_PUBLIC_SUBNET', 'EKS_FARGATE_PUBLIC_SUBNET']);
  });

  it('still opens a file written with the earlier compute summary', () => {
    const old = eks() as unknown as { resources: Record<string, Record<string, unknown>> };
    const cluster = Object.values(old.resources).find((r) => r.kind === 'eksCluster')!;
    delete cluster.upgradePolicy;
    delete cluster.fargateProfiles;
    delete cluster.deployments;
    cluster.compute = { type: 'nodeGroup', instanceType: 'm7g.large', minSize: 2, desiredSize: 3, maxSize: 6 };
    const parsed = parseDesign(JSON.parse(JSON.stringify(old)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const read = Object.values(parsed.design.resources).find((r) => r.kind === 'eksCluster') as EksCluster;
    expect(read).toMatchObject({ upgradePolicy: 'STANDARD', fargateProfiles: [], deployments: [] });
    expect(read.compute).toMatchObject({ instanceType: 'm7g.large' });
  });
});

describe('EKS catalog figures', () => {
  it("rounds a Fargate pod up to a supported size, as the EKS User Guide's example does", () => {
    // "Fargate Pod configuration": 1 vCPU and 8 GB requested run as 2 vCPU / 9 GB (8 GB + 256 MB rounds up).
    expect(fargatePodSize(1000, 8192)).toEqual({ cpu: 2048, memoryMiB: 9216 });
    expect(fargatePodSize(0, 0)).toEqual({ cpu: 256, memoryMiB: 512 });
    expect(fargatePodSize(250, 512)).toEqual({ cpu: 256, memoryMiB: 1024 });
    expect(fargatePodSize(17_000, 1024)).toBeNull();
  });

  it('models an m7g.large node’s allocatable from the EKS AMI’s kube-reserved', () => {
    // 2 vCPU: 60m + 10m reserved; 8 GiB less 11 MiB × 29 pods + 255 MiB, and 100 MiB of eviction threshold.
    expect(nodeAllocatable('m7g.large')).toEqual({ cpuMillicores: 1930, memoryMiB: 8192 - 574 - 100, pods: 29 });
  });
});

/**
 * Amazon EKS User Guide, "Understand the Kubernetes version lifecycle on EKS"
 * (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html): at the
 * end of extended support, "Existing control planes are automatically updated
 * by Amazon EKS to the earliest supported version"; with the upgrade policy
 * STANDARD, at the end of standard support. Amazon EKS pricing
 * (aws.amazon.com/eks/pricing/): $0.10 per cluster-hour in standard support,
 * $0.60 in extended support. Nimbus reads the calendar on 2026-12-01.
 */
describe('EKS versions past their support, and versions EKS never offered', () => {
  it('bills a 1.31 cluster on the EXTENDED policy as the 1.32 EKS upgrades it to, in extended support', () => {
    expect(eksRunningVersion('1.31', 'EXTENDED')).toBe('1.32');
    expect(eksControlPlaneHourly('1.31', 'EXTENDED')).toBe(0.6);
    // On the STANDARD policy EKS keeps the cluster in standard support: 1.34 is the oldest version still there.
    expect(eksRunningVersion('1.31', 'STANDARD')).toBe('1.34');
    expect(eksControlPlaneHourly('1.31', 'STANDARD')).toBe(0.1);
    expect(eksRunningVersion('1.33', 'EXTENDED')).toBe('1.33');
    expect(eksControlPlaneHourly('1.33', 'EXTENDED')).toBe(0.6);
  });

  it('the warning names the version EKS runs the cluster on and what it costs', () => {
    const found = eksFindings(
      edit((c) => void Object.assign(c, { kubernetesVersion: '1.31', upgradePolicy: 'EXTENDED' })),
    );
    const warning = found.find((f) => f.code === 'EKS_VERSION_END_OF_SUPPORT');
    expect(warning?.message).toContain('upgrades it to 1.32');
    expect(warning?.message).toContain('$0.60 per cluster-hour');
  });

  it('refuses a version EKS does not offer, in the words of CreateCluster', () => {
    // CreateCluster answers InvalidParameterException "unsupported Kubernetes version" for a version EKS no longer
    // (or never) offered.
    const found = eksFindings(edit((c) => void (c.kubernetesVersion = '1.20')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', code: 'EKS_VERSION_UNSUPPORTED' });
    expect(found[0]!.message).toContain('"unsupported Kubernetes version 1.20" (InvalidParameterException)');
  });
});
