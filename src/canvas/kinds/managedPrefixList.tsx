import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const managedPrefixListView: KindView<'managedPrefixList'> = {
  node: card(ICONS.router, ACCENT.network),
  icon: ICONS.router,
  palette: [{ group: 'Networking', id: 'prefix-list', label: 'Prefix list', hint: 'Drop in a Region' }],
  band: 'bottom',
  facts(_, list, facts) {
    facts.lines.push(
      `${list.ownedBy === 'aws' ? `AWS-managed · ${list.prefixListName}` : `max ${list.maxEntries} entries`} · ${list.cidrs.length} CIDR${list.cidrs.length === 1 ? '' : 's'}`,
    );
  },
};
