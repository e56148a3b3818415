import { ICONS } from '../icons';
import { ContainerFrame } from '../nodes/ContainerFrame';
import type { ResourceNodeProps } from '../nodes/parts';
import { usableText } from '../usableText';
import type { KindView } from './view';

const VpcNode = (p: ResourceNodeProps) => (
  <ContainerFrame
    {...p}
    connectable
    // AWS's architecture-icon guidelines (https://aws.amazon.com/architecture/icons/, "Groups"): a VPC is a
    // solid purple box with the VPC icon at its top left.
    frame={{
      border: 'border-[#8C4FFF] bg-transparent',
      header: 'text-[#6B2FD9] dark:text-violet-200',
      icon: ICONS.vpc,
    }}
  />
);

export const vpcView: KindView<'vpc'> = {
  node: VpcNode,
  icon: ICONS.vpc,
  palette: [{ group: 'Networking', id: 'vpc', label: 'VPC', hint: 'Drop in a Region' }],
  band: 'main',
  frame: { minSize: { width: 440, height: 280 }, dropRoom: 60 },
  facts(_, vpc, facts) {
    for (const block of [vpc.cidr, ...vpc.secondaryCidrs]) facts.lines.push(`${block} · ${usableText(block)}`);
  },
  thumbnail: { fill: '#f5f3ff', stroke: '#8b5cf6' },
};
