import { ICONS } from '../icons';
import { ContainerFrame } from '../nodes/ContainerFrame';
import type { ResourceNodeProps } from '../nodes/parts';
import type { KindView } from './view';

const EcsClusterNode = (p: ResourceNodeProps) => (
  <ContainerFrame
    {...p}
    connectable={false}
    frame={{
      border: 'border-orange-500/80 bg-orange-50/40 dark:bg-orange-950/20',
      header: 'text-orange-900 dark:text-orange-100',
      icon: ICONS.ecs,
    }}
  />
);

export const ecsClusterView: KindView<'ecsCluster'> = {
  node: EcsClusterNode,
  icon: ICONS.ecs,
  palette: [{ group: 'Containers', id: 'ecs-cluster', label: 'ECS cluster', hint: 'Drop in a Region' }],
  band: 'main',
  frame: { minSize: { width: 240, height: 120 }, columns: 2 },
  facts: (_, __, facts) => void facts.lines.push('ECS'),
  thumbnail: { fill: '#fff7ed', stroke: '#f97316' },
};
