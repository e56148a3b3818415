import {
  eksControlPlaneHourly,
  eksRunningVersion,
  eksSupportPhase,
  fargatePodSize,
  getResource,
  nodeGroupRefusal,
  resourcesOfKind,
  type Design,
  type EksCluster,
} from '../../domain';
import { finding, type Finding } from '../findings';
import { hasInternetRoute } from '../topology';

/**
 * Amazon EKS as its API checks it: node groups (`CreateNodegroup`, whose
 * `InvalidParameterException` words the findings quote), Fargate profiles
 * (private subnets only: Amazon EKS User Guide, "Define which Pods use AWS
 * Fargate when launched") and versions past their support (Amazon EKS User
 * Guide, "Understand the Kubernetes version lifecycle on EKS").
 */
export function eksRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const group of resourcesOfKind(design, 'eksNodeGroup')) {
    const refusal = nodeGroupRefusal(group);
    if (refusal)
      out.push(
        finding(
          'error',
          'EKS_NODE_GROUP_INVALID',
          group.id,
          `${group.name}: EKS refuses the node group: "${refusal}" (InvalidParameterException).`,
        ),
      );
    const cluster = getResource(design, group.clusterId, 'eksCluster');
    const vpcs = new Set(group.subnetIds.map((id) => getResource(design, id, 'subnet')?.vpcId).filter((v) => v));
    const clusterVpcs = new Set(
      (cluster?.subnetIds ?? []).map((id) => getResource(design, id, 'subnet')?.vpcId).filter((v) => v),
    );
    if (cluster && clusterVpcs.size > 0 && [...vpcs].some((v) => !clusterVpcs.has(v)))
      out.push(
        finding(
          'error',
          'EKS_NODE_GROUP_OTHER_VPC',
          group.id,
          `${group.name}: its subnets must be in the VPC of cluster ${cluster.name}.`,
        ),
      );
  }
  for (const cluster of resourcesOfKind(design, 'eksCluster')) out.push(...clusterFindings(design, cluster));
  return out;
}

function clusterFindings(design: Design, cluster: EksCluster): Finding[] {
  const out: Finding[] = [];
  const version = cluster.kubernetesVersion;
  const phase = eksSupportPhase(version);
  // CreateCluster refuses a version EKS does not offer: InvalidParameterException "unsupported Kubernetes version".
  if (phase === 'unknown')
    out.push(
      finding(
        'error',
        'EKS_VERSION_UNSUPPORTED',
        cluster.id,
        `${cluster.name}: EKS refuses the cluster: "unsupported Kubernetes version ${version}" (InvalidParameterException).`,
        'Choose a version from the list (the ones EKS offers on the calendar Nimbus reads).',
      ),
    );
  // CreateCluster: InvalidParameterException "Subnets specified must be in at least two different AZs" (Amazon EKS
  // User Guide, "View Amazon EKS networking requirements for VPC and subnets": subnets in at least two zones).
  const zones = new Set(cluster.subnetIds.map((id) => getResource(design, id, 'subnet')?.azId).filter((z) => z));
  if (zones.size < 2)
    out.push(
      finding(
        'error',
        'EKS_CLUSTER_ONE_ZONE',
        cluster.id,
        `${cluster.name}: EKS refuses the cluster: "Subnets specified must be in at least two different AZs" (InvalidParameterException); its subnets are in ${zones.size === 0 ? 'no zone' : 'one zone'}.`,
        'Add a subnet of another Availability Zone to the cluster.',
      ),
    );
  const running = eksRunningVersion(version, cluster.upgradePolicy);
  if (phase === 'ended' && running !== version) {
    const runningPhase = eksSupportPhase(running) === 'extended' ? 'extended support' : 'standard support';
    out.push(
      finding(
        'warning',
        'EKS_VERSION_END_OF_SUPPORT',
        cluster.id,
        `${cluster.name}: Kubernetes ${version} is past extended support; EKS upgrades it to ${running}, the oldest version still supported, and Nimbus bills that (${runningPhase}, $${eksControlPlaneHourly(version, cluster.upgradePolicy).toFixed(2)} per cluster-hour).`,
      ),
    );
  }
  cluster.fargateProfiles.forEach((profile) => {
    if (profile.subnetIds.length === 0)
      out.push(
        finding(
          'error',
          'EKS_FARGATE_NO_SUBNET',
          cluster.id,
          `${cluster.name}: Fargate profile ${profile.name} has no subnet; EKS needs at least one private subnet.`,
        ),
      );
    for (const id of profile.subnetIds) {
      const subnet = getResource(design, id, 'subnet');
      if (subnet && hasInternetRoute(design, subnet))
        out.push(
          finding(
            'error',
            'EKS_FARGATE_PUBLIC_SUBNET',
            cluster.id,
            `${cluster.name}: Fargate profile ${profile.name} names ${subnet.name}, which routes to an internet gateway; EKS refuses it (InvalidParameterException: only private subnets are supported for Fargate).`,
            'Choose private subnets (their route to the internet, if any, goes through a NAT gateway).',
          ),
        );
    }
  });
  for (const deployment of cluster.deployments) {
    const onFargate = cluster.fargateProfiles.some((p) => p.namespaces.includes(deployment.namespace));
    if (onFargate && !fargatePodSize(deployment.cpuMillicores, deployment.memoryMiB))
      out.push(
        finding(
          'warning',
          'EKS_FARGATE_POD_TOO_LARGE',
          cluster.id,
          `${cluster.name}: deployment ${deployment.name} requests more than Fargate's largest size (16 vCPU, 120 GB with its 256 MB), so its pods stay Pending.`,
        ),
      );
  }
  return out;
}
