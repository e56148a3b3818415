import { ICONS } from '../icons';
import { ContainerFrame } from '../nodes/ContainerFrame';
import type { ResourceNodeProps } from '../nodes/parts';
import { FaultControl } from '../nodes/FaultControl';
import { useSimStore } from '../../store';
import { zoneDownSince } from '../liveFacts';
import type { KindView } from './view';

function ZoneNode(p: ResourceNodeProps) {
  const since = useSimStore((s) => zoneDownSince(s.frame, p.data.resource.id));
  const zone = p.data.resource.kind === 'availabilityZone' ? p.data.resource.zoneName : p.data.facts.title;
  return (
    <ContainerFrame
      {...p}
      connectable={false}
      down={since ? `${zone} down since ${since}` : null}
      aside={<FaultControl resource={p.data.resource} placeholder />}
      frame={{
        border: 'border-sky-500/80 bg-transparent',
        header: 'text-sky-900 dark:text-sky-100',
        icon: ICONS.zone,
        dashed: true,
      }}
    />
  );
}

export const availabilityZoneView: KindView<'availabilityZone'> = {
  node: ZoneNode,
  icon: ICONS.zone,
  palette: [{ group: 'Networking', id: 'az', label: 'Availability Zone', hint: 'Drop in a VPC' }],
  band: 'main',
  frame: { minSize: { width: 280, height: 200 }, dropRoom: 60, columns: 1 },
  facts: (_, zone, facts) => void facts.lines.push(zone.zoneName),
  thumbnail: { fill: '#eff6ff', stroke: '#60a5fa' },
};
