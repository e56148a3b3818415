import { describe, expect, it } from 'vitest';
import type { DbInstance, Design } from '../../domain';
import { validateDesign } from '../validate';
import { haDesign, withResource } from './testing/haDesign';

const codes = (design: Design) => validateDesign(design).map((f) => `${f.severity} ${f.code}`);

describe('RDS rules', () => {
  const { design, ids } = haDesign();
  const db = (patch: Partial<DbInstance>) => withResource(design, { ...ids.db, ...patch });

  it('a DB subnet group of one zone is refused with RDS’s code and words', () => {
    const oneZone = withResource(withResource(design, { ...ids.dbGroup, subnetIds: [ids.privateA.id] }), {
      ...ids.db,
      multiAz: false,
      standbySubnetId: null,
      standbyPrivateIp: null,
    });
    const found = validateDesign(oneZone);
    expect(found.map((f) => f.code)).toEqual(['DB_SUBNET_GROUP_ZONES']);
    expect(found[0]!.message).toContain(
      '"should cover at least two Availability Zones unless there is only one Availability Zone" (DBSubnetGroupDoesNotCoverEnoughAZs)',
    );
  });

  it('a DB subnet group with a subnet of another VPC is an error', () => {
    const mixed = withResource(design, {
      ...ids.dbGroup,
      subnetIds: [ids.privateA.id, ids.privateB.id, ids.otherA.id],
    });
    expect(codes(mixed)).toEqual(['error DB_SUBNET_GROUP_OTHER_VPC']);
  });

  it('a DB instance whose subnet group is gone is reported once, in RDS’s words', () => {
    const gone = db({ dbSubnetGroupId: 'dbsubnet-gone' as DbInstance['dbSubnetGroupId'] });
    expect(codes(gone)).toEqual(['error DB_SUBNET_GROUP_MISSING']);
    expect(validateDesign(gone)[0]!.message).toContain('(DBSubnetGroupNotFoundFault)');
  });

  it('a DB instance outside its group’s subnets is an error', () => {
    expect(codes(db({ subnetId: ids.publicA.id, privateIp: '10.0.1.50' }))).toEqual(['error DB_SUBNET_NOT_IN_GROUP']);
  });

  it('Multi-AZ needs a standby subnet in another zone of the group', () => {
    expect(codes(db({ standbySubnetId: null, standbyPrivateIp: null }))).toEqual(['error DB_MULTI_AZ_STANDBY']);
    const sameZone = withResource(
      withResource(design, { ...ids.dbGroup, subnetIds: [ids.privateA.id, ids.privateB.id, ids.publicA.id] }),
      { ...ids.db, standbySubnetId: ids.publicA.id, standbyPrivateIp: '10.0.1.50' },
    );
    expect(validateDesign(sameZone).map((f) => f.message)).toEqual([
      "app-db is Multi-AZ, but its standby subnet public-a is in the primary's zone; RDS keeps the standby in another Availability Zone of the DB subnet group.",
    ]);
    expect(codes(db({ standbySubnetId: ids.publicB.id, standbyPrivateIp: '10.0.2.50' }))).toEqual([
      'error DB_MULTI_AZ_STANDBY',
    ]);
    expect(codes(db({ multiAz: false, standbySubnetId: null, standbyPrivateIp: null }))).toEqual([]);
  });

  it('the primary’s and the standby’s addresses are checked like an instance’s', () => {
    expect(validateDesign(db({ standbyPrivateIp: '10.0.11.51' })).map((f) => f.message)).toEqual([
      'app-db (standby): 10.0.11.51 is not inside its subnet private-b (10.0.12.0/24).',
    ]);
    expect(codes(db({ privateIp: '10.0.11.9' }))).toEqual(['error PRIVATE_IP_DUPLICATE']);
  });

  it('an unknown DB class is a warning (Nimbus can’t price it); a group of another VPC an error', () => {
    expect(codes(db({ instanceClass: 'db.z9.huge' }))).toEqual(['warning DB_INSTANCE_CLASS_UNKNOWN']);
    expect(codes(db({ securityGroupIds: [ids.otherSg.id] }))).toEqual(['error DB_SECURITY_GROUP_OTHER_VPC']);
  });

  it('a read replica needs its source, of its engine; a missing source is reported once', () => {
    const replica: DbInstance = {
      ...ids.db,
      id: 'db-replica1' as DbInstance['id'],
      name: 'replica',
      multiAz: false,
      standbySubnetId: null,
      standbyPrivateIp: null,
      privateIp: '10.0.12.60',
      subnetId: ids.privateB.id,
      readReplicaSourceId: ids.db.id,
    };
    expect(codes(withResource(design, replica))).toEqual([]);
    expect(codes(withResource(design, { ...replica, engine: 'postgres', port: 5432 }))).toEqual([
      'error DB_REPLICA_ENGINE',
    ]);
    const orphan = validateDesign(
      withResource(design, { ...replica, readReplicaSourceId: 'db-gone' as DbInstance['id'] }),
    );
    expect(orphan.map((f) => f.code)).toEqual(['DB_REPLICA_SOURCE_MISSING']);
    expect(orphan[0]!.message).toContain('"DBInstance db-gone not found."');
  });
});
