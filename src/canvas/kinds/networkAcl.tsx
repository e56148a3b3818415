import { ICONS } from '../icons';
import { shelfPill } from '../shelf/ShelfPill';
import { ACCENT } from './cards';
import type { KindView } from './view';

export const networkAclView: KindView<'networkAcl'> = {
  node: shelfPill(ICONS.nacl, ACCENT.security),
  icon: ICONS.nacl,
  palette: [{ group: 'Security', id: 'nacl', label: 'Network ACL', hint: 'Drop in a VPC' }],
  band: 'bottom',
  facts(_, acl, facts) {
    facts.lines.push(`${acl.inbound.length} in · ${acl.outbound.length} out${acl.isDefault ? ' · default' : ''}`);
  },
};
