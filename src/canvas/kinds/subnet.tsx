import { hasInternetRoute, networkAclForSubnet, routeTableForSubnet } from '../../engine';
import { resourcesOfKind } from '../../domain';
import { useDesignStore, useSimStore } from '../../store';
import { ICONS } from '../icons';
import { ContainerFrame } from '../nodes/ContainerFrame';
import type { ResourceNodeProps } from '../nodes/parts';
import { usableText } from '../usableText';
import type { KindView } from './view';

/** A subnet's title block is taller than other containers': its badges take a third line. */
const SUBNET_HEADER = 68;

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
        // AWS's architecture-icon guidelines (https://aws.amazon.com/architecture/icons/, "Groups"): a public
        // subnet is a green box filled pale green, a private subnet a blue one filled pale blue, each with its
        // subnet icon at the top left.
        frame={
          isPublic
            ? {
                border: 'border-[#7AA116] bg-[#F2F6E8] dark:bg-lime-950/30',
                header: 'text-[#3F5A0A] dark:text-lime-100',
                icon: ICONS.publicSubnet,
                headerHeight: SUBNET_HEADER,
              }
            : {
                border: 'border-[#00A4A6] bg-[#E6F6F7] dark:bg-cyan-950/30',
                header: 'text-[#006B6D] dark:text-cyan-100',
                icon: ICONS.privateSubnet,
                headerHeight: SUBNET_HEADER,
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
  frame: { minSize: { width: 260, height: 130 }, headerHeight: SUBNET_HEADER, columns: 2 },
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
