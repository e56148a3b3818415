import { eksControlPlaneHourly, eksSupportPhase, resourcesOfKind } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const eksClusterView: KindView<'eksCluster'> = {
  node: card(ICONS.eks, ACCENT.compute),
  icon: ICONS.eks,
  palette: [
    {
      group: 'Containers',
      id: 'eks',
      label: 'EKS cluster',
      hint: 'Drop in a Region (with a node group)',
      variant: 'nodeGroup',
    },
    {
      group: 'Containers',
      id: 'eks-fargate',
      label: 'EKS cluster on Fargate',
      hint: 'Drop in a Region (with a Fargate profile)',
      variant: 'fargateProfile',
      icon: ICONS.fargate,
    },
  ],
  band: 'main',
  facts(design, cluster, facts) {
    const groups = resourcesOfKind(design, 'eksNodeGroup').filter((g) => g.clusterId === cluster.id);
    const pods = cluster.deployments.reduce((sum, d) => sum + d.replicas, 0);
    const compute = [
      groups.length > 0 ? `${groups.length} node group${groups.length === 1 ? '' : 's'}` : null,
      cluster.fargateProfiles.length > 0
        ? `${cluster.fargateProfiles.length} Fargate profile${cluster.fargateProfiles.length === 1 ? '' : 's'}`
        : null,
    ].filter((part) => part !== null);
    facts.lines.push(`Kubernetes ${cluster.kubernetesVersion} · ${compute.join(' · ') || 'no compute'}`);
    facts.lines.push(
      `${cluster.deployments.length} deployment${cluster.deployments.length === 1 ? '' : 's'} · ${pods} pod${pods === 1 ? '' : 's'} wanted`,
    );
    const hourly = eksControlPlaneHourly(cluster.kubernetesVersion, cluster.upgradePolicy);
    if (eksSupportPhase(cluster.kubernetesVersion) === 'extended')
      facts.badges.push({
        text:
          cluster.upgradePolicy === 'EXTENDED'
            ? `extended support $${hourly.toFixed(2)}/h`
            : 'upgraded at end of standard support',
        tone: 'state',
      });
  },
};
