import { ICONS } from '../icons';
import { ContainerFrame } from '../nodes/ContainerFrame';
import type { ResourceNodeProps } from '../nodes/parts';
import type { KindView } from './view';

const RegionNode = (p: ResourceNodeProps) => (
  <ContainerFrame
    {...p}
    connectable={false}
    frame={{
      border: 'border-teal-600/70 bg-teal-50/30 dark:bg-teal-950/20',
      header: 'text-teal-900 dark:text-teal-100',
      icon: ICONS.region,
      dashed: true,
    }}
  />
);

export const regionView: KindView<'region'> = {
  node: RegionNode,
  icon: ICONS.region,
  palette: [{ group: 'Networking', id: 'region', label: 'Region', hint: 'Drop on the canvas' }],
  band: 'main',
  frame: { minSize: { width: 480, height: 320 }, dropRoom: 60 },
  facts: (_, region, facts) => void facts.lines.push(region.code),
  thumbnail: { fill: '#f8fafc', stroke: '#94a3b8' },
};
