import { ICONS } from '../icons';
import { shelfPill } from '../shelf/ShelfPill';
import { ACCENT } from './cards';
import type { KindView } from './view';

export const routeTableView: KindView<'routeTable'> = {
  node: shelfPill(ICONS.router, ACCENT.network),
  icon: ICONS.router,
  palette: [{ group: 'Networking', id: 'route-table', label: 'Route table', hint: 'Drop in a VPC' }],
  band: 'bottom',
  facts(_, table, facts) {
    const count = table.routes.length;
    facts.lines.push(`${count} route${count === 1 ? '' : 's'}${table.main ? ' · main' : ''}`);
  },
};
