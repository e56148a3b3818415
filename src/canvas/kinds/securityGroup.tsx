import { resourcesOfKind } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

/**
 * Security groups are cards here, not boxes around their members (an instance may be in several); AWS's
 * architecture-icon guidelines (https://aws.amazon.com/architecture/icons/, "Groups") draw a security group as
 * a red group box, so the card carries that box as its icon and a dashed border with a red edge.
 */
export const securityGroupView: KindView<'securityGroup'> = {
  node: card(ICONS.securityGroup, `${ACCENT.security} border-dashed`),
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
