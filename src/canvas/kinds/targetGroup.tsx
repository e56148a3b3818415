import { resourcesOfKind } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const targetGroupView: KindView<'targetGroup'> = {
  node: card(ICONS.elb, ACCENT.network),
  icon: ICONS.elb,
  palette: [{ group: 'Networking', id: 'target-group', label: 'Target group', hint: 'Drop in a VPC' }],
  band: 'bottom',
  edges: [{ field: 'targetIds', role: 'link', direction: 'out' }],
  facts(design, group, facts) {
    const groups = resourcesOfKind(design, 'autoScalingGroup').filter((g) => g.targetGroupIds.includes(group.id));
    const registered = group.targetIds.length + group.targetIps.length;
    facts.lines.push(`${group.protocol}:${group.port} · ${group.targetType} targets`);
    facts.lines.push(
      [registered > 0 ? `${registered} registered` : null, ...groups.map((g) => `from ${g.name}`)]
        .filter(Boolean)
        .join(' · ') || 'no targets',
    );
    const hc = group.healthCheck;
    if (hc.enabled)
      facts.lines.push(
        `health ${hc.protocol} ${hc.protocol === 'TCP' ? '' : hc.path + ' '}every ${hc.intervalSeconds}s, ${hc.unhealthyThreshold}✗/${hc.healthyThreshold}✓`,
      );
  },
};
