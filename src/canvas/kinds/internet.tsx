import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const internetView: KindView<'internet'> = {
  node: card(ICONS.users, ACCENT.actor),
  icon: ICONS.users,
  palette: [{ group: 'Actors', id: 'internet', label: 'Internet (users)', hint: 'Drop on the canvas' }],
  band: 'top',
  facts: (_, __, facts) => void facts.lines.push('users'),
};
