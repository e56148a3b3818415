import { resourcesOfKind } from '../../domain';
import { ICONS } from '../icons';
import { shelfPill } from '../shelf/ShelfPill';
import { ACCENT } from './cards';
import type { KindView } from './view';

/**
 * Security groups are shelf pills here, not boxes around their members (an instance may be in several); AWS's
 * architecture-icon guidelines (https://aws.amazon.com/architecture/icons/, "Groups") draw a security group as
 * a red group box, so the pill carries that box as its icon, with a red edge. (A dashed pill is one that acts
 * on nothing.)
 */
export const securityGroupView: KindView<'securityGroup'> = {
  node: shelfPill(ICONS.securityGroup, ACCENT.security),
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
