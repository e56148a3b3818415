import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const eksClusterView: KindView<'eksCluster'> = {
  node: card(ICONS.eks, ACCENT.compute),
  icon: ICONS.eks,
  palette: [{ group: 'Containers', id: 'eks', label: 'EKS cluster', hint: 'Drop in a Region', variant: 'nodeGroup' }],
  band: 'main',
  facts(_, cluster, facts) {
    facts.lines.push(
      cluster.compute.type === 'nodeGroup'
        ? `node group ${cluster.compute.instanceType} × ${cluster.compute.desiredSize}`
        : 'Fargate profile',
    );
  },
};
