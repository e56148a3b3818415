import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/testing/runCli';
import { analyzeReachability, validateDesign } from '../engine';
import { importAws, type AwsFile } from './awsImport';
import { regionInPath } from './awsImportNetworks';

/**
 * Batfish's recorded AWS configurations (Apache-2.0, see fixtures/batfish/README-networks.md)
 * with the verdicts their topology implies, written from the JSON and AWS's rules.
 */
const BATFISH = join(import.meta.dirname, 'fixtures/batfish');

function filesUnder(dir: string, prefix = ''): AwsFile[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) return filesUnder(dir, path);
    return name.endsWith('.json') ? [{ name: path, text: readFileSync(join(dir, path), 'utf8') }] : [];
  });
}

function scenario(name: string) {
  const result = importAws(filesUnder(join(BATFISH, name)), name);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

function verdict(name: string, from: string, to: string, port = 22) {
  const outcome = analyzeReachability(scenario(name).design, {
    from: { kind: 'resource', id: from },
    to: { kind: 'resource', id: to },
    protocol: 'tcp',
    port,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

// test-vpc-peering: A 10.10/16, B and C both 192.168/16; A-B and A-C peered.
const A = 'i-06ba034d88c84ef07';
const B = 'i-0b14080af811fda3d';
const C = 'i-04a292ff83b3aa833';
// test-transit-gateway: A (us-east-2c, the zone of A's attachment subnet), A2 (us-east-2a, none).
const A2 = 'i-075e846ed41670385';

describe('AWS import of peering connections and transit gateways (Batfish scenarios)', () => {
  it('test-vpc-peering: imports both peerings, as edges between VPCs', () => {
    const { design, notes } = scenario('test-vpc-peering');
    expect(design.resources['pcx-0b89b559e3319d6cf']).toMatchObject({
      kind: 'vpcPeeringConnection',
      name: 'A-B',
      requesterVpcId: 'vpc-0404e08ceddf7f650',
      accepterVpcId: 'vpc-00a31ce9d0c06675c',
      status: 'active',
    });
    expect(design.resources['pcx-0d5b836985ac8ca8c']).toMatchObject({ kind: 'vpcPeeringConnection', name: 'A-C' });
    expect(notes.join('\n')).not.toMatch(/pcx-.*does not model/);
    expect(validateDesign(design).filter((f) => f.code === 'PEERING_CIDR_OVERLAP')).toEqual([]);
  });

  it('test-vpc-peering: A and B reach each other on tcp/22, A and C too; B does not reach C (not transitive)', () => {
    expect(verdict('test-vpc-peering', A, B).reachable).toBe(true);
    expect(verdict('test-vpc-peering', B, A).reachable).toBe(true);
    expect(verdict('test-vpc-peering', A, C).reachable).toBe(true);
    expect(verdict('test-vpc-peering', C, A).reachable).toBe(true);
    // B's own 192.168/16 covers C's address, so B routes it locally, and nothing in B holds it.
    expect(verdict('test-vpc-peering', B, C).blockedBy).toMatchObject({
      code: 'NO_ROUTE_TO_DESTINATION',
      direction: 'forward',
    });
    expect(verdict('test-vpc-peering', C, B).reachable).toBe(false);
    // The peering hop is on the path both ways.
    const ab = verdict('test-vpc-peering', A, B);
    expect(ab.forward.map((h) => h.id)).toContain('pcx-0b89b559e3319d6cf');
    expect(ab.return.map((h) => h.id)).toContain('pcx-0b89b559e3319d6cf');
  });

  it('test-transit-gateway: A reaches B through the gateway and back; A2, in a zone without an attachment subnet, does not', () => {
    const { design, notes } = scenario('test-transit-gateway');
    expect(design.resources['tgw-044be4464fcc69aff']).toMatchObject({
      kind: 'transitGateway',
      regionId: 'region-us-east-2',
      routeTables: [{ id: 'tgw-rtb-0fa40c8df355dce6e', routes: [] }],
    });
    expect(design.resources['tgw-attach-07f5ec59e9f540021']).toMatchObject({
      type: 'vpc',
      vpcId: 'vpc-0404e08ceddf7f650',
      subnetIds: ['subnet-006a19c846f047bd7'],
      associatedRouteTableId: 'tgw-rtb-0fa40c8df355dce6e',
      propagatedRouteTableIds: ['tgw-rtb-0fa40c8df355dce6e'],
    });
    // The deleted VPN attachment is named in the notes, not silently dropped.
    expect(notes).toContain('tgw-attach-0d724909ecd7a5961: vpn attachment deleted, skipped');
    expect(verdict('test-transit-gateway', A, B).reachable).toBe(true);
    expect(verdict('test-transit-gateway', B, A).reachable).toBe(true);
    expect(verdict('test-transit-gateway', A2, B).blockedBy).toMatchObject({
      id: 'tgw-044be4464fcc69aff',
      code: 'TGW_ROUTE_AZ_RESTRICTION',
      direction: 'forward',
    });
    // B's SSH to A2 arrives, but A2's answer can't reach the gateway from us-east-2a either.
    expect(verdict('test-transit-gateway', B, A2).blockedBy).toMatchObject({
      code: 'TGW_ROUTE_AZ_RESTRICTION',
      direction: 'return',
    });
  });

  it('test-transit-gateway-multi-table: each attachment is routed by its own associated table', () => {
    const { design } = scenario('test-transit-gateway-multi-table');
    const tgw = Object.values(design.resources).find((r) => r.kind === 'transitGateway');
    expect(tgw && tgw.kind === 'transitGateway' ? tgw.routeTables.map((t) => t.id).sort() : []).toEqual([
      'tgw-rtb-096a7119299ab1c42',
      'tgw-rtb-0fa40c8df355dce6e',
    ]);
    expect(verdict('test-transit-gateway-multi-table', A, B).reachable).toBe(true);
    expect(verdict('test-transit-gateway-multi-table', B, A).reachable).toBe(true);
    expect(verdict('test-transit-gateway-multi-table', A2, B).blockedBy?.code).toBe('TGW_ROUTE_AZ_RESTRICTION');
  });

  it('test-vpc-peering-multi-account: two accounts in one tree, one active peering, bat and fish reach each other', () => {
    const { design, notes } = scenario('test-vpc-peering-multi-account');
    const peerings = Object.values(design.resources).filter((r) => r.kind === 'vpcPeeringConnection');
    expect(peerings.map((p) => p.id)).toEqual(['pcx-0040f7640e10191f4']);
    expect(notes.filter((n) => n.includes('deleted, skipped') && n.startsWith('pcx-')).length).toBeGreaterThan(0);
    expect(verdict('test-vpc-peering-multi-account', 'i-07ae69cc808e8804e', 'i-066ce0b1efbb5602c').reachable).toBe(
      true,
    );
    expect(verdict('test-vpc-peering-multi-account', 'i-066ce0b1efbb5602c', 'i-07ae69cc808e8804e').reachable).toBe(
      true,
    );
  });

  it('test-transit-gateway-multi-account: a VPC of another account attached to the shared gateway', () => {
    expect(verdict('test-transit-gateway-multi-account', 'i-0bdf35d561be3d962', 'i-03df168b3f73cc262').reachable).toBe(
      true,
    );
    expect(verdict('test-transit-gateway-multi-account', 'i-03df168b3f73cc262', 'i-0bdf35d561be3d962').reachable).toBe(
      true,
    );
  });

  it('test-vpc-endpoint-gateway: both subnets reach S3 through the gateway endpoint, not the internet; only TCP', () => {
    const { design } = scenario('test-vpc-endpoint-gateway');
    expect(design.resources['vpce-0b7357542bb7b83ec']).toMatchObject({
      kind: 'vpcEndpoint',
      type: 'gateway',
      prefixListId: 'pl-63a5400a',
      routeTableIds: ['rtb-04f71fc2caa8d94cf', 'rtb-0efde4139784b75b0'],
    });
    expect(design.resources['pl-63a5400a']).toMatchObject({ kind: 'managedPrefixList', name: 'S3', ownedBy: 'aws' });
    for (const from of ['i-01c6c0647fdccc89e', 'i-0464d440ca0ee9e34']) {
      const r = verdict('test-vpc-endpoint-gateway', from, 'pl-63a5400a', 443);
      expect(r.reachable).toBe(true);
      expect(r.forward.map((h) => h.id)).toContain('vpce-0b7357542bb7b83ec');
      expect(r.forward.some((h) => h.id.startsWith('igw-'))).toBe(false);
    }
    // The private subnet has no other way out: DynamoDB has no endpoint here.
    expect(verdict('test-vpc-endpoint-gateway', 'i-01c6c0647fdccc89e', 'pl-02cd2c6b', 443).reachable).toBe(false);
  });

  it('test-vpc-endpoint-interface: the interface endpoint is imported with its subnet, address and group, and noted', () => {
    const { design, notes } = scenario('test-vpc-endpoint-interface');
    expect(design.resources['vpce-083c683a6be29b889']).toMatchObject({
      kind: 'vpcEndpoint',
      type: 'interface',
      serviceName: 'com.amazonaws.us-east-1.cloudtrail',
      subnetIds: ['subnet-0bb8615d8368ece31'],
      privateIps: ['10.1.101.97'],
      securityGroupIds: ['sg-0973207c61f3466e1'],
    });
    expect(notes.some((n) => n.startsWith('vpce-083c683a6be29b889: an interface endpoint'))).toBe(true);
    // Its group admits tcp/443 (and 22), so HTTPS from the other subnet arrives and HTTP does not.
    expect(verdict('test-vpc-endpoint-interface', 'i-0eb6eb395a0d09117', 'vpce-083c683a6be29b889', 443).reachable).toBe(
      true,
    );
    expect(
      verdict('test-vpc-endpoint-interface', 'i-0eb6eb395a0d09117', 'vpce-083c683a6be29b889', 80).blockedBy?.code,
    ).toBe('ENI_SG_RULES_MISMATCH');
  });

  it('test-transit-gateway-asymmetric-paths: bat → fish goes through tgw-bat, the reply through tgw-fish; both ways reachable', () => {
    const bat = 'i-04bbbcaefdd1937f9';
    const fish = 'i-0973ce90749865a7f';
    const r = verdict('test-transit-gateway-asymmetric-paths', bat, fish);
    expect(r.reachable).toBe(true);
    expect(r.forward.map((h) => h.id)).toContain('tgw-01e19888e3ba041ac');
    expect(r.return.map((h) => h.id)).toContain('tgw-0a33c739a4f8978a8');
    expect(r.return.map((h) => h.id)).not.toContain('tgw-01e19888e3ba041ac');
    const back = verdict('test-transit-gateway-asymmetric-paths', fish, bat);
    expect(back.reachable).toBe(true);
    expect(back.forward.map((h) => h.id)).toContain('tgw-0a33c739a4f8978a8');
  });

  it('test-multi-account: two accounts in two Regions (only Vpcs.json): each VPC in the Region of its folder', () => {
    const { design } = scenario('test-multi-account');
    expect(design.resources['vpc-015b20578b48c1349']).toMatchObject({ regionId: 'region-us-west-1' });
    expect(design.resources['vpc-0008a7b45e3ddf1dd']).toMatchObject({ regionId: 'region-us-west-2' });
  });

  it('test-transit-gateway-peering: two gateways in two Regions joined by a peering attachment; bat2 → fish crosses both, and the reply finds no route back to bat2', () => {
    const { design } = scenario('test-transit-gateway-peering');
    expect(design.resources['tgw-0e20010ebf43d07a2']).toMatchObject({ regionId: 'region-us-east-1' });
    expect(design.resources['tgw-03201f1960ddb0c25']).toMatchObject({ regionId: 'region-us-west-1' });
    expect(design.resources['tgw-attach-012e5d602f859dd80']).toMatchObject({
      type: 'peering',
      associatedRouteTableId: expect.stringMatching(/^tgw-rtb-/),
      peerAssociatedRouteTableId: expect.stringMatching(/^tgw-rtb-/),
      propagatedRouteTableIds: [],
    });
    const bat = 'i-08f3abb6471637c66';
    const bat2 = 'i-05e25e43074216229';
    const fish = 'i-0afb0a59f6bf36397';
    // bat2's table sends 192.168/16 over the peering; fish's gateway delivers; but the peering's table on
    // bat's side (the default table) holds only bat's 10.10/16, so the reply to 10.20.1.100 stops there.
    const r = verdict('test-transit-gateway-peering', bat2, fish);
    expect(r.forward.map((h) => h.id)).toEqual(
      expect.arrayContaining(['tgw-0e20010ebf43d07a2', 'tgw-03201f1960ddb0c25']),
    );
    expect(r.blockedBy).toMatchObject({
      id: 'tgw-0e20010ebf43d07a2',
      direction: 'return',
      code: 'NO_ROUTE_TO_DESTINATION',
    });
    // fish → bat2 stops at the same table on the way in; bat and fish have no routes to each other.
    expect(verdict('test-transit-gateway-peering', fish, bat2).blockedBy).toMatchObject({
      id: 'tgw-0e20010ebf43d07a2',
      direction: 'forward',
    });
    expect(verdict('test-transit-gateway-peering', bat, fish).reachable).toBe(false);
    expect(verdict('test-transit-gateway-peering', fish, bat).reachable).toBe(false);
  });

  it('reads a Region from a path in the accounts/<id>/<region>/ layout', () => {
    expect(regionInPath('accounts/111/us-west-1/Vpcs.json')).toBe('us-west-1');
    expect(regionInPath('Vpcs.json')).toBeNull();
  });
});

describe('nimbus reach on the Batfish folders', () => {
  const dir = (name: string) => join(BATFISH, name);
  it('answers across the peering, and refuses the transitive path', async () => {
    const ok = await run('reach', dir('test-vpc-peering'), '--from', A, '--to', B, '--port', '22');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('A-B (VPC peering)');
    const no = await run('reach', dir('test-vpc-peering'), '--from', B, '--to', C, '--port', '22');
    expect(no.code).toBe(1);
  });

  it('answers "S3" through the gateway endpoint', async () => {
    const ok = await run(
      'reach',
      dir('test-vpc-endpoint-gateway'),
      '--from',
      'i-01c6c0647fdccc89e',
      '--to',
      'S3',
      '--port',
      '443',
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('without the internet');
  });

  it('answers through the transit gateway, and from the zone without an attachment subnet', async () => {
    const ok = await run('reach', dir('test-transit-gateway'), '--from', A, '--to', B, '--port', '22');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('transit-test (transit gateway)');
    const no = await run('reach', dir('test-transit-gateway'), '--from', A2, '--to', B, '--port', '22', '--json');
    expect(no.code).toBe(1);
    expect(JSON.parse(no.out).blockedBy.code).toBe('TGW_ROUTE_AZ_RESTRICTION');
  });

  it('reads the accounts/<id>/<region>/ tree of a multi-account scenario', async () => {
    const ok = await run(
      'reach',
      dir('test-vpc-peering-multi-account'),
      '--from',
      'i-07ae69cc808e8804e',
      '--to',
      'i-066ce0b1efbb5602c',
      '--port',
      '22',
    );
    expect(ok.code).toBe(0);
  });
});

describe('AWS import of appliances', () => {
  it('keeps an instance whose source/destination check is off; on (AWS’s default) stays implicit', () => {
    const files = filesUnder(join(BATFISH, 'test-vpc-peering')).map((f) =>
      f.name === 'Reservations.json'
        ? { ...f, text: f.text.replace(/\n {5}"SourceDestCheck": true/, '\n     "SourceDestCheck": false') }
        : f,
    );
    const result = importAws(files);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const instances = Object.values(result.design.resources).filter((r) => r.kind === 'ec2Instance');
    expect(instances.filter((i) => i.sourceDestCheck === false)).toHaveLength(1);
    expect(instances.filter((i) => i.sourceDestCheck === undefined)).toHaveLength(instances.length - 1);
  });
});
