import { resourcesOfKind } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const securityGroupView: KindView<'securityGroup'> = {
  node: card(ICONS.securityGroup, ACCENT.security),
  icon: ICONS.securityGroup,
  palette: [{ group: 'Security', id: 'sg', label: 'Security group', hint: 'Drop in a VPC' }],
  band: 'bottom',
  facts(design, group, facts) {
    const members = resourcesOfKind(design, 'ec2Instance').filter((i) => i.securityGroupIds.includes(group.id)).length;
    facts.lines.push(
      `${group.inbound.length} in · ${group.outbound.length} out · ${members} member${members === 1 ? '' : 's'}`,
    );
  },
};
