import { getResource } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const dbSubnetGroupView: KindView<'dbSubnetGroup'> = {
  node: card(ICONS.rds, ACCENT.database),
  icon: ICONS.rds,
  palette: [{ group: 'Database', id: 'db-subnet-group', label: 'DB subnet group', hint: 'Drop in a VPC' }],
  band: 'bottom',
  facts(design, group, facts) {
    const zones = new Set(group.subnetIds.map((id) => getResource(design, id, 'subnet')?.azId).filter(Boolean));
    facts.lines.push(`${group.subnetIds.length} subnets · ${zones.size} zone${zones.size === 1 ? '' : 's'}`);
    const names = group.subnetIds.map((id) => getResource(design, id, 'subnet')?.name).filter(Boolean);
    if (names.length > 0) facts.lines.push(names.join(', '));
  },
};
