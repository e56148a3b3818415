import { hasInternetRoute, networkAclForSubnet, routeTableForSubnet } from '../../engine';
import { resourcesOfKind } from '../../domain';
import { useDesignStore, useSimStore } from '../../store';
import { ICONS } from '../icons';
import { ContainerFrame } from '../nodes/ContainerFrame';
import type { ResourceNodeProps } from '../nodes/parts';
import { usableText } from '../usableText';
import type { KindView } from './view';

function SubnetNode(p: ResourceNodeProps) {
  const isPublic = p.data.facts.badges[0]?.tone === 'public';
  const zoneId = p.data.resource.kind === 'subnet' ? p.data.resource.azId : null;
  const zoneDown = useSimStore((s) => (zoneId ? (s.frame?.faults.zonesDown.includes(zoneId) ?? false) : false));
  const launchers = useDesignStore((s) =>
    resourcesOfKind(s.history.present, 'autoScalingGroup')
      .filter((g) => g.subnetIds.includes(p.id as never))
      .map((g) => g.name)
      .join(', '),
  );
  return (
    <>
      <ContainerFrame
        {...p}
        hatched={zoneDown}
        connectable
        frame={
          isPublic
            ? {
                border: 'border-emerald-600/80 bg-emerald-50/60 dark:bg-emerald-950/30',
                header: 'bg-emerald-600/10 text-emerald-900 dark:text-emerald-100',
                icon: ICONS.publicSubnet,
              }
            : {
                border: 'border-sky-600/80 bg-sky-50/60 dark:bg-sky-950/30',
                header: 'bg-sky-600/10 text-sky-900 dark:text-sky-100',
                icon: ICONS.privateSubnet,
              }
        }
      />
      {launchers && (
        <p className="pointer-events-none absolute bottom-1 left-3 text-[10px] text-slate-500 italic dark:text-slate-400">
          {launchers} launches instances here while the simulation runs
        </p>
      )}
    </>
  );
}

export const subnetView: KindView<'subnet'> = {
  node: SubnetNode,
  icon: ICONS.privateSubnet,
  palette: [{ group: 'Networking', id: 'subnet', label: 'Subnet', hint: 'Drop in an Availability Zone' }],
  band: 'main',
  frame: { minSize: { width: 260, height: 130 }, headerHeight: 68, columns: 2 },
  facts(design, subnet, facts) {
    facts.lines.push(`${subnet.cidr} · ${usableText(subnet.cidr)}`);
    const table = routeTableForSubnet(design, subnet);
    const acl = networkAclForSubnet(design, subnet);
    const isPublic = hasInternetRoute(design, subnet);
    facts.badges.push({ text: isPublic ? 'Public' : 'Private', tone: isPublic ? 'public' : 'private' });
    if (table) facts.badges.push({ text: `RT: ${table.name}`, tone: 'neutral' });
    if (acl) facts.badges.push({ text: `ACL: ${acl.name}`, tone: 'neutral' });
  },
  thumbnail: { fill: '#ecfdf5', stroke: '#10b981' },
};
