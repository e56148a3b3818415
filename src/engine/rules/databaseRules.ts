import { findDbInstanceClass, getResource, resourcesOfKind, type DbInstance, type Design } from '../../domain';
import { finding, type Finding } from '../findings';
import { nameOf, outsideVpc } from './sameVpc';

/** DB subnet groups and RDS DB instances as `CreateDBSubnetGroup` and `CreateDBInstance` check them. */
export function databaseRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const group of resourcesOfKind(design, 'dbSubnetGroup')) {
    const zones = new Set<string>();
    for (const id of group.subnetIds) {
      const subnet = getResource(design, id, 'subnet');
      if (!subnet) continue;
      zones.add(subnet.azId);
      if (subnet.vpcId !== group.vpcId)
        out.push(
          finding(
            'error',
            'DB_SUBNET_GROUP_OTHER_VPC',
            group.id,
            `${group.name} is in ${nameOf(design, group.vpcId)}, but its subnet ${subnet.name} is in ${nameOf(design, subnet.vpcId)}; a DB subnet group's subnets all belong to one VPC.`,
          ),
        );
    }
    // Amazon RDS User Guide, "Working with a DB instance in a VPC": at least two zones. AWS exempts a
    // Region with a single zone; Nimbus's Regions all have several, so it doesn't.
    if (zones.size < 2)
      out.push(
        finding(
          'error',
          'DB_SUBNET_GROUP_ZONES',
          group.id,
          `${group.name} covers ${zones.size === 0 ? 'no' : 'one'} Availability Zone. RDS refuses it: the DB subnet group "should cover at least two Availability Zones unless there is only one Availability Zone" (DBSubnetGroupDoesNotCoverEnoughAZs).`,
          'Add a subnet in a second zone.',
        ),
      );
  }
  for (const db of resourcesOfKind(design, 'dbInstance')) out.push(...instanceFindings(design, db));
  return out;
}

function instanceFindings(design: Design, db: DbInstance): Finding[] {
  const out: Finding[] = [];
  const group = getResource(design, db.dbSubnetGroupId, 'dbSubnetGroup');
  const primary = getResource(design, db.subnetId, 'subnet');
  // Amazon RDS refuses to delete a DB subnet group in use (InvalidDBSubnetGroupStateFault); a design can still lose it.
  if (!group)
    out.push(
      finding(
        'error',
        'DB_SUBNET_GROUP_MISSING',
        db.id,
        `${db.name} names DB subnet group ${db.dbSubnetGroupId}, which does not exist; RDS places a DB instance only in a DB subnet group (DBSubnetGroupNotFoundFault).`,
        'Choose a DB subnet group of its VPC.',
      ),
    );
  if (group && primary && !group.subnetIds.includes(primary.id))
    out.push(
      finding(
        'error',
        'DB_SUBNET_NOT_IN_GROUP',
        db.id,
        `${db.name} runs in ${primary.name}, which is not in its DB subnet group ${group.name}; RDS places an instance only in its group's subnets.`,
      ),
    );
  if (db.multiAz) {
    const standby = getResource(design, db.standbySubnetId, 'subnet');
    const problem = !standby
      ? 'it has no standby subnet'
      : group && !group.subnetIds.includes(standby.id)
        ? `its standby subnet ${standby.name} is not in ${group.name}`
        : primary && standby.azId === primary.azId
          ? `its standby subnet ${standby.name} is in the primary's zone`
          : null;
    // Amazon RDS User Guide, "Multi-AZ DB instance deployments": the standby runs in a different zone.
    if (problem)
      out.push(
        finding(
          'error',
          'DB_MULTI_AZ_STANDBY',
          db.id,
          `${db.name} is Multi-AZ, but ${problem}; RDS keeps the standby in another Availability Zone of the DB subnet group.`,
          'Choose a standby subnet in another zone of the group.',
        ),
      );
  }
  const vpcId = group?.vpcId ?? primary?.vpcId;
  if (vpcId)
    out.push(
      ...outsideVpc(design, db.securityGroupIds, 'securityGroup', vpcId, (sg) =>
        finding(
          'error',
          'DB_SECURITY_GROUP_OTHER_VPC',
          db.id,
          `${db.name} uses security group ${sg.name} of ${nameOf(design, sg.vpcId)}; its groups must belong to the DB instance's VPC.`,
        ),
      ),
    );
  if (!findDbInstanceClass(db.instanceClass))
    out.push(
      finding(
        'warning',
        'DB_INSTANCE_CLASS_UNKNOWN',
        db.id,
        `${db.name}: Nimbus does not know the DB instance class "${db.instanceClass}", so it can't price or size it.`,
      ),
    );
  if (db.readReplicaSourceId !== null) {
    const source = getResource(design, db.readReplicaSourceId, 'dbInstance');
    if (!source)
      out.push(
        finding(
          'error',
          'DB_REPLICA_SOURCE_MISSING',
          db.id,
          `${db.name} is a read replica of ${db.readReplicaSourceId}, which does not exist. RDS refuses: "DBInstance ${db.readReplicaSourceId} not found." (DBInstanceNotFound).`,
        ),
      );
    else if (source.engine !== db.engine)
      out.push(
        finding(
          'error',
          'DB_REPLICA_ENGINE',
          db.id,
          `${db.name} is a ${db.engine} read replica of ${source.name}, a ${source.engine} instance; a read replica runs its source's engine.`,
        ),
      );
  }
  return out;
}
