import { findEksAmiType, getResource } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const eksNodeGroupView: KindView<'eksNodeGroup'> = {
  node: card(ICONS.autoScaling, ACCENT.compute),
  icon: ICONS.autoScaling,
  palette: [
    {
      group: 'Containers',
      id: 'eks-node-group',
      label: 'EKS node group',
      hint: "Drop in a Region with an EKS cluster (uses the cluster's subnets)",
    },
  ],
  band: 'main',
  // No edge to the cluster: both cards sit side by side in the Region, and the facts line names the cluster.
  facts(design, group, facts) {
    const cluster = getResource(design, group.clusterId, 'eksCluster');
    const ami = findEksAmiType(group.amiType);
    facts.lines.push(`${group.instanceType} × ${group.desiredSize} (min ${group.minSize}, max ${group.maxSize})`);
    facts.lines.push(
      `${ami?.label ?? group.amiType} · ${group.subnetIds.length} subnet${group.subnetIds.length === 1 ? '' : 's'} · ${cluster ? cluster.name : 'no cluster'}`,
    );
  },
};
