import { DB_STORAGE_GB_MONTH_USD, findDbInstanceClass, getResource, type Design } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

const zoneOf = (design: Design, subnetId: string | null) => {
  const subnet = getResource(design, subnetId, 'subnet');
  return subnet ? (getResource(design, subnet.azId, 'availabilityZone')?.zoneName ?? null) : null;
};

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
  edges: [
    { field: 'dbSubnetGroupId', role: 'link', direction: 'out' },
    { field: 'readReplicaSourceId', role: 'link', direction: 'out' },
  ],
  facts(design, db, facts) {
    facts.lines.push(
      `${db.engine === 'mysql' ? 'MySQL' : 'PostgreSQL'} · ${db.instanceClass} · ${db.allocatedStorageGb} GiB · ${db.multiAz ? 'Multi-AZ' : 'Single-AZ'}`,
    );
    const standbyZone = db.multiAz ? zoneOf(design, db.standbySubnetId) : null;
    facts.lines.push(`${db.privateIp}:${db.port}${standbyZone ? ` · standby in ${standbyZone}` : ''}`);
    if (db.readReplicaSourceId) facts.badges.push({ text: 'Read replica', tone: 'neutral' });
    const hourly = findDbInstanceClass(db.instanceClass)?.hourlyUsd[db.engine];
    if (hourly !== undefined)
      facts.lines.push(
        `$${db.multiAz ? hourly * 2 : hourly}/h + $${db.multiAz ? DB_STORAGE_GB_MONTH_USD * 2 : DB_STORAGE_GB_MONTH_USD}/GB-month · RDS pricing`,
      );
  },
};
