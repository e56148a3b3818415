import { DB_STORAGE_GB_MONTH_USD, findDbInstanceClass } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const dbInstanceView: KindView<'dbInstance'> = {
  node: card(ICONS.dbInstance, ACCENT.database),
  icon: ICONS.rds,
  palette: [
    {
      group: 'Database',
      id: 'rds',
      label: 'RDS DB instance',
      hint: 'Drop in a subnet of a DB subnet group',
    },
  ],
  band: 'main',
  facts(_, db, facts) {
    facts.lines.push(
      `${db.engine === 'mysql' ? 'MySQL' : 'PostgreSQL'} · ${db.instanceClass} · ${db.allocatedStorageGb} GiB · ${db.multiAz ? 'Multi-AZ' : 'Single-AZ'}`,
    );
    facts.lines.push(`${db.privateIp}:${db.port}`);
    const hourly = findDbInstanceClass(db.instanceClass)?.hourlyUsd[db.engine];
    if (hourly !== undefined)
      facts.lines.push(
        `$${db.multiAz ? hourly * 2 : hourly}/h + $${db.multiAz ? DB_STORAGE_GB_MONTH_USD * 2 : DB_STORAGE_GB_MONTH_USD}/GB-month · RDS pricing`,
      );
  },
};
