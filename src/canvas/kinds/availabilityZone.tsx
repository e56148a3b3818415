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
      // AWS's architecture-icon guidelines (https://aws.amazon.com/architecture/icons/, "Groups") draw an
      // Availability Zone as a dashed blue box with its name and no icon. Its name is a darker blue (sky-700):
      // AWS's #147EBA on the canvas's slate-50 is 4.2:1, short of WCAG AA's 4.5:1 for text under 24 px.
      frame={{
        border: 'border-[#147EBA] bg-transparent',
        header: 'text-sky-700 dark:text-sky-300',
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
