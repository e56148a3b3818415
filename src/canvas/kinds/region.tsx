import { ICONS } from '../icons';
import { ContainerFrame } from '../nodes/ContainerFrame';
import type { ResourceNodeProps } from '../nodes/parts';
import type { KindView } from './view';

const RegionNode = (p: ResourceNodeProps) => (
  <ContainerFrame
    {...p}
    connectable={false}
    // AWS's architecture-icon guidelines (https://aws.amazon.com/architecture/icons/, "Groups"): a Region is a
    // dashed teal box with the Region flag at its top left.
    frame={{
      border: 'border-[#00A4A6] bg-transparent',
      header: 'text-[#007A7C] dark:text-teal-200',
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
