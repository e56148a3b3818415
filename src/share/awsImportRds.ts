import { DB_DEFAULT_PORT, RDS_STORAGE_GIB, type DbInstance, type Design, type Resource, type Subnet } from '../domain';
import { allocatePrivateIp, formatIpv4, parseCidr, parseIpv4 } from '../net';
import { unique, type HaImportHooks } from './awsImportHaHooks';

/**
 * `describe-db-subnet-groups` and `describe-db-instances`: DB subnet groups
 * (also read from each instance's `DBSubnetGroup`) and MySQL or PostgreSQL DB
 * instances with their Multi-AZ standby and read replica source. Aurora and
 * Multi-AZ DB clusters, and other engines, are named in a note.
 */
export function importDatabases({ data, design, add, known, notes }: HaImportHooks): void {
  const groups = unique(
    [...data.DBSubnetGroups, ...data.DBInstances.flatMap((db) => (db.DBSubnetGroup ? [db.DBSubnetGroup] : []))],
    (g) => `${g.VpcId}/${g.DBSubnetGroupName}`,
  );
  const sharedNames = new Set(groups.map((g) => g.DBSubnetGroupName).filter((name, i, all) => all.indexOf(name) !== i));
  // RDS names a group once per Region and account; a name used in two VPCs of the files also carries its VPC.
  const groupId = (vpcId: string, name: string) => `dbsubnet-${safe(name)}${sharedNames.has(name) ? `-${vpcId}` : ''}`;
  for (const group of groups) {
    const what = `DB subnet group ${group.DBSubnetGroupName}`;
    if (!known(group.VpcId)) {
      notes.push(`${what}: its VPC ${group.VpcId} is not in the files; skipped`);
      continue;
    }
    const subnetIds = group.Subnets.map((s) => s.SubnetIdentifier);
    const missing = subnetIds.filter((s) => !known(s));
    if (missing.length > 0) notes.push(`${what}: its subnets ${missing.join(', ')} are not in the files; left out`);
    // A DB subnet group's subnets are all in its VPC (Amazon RDS API Reference, CreateDBSubnetGroup); records
    // that say otherwise disagree with each other.
    const elsewhere = subnetIds.filter((s) => {
      const subnet = design.resources[s];
      return subnet?.kind === 'subnet' && subnet.vpcId !== group.VpcId;
    });
    if (elsewhere.length > 0)
      notes.push(
        `${what}: its subnets ${elsewhere.join(', ')} are in another VPC than ${group.VpcId}, which RDS does not allow; the files disagree, so they were left out`,
      );
    add({
      kind: 'dbSubnetGroup',
      id: groupId(group.VpcId, group.DBSubnetGroupName) as never,
      name: group.DBSubnetGroupName,
      vpcId: group.VpcId as never,
      subnetIds: subnetIds.filter((s) => known(s) && !elsewhere.includes(s)) as never[],
    });
  }
  const taken = takenAddresses(design, data.NetworkInterfaces);
  const instances = unique(data.DBInstances, (d) => d.DBInstanceArn ?? d.DBInstanceIdentifier);
  const clusters = new Map<string, string[]>();
  for (const db of instances)
    if (db.DBClusterIdentifier || db.Engine.startsWith('aurora')) {
      const cluster = `${db.DBClusterIdentifier ?? '?'} (${db.Engine})`;
      clusters.set(cluster, [...(clusters.get(cluster) ?? []), db.DBInstanceIdentifier]);
    }
  for (const [cluster, members] of clusters)
    notes.push(
      `DB cluster ${cluster}: ${members.length} instance${members.length === 1 ? '' : 's'} (${members.join(', ')}) skipped; Nimbus models DB instances, not Aurora or Multi-AZ DB clusters`,
    );
  for (const db of instances) {
    const what = `RDS instance ${db.DBInstanceIdentifier}`;
    if (db.DBClusterIdentifier || db.Engine.startsWith('aurora')) continue;
    if (db.Engine !== 'mysql' && db.Engine !== 'postgres') {
      notes.push(`${what}: engine ${db.Engine}; Nimbus models MySQL and PostgreSQL, so it was skipped`);
      continue;
    }
    const recorded = db.DBSubnetGroup;
    const subnetGroup = recorded ? design.resources[groupId(recorded.VpcId, recorded.DBSubnetGroupName)] : undefined;
    if (subnetGroup?.kind !== 'dbSubnetGroup') {
      notes.push(`${what}: its DB subnet group is not in the files; skipped`);
      continue;
    }
    const inZone = (zoneName: string | undefined) =>
      subnetGroup.subnetIds
        .map((id) => design.resources[id])
        .find((s): s is Subnet => s?.kind === 'subnet' && zoneOf(design, s) === zoneName);
    const primary = inZone(db.AvailabilityZone);
    if (!primary) {
      notes.push(
        `${what}: no subnet of ${subnetGroup.name} in the files is in its zone ${db.AvailabilityZone ?? '?'}; skipped`,
      );
      continue;
    }
    let standby: Subnet | undefined;
    if (db.MultiAZ) {
      standby = inZone(db.SecondaryAvailabilityZone);
      if (!standby) {
        standby = subnetGroup.subnetIds
          .map((id) => design.resources[id])
          .find((s): s is Subnet => s?.kind === 'subnet' && s.azId !== primary.azId);
        notes.push(
          `${what}: Multi-AZ, but ${db.SecondaryAvailabilityZone ? `no subnet of its group in the files is in the standby's zone ${db.SecondaryAvailabilityZone}` : 'the file does not say the standby’s zone (SecondaryAvailabilityZone)'}; ${standby ? `the standby is shown in ${standby.name}` : 'no standby is shown'}`,
        );
      }
    }
    const draw = (subnet: Subnet | undefined) => {
      const block = subnet ? parseCidr(subnet.cidr) : undefined;
      const address = block?.ok ? allocatePrivateIp(block.value, taken) : null;
      if (address !== null) taken.add(address);
      return address === null ? null : formatIpv4(address);
    };
    const privateIp = draw(primary);
    if (!privateIp) {
      notes.push(`${what}: ${primary.name} has no free address to show it at; skipped`);
      continue;
    }
    const standbyIp = standby ? draw(standby) : null;
    notes.push(
      `${what}: its endpoint ${db.Endpoint?.Address ?? '?'} is a DNS name, so Nimbus drew the address ${privateIp} in ${primary.name}${standbyIp ? ` (standby ${standbyIp} in ${standby!.name})` : ''}; AWS's own addresses are not in describe-db-instances`,
    );
    const recordedPort = db.Endpoint?.Port ?? (db.DbInstancePort ? db.DbInstancePort : undefined);
    // RDS ports are 1150-65535 (Amazon RDS API Reference, CreateDBInstance `Port`).
    const port = recordedPort !== undefined && recordedPort >= 1150 ? recordedPort : DB_DEFAULT_PORT[db.Engine];
    if (recordedPort !== undefined && port !== recordedPort)
      notes.push(`${what}: port ${recordedPort} is outside RDS's 1150-65535; shown as ${port}`);
    const recordedStorage = db.AllocatedStorage ?? RDS_STORAGE_GIB.min;
    const storage = Math.min(Math.max(recordedStorage, RDS_STORAGE_GIB.min), RDS_STORAGE_GIB.max);
    const storageType = db.StorageType === 'gp2' ? 'gp2' : 'gp3';
    if (storage !== recordedStorage || (db.StorageType && db.StorageType !== storageType))
      notes.push(
        `${what}: ${recordedStorage} GiB of ${db.StorageType ?? '?'} storage is shown as ${storage} GiB of ${storageType} (Nimbus models General Purpose SSD)`,
      );
    if (db.DBInstanceStatus && db.DBInstanceStatus !== 'available')
      notes.push(`${what}: status ${db.DBInstanceStatus}; Nimbus shows it as available`);
    const source = db.ReadReplicaSourceDBInstanceIdentifier?.split(':').pop();
    const instance: DbInstance = {
      kind: 'dbInstance',
      id: dbId(db.DBInstanceIdentifier) as never,
      name: db.DBInstanceIdentifier,
      engine: db.Engine,
      instanceClass: db.DBInstanceClass,
      allocatedStorageGb: storage,
      storageType,
      port,
      dbSubnetGroupId: subnetGroup.id,
      securityGroupIds: db.VpcSecurityGroups.map((g) => g.VpcSecurityGroupId) as never[],
      multiAz: db.MultiAZ ?? false,
      subnetId: primary.id,
      privateIp,
      standbySubnetId: standbyIp ? standby!.id : null,
      standbyPrivateIp: standbyIp,
      readReplicaSourceId: (source ? dbId(source) : null) as never,
    };
    add(instance);
  }
}

const safe = (text: string) => text.replace(/[^A-Za-z0-9-]/g, '-');
/** A DB instance's design id from its identifier (unique per Region and account). */
const dbId = (identifier: string) => `db-${safe(identifier)}`;

function zoneOf(design: Design, subnet: Subnet): string | undefined {
  const zone = design.resources[subnet.azId];
  return zone?.kind === 'availabilityZone' ? zone.zoneName : undefined;
}

/** Addresses in use: every private address the design holds and every interface the files record. */
function takenAddresses(
  design: Design,
  interfaces: ReadonlyArray<{ PrivateIpAddress?: string | undefined }>,
): Set<number> {
  const texts: Array<string | null | undefined> = interfaces.map((n) => n.PrivateIpAddress);
  for (const r of Object.values(design.resources) as Resource[]) {
    if ('privateIp' in r) texts.push(r.privateIp);
    if (r.kind === 'dbInstance') texts.push(r.standbyPrivateIp);
    if (r.kind === 'loadBalancer') texts.push(...r.subnetMappings.map((m) => m.privateIp));
  }
  const taken = new Set<number>();
  for (const text of texts) {
    const parsed = text ? parseIpv4(text) : undefined;
    if (parsed?.ok) taken.add(parsed.value);
  }
  return taken;
}
