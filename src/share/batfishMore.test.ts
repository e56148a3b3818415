import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getResource, resourcesOfKind } from '../domain';
import { validateDesign } from '../engine';
import { lookupRoute } from '../engine/reach/routeLookup';
import { parseIpv4 } from '../net';
import { importAws, type AwsFile } from './awsImport';

/**
 * The Batfish scenarios copied for issue 14 (fixtures/batfish/README.md, Apache-2.0): what the import keeps,
 * models and names in its note. Expectations are ours, from the JSON and AWS's rules.
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

const address = (text: string) => {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

describe('hybrid-cloud-aws', () => {
  const { design, notes } = scenario('hybrid-cloud-aws');
  const table = getResource(design, 'rtb-296bf350', 'routeTable')!;

  it('routes the VGW propagated into rtb-296bf350 are modelled: 10.1.1–4.0/24 through the on-premises network, 0/0 kept', () => {
    // The VGW learned 10.1.1.0/24–10.1.4.0/24 and 0.0.0.0/0 over BGP from the one dynamic VPN, vpn-ba2e34a8.
    expect(getResource(design, 'onprem-cgw-fb76ace5', 'onPremisesNetwork')?.cidrs).toEqual([
      '10.1.1.0/24',
      '10.1.2.0/24',
      '10.1.3.0/24',
      '10.1.4.0/24',
    ]);
    expect(table.propagatingGatewayIds).toEqual(['vgw-81fd279f']);
    for (const host of ['10.1.1.7', '10.1.2.5', '10.1.4.254'])
      expect(lookupRoute(design, table, address(host))).toMatchObject({ target: 'vgw-81fd279f', origin: 'propagated' });
    // The default route goes to the VGW as well (internet-bound traffic over the VPN), kept as a table route.
    expect(lookupRoute(design, table, address('8.8.8.8'))).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'vgw-81fd279f',
    });
    expect(lookupRoute(design, table, address('10.100.3.3'))).toMatchObject({ target: 'local' });
    expect(notes.some((n) => n.startsWith('rtb-296bf350: the route to 0.0.0.0/0 that vgw-81fd279f propagated'))).toBe(
      true,
    );
  });

  it('names the secondary and the unattached network interfaces it skips', () => {
    for (const [eni, what] of [
      ['eni-4b466165', 'a secondary interface (device 1) of i-0383fda87c012141d'],
      ['eni-a50c2b8b', 'a secondary interface (device 1) of i-0837c877110427f2b'],
      ['eni-297b5c07', 'a secondary interface (device 1) of i-0b26ec095feb42260'],
      ['eni-822b55ac', 'not attached to an instance (status available)'],
      ['eni-0681f828', 'not attached to an instance (status available)'],
    ])
      expect(notes.find((n) => n.startsWith(`${eni} `))).toContain(what);
    // The primary interfaces are the instances' own: not named.
    expect(notes.some((n) => n.startsWith('eni-8c7753a2'))).toBe(false);
    expect(getResource(design, 'i-0383fda87c012141d', 'ec2Instance')).toMatchObject({
      privateIp: '192.168.1.243',
      state: 'stopped',
    });
  });
});

describe('hybrid-cloud-aws: a route to a NAT gateway the files lack', () => {
  it('is named, with the blackhole AWS records', () => {
    expect(scenario('hybrid-cloud-aws').notes).toContain(
      'rtb-f28e418b: the route to 0.0.0.0/0 targets nat-055c00735cace0ec4, which is not in the files or Nimbus does not model; it shows as a blackhole (AWS records it as one too)',
    );
  });
});

describe('test-direct-connect-private-vif and test-direct-connect-gateway', () => {
  it('name each Direct Connect virtual interface and gateway they skip', () => {
    const privateVif = scenario('test-direct-connect-private-vif').notes;
    for (const [vif, address] of [
      ['dxvif-priv01', '169.254.30.1/30'],
      ['dxvif-priv02', '169.254.31.1/30'],
    ])
      expect(privateVif).toContain(
        `VirtualInterfaces.json: Direct Connect virtual interface ${vif} (private, vgw-priv01, ${address}) skipped: Nimbus does not import Direct Connect virtual interfaces, and the prefixes the on-premises router advertises over one are not in these files`,
      );
    const gateway = scenario('test-direct-connect-gateway').notes;
    expect(gateway).toContain(
      'DirectConnectGateways.json: Direct Connect gateway 7b2c4f8a-1234-4abc-9def-fedcba987654 (dx-test-gateway) skipped: Nimbus does not model Direct Connect gateways',
    );
    expect(
      gateway.some((n) =>
        n.startsWith('VirtualInterfaces.json: Direct Connect virtual interface dxvif-dx01 (transit,'),
      ),
    ).toBe(true);
  });
});

describe('test-vpn-gateway', () => {
  const { design, notes } = scenario('test-vpn-gateway');

  it('skips the deleted VPN connection: no route, no on-premises network from its 192.168.0.0/16', () => {
    expect(notes).toContain('vpn-05044757278685fd3: deleted, skipped (no routes, no on-premises network from it)');
    expect(design.resources['vpn-05044757278685fd3']).toBeUndefined();
    expect(design.resources['onprem-cgw-0e0d620a3ae284684']).toBeUndefined();
    expect(getResource(design, 'cgw-0e0d620a3ae284684', 'customerGateway')?.onPremisesNetworkId).toBeNull();
    // The live BGP VPN is kept; it recorded no routes, so there is no network behind it either.
    expect(getResource(design, 'vpn-03701a53bba3c48b7', 'vpnConnection')).toMatchObject({
      routing: 'dynamic',
      vpnGatewayId: 'vgw-0c09bd7fadac961bf',
    });
    expect(Object.values(design.resources).filter((r) => r.kind === 'onPremisesNetwork')).toEqual([]);
  });
});

describe('test (inconsistent records, files missing)', () => {
  const { design, notes } = scenario('test');

  it('names the missing route-table and internet-gateway output and gives each VPC its main table', () => {
    expect(notes.some((n) => n.startsWith('no describe-route-tables output'))).toBe(true);
    expect(notes.some((n) => n.startsWith('no describe-internet-gateways output'))).toBe(true);
    expect(notes.some((n) => n.startsWith('no describe-network-acls output'))).toBe(false);
    expect(getResource(design, 'rtb-main-vpc-6f6f8316', 'routeTable')).toMatchObject({
      main: true,
      routes: [{ destination: '10.193.0.0/16', target: 'local' }],
    });
  });

  it('says what it could not place: the subnet outside its VPC and the instance whose subnet is not recorded', () => {
    expect(notes.find((n) => n.startsWith('subnet subnet-1f315846:'))).toContain(
      '172.31.0.0/20 is outside its VPC vpc-b390fad5 (192.168.0.0/16)',
    );
    expect(design.resources['subnet-1f315846']).toBeUndefined();
    expect(notes).toContain(
      'i-075dc46a9bc347264: not in a subnet of these files (state running, subnet subnet-1641fa70); skipped',
    );
    expect(getResource(design, 'i-066b1b9957b9200e7', 'ec2Instance')?.publicIpAddress).toBe('54.191.107.22');
    // Its subnet group lists subnet-1f315846 (outside its VPC, skipped) and subnet-073b8061 (not recorded).
    expect(notes).toContain(
      'RDS instance test-rds: no subnet of default in the files is in its zone us-west-2b; skipped',
    );
    expect(resourcesOfKind(design, 'dbInstance')).toEqual([]);
    expect(notes.some((n) => n.startsWith('ElasticsearchDomains.json: Elasticsearch domain es-domain'))).toBe(true);
  });
});

describe('test-load-balancer', () => {
  it('imports the internal NLB with its node addresses, listener and target group; groups of other VPCs are named', () => {
    const { design, notes } = scenario('test-load-balancer');
    const nlb = getResource(design, 'elb-test-lb-725b996cb6be8fba', 'loadBalancer')!;
    // No LoadBalancerAddresses recorded: the addresses come from the nodes' interfaces ("ELB net/test-lb/…").
    expect(nlb).toMatchObject({
      type: 'network',
      scheme: 'internal',
      crossZone: true,
      subnetMappings: [
        { subnetId: 'subnet-0873d71031a560a88', privateIp: '10.1.20.123' },
        { subnetId: 'subnet-090fe152cd18ced20', privateIp: '10.1.1.237' },
      ],
      listeners: [{ protocol: 'TCP', port: 80, targetGroupId: 'tg-test-lb-tg-8e891d8fcdf8ece8' }],
    });
    expect(getResource(design, 'tg-test-lb-tg-8e891d8fcdf8ece8', 'targetGroup')).toMatchObject({
      protocol: 'TCP',
      targetIds: ['i-0f4af951d61a19245', 'i-055b0db7be365202c'],
      healthCheck: { protocol: 'TCP', healthyThreshold: 3, unhealthyThreshold: 3, timeoutSeconds: 10 },
    });
    // The nodes' interfaces are the load balancer's, so they are not listed as skipped.
    for (const eni of ['eni-01f261dccaba46564', 'eni-0c82d6f7254ae6695'])
      expect(notes.some((n) => n.startsWith(`${eni} `))).toBe(false);
    expect(notes).toContain('target group target1: its VPC vpc-08afc01f5013ddc43 is not in the files; skipped');
    expect(notes.find((n) => n.startsWith('target group test-lb-tg: AWS reported'))).toContain('2 healthy');
    expect(Object.values(design.resources).filter((r) => r.kind === 'ec2Instance')).toHaveLength(3);
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('routes to customer-managed prefix lists', () => {
  const files = (lists: unknown[]): AwsFile[] => [
    { name: 'Vpcs.json', text: JSON.stringify({ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] }) },
    {
      name: 'Subnets.json',
      text: JSON.stringify({
        Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }],
      }),
    },
    {
      name: 'Reservations.json',
      text: JSON.stringify({
        Reservations: [
          {
            Instances: [
              {
                InstanceId: 'i-appliance',
                InstanceType: 't3.micro',
                SubnetId: 'subnet-1',
                PrivateIpAddress: '10.0.1.10',
                State: { Name: 'running' },
                SourceDestCheck: false,
              },
            ],
          },
        ],
      }),
    },
    {
      name: 'NetworkInterfaces.json',
      text: JSON.stringify({
        NetworkInterfaces: [
          {
            NetworkInterfaceId: 'eni-1',
            PrivateIpAddress: '10.0.1.10',
            SubnetId: 'subnet-1',
            Attachment: { InstanceId: 'i-appliance', DeviceIndex: 0 },
          },
        ],
      }),
    },
    {
      name: 'RouteTables.json',
      text: JSON.stringify({
        RouteTables: [
          {
            RouteTableId: 'rtb-1',
            VpcId: 'vpc-1',
            Associations: [{ Main: true }],
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' },
              { DestinationPrefixListId: 'pl-0corp', NetworkInterfaceId: 'eni-1', Origin: 'CreateRoute' },
            ],
          },
        ],
      }),
    },
    { name: 'PrefixLists.json', text: JSON.stringify({ PrefixLists: lists }) },
  ];

  it('imports a route to a prefix list in the files, through the interface’s instance', () => {
    const result = importAws(files([{ PrefixListId: 'pl-0corp', PrefixListName: 'corp', Cidrs: ['172.16.0.0/12'] }]));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const table = getResource(result.design, 'rtb-1', 'routeTable')!;
    expect(table.routes).toContainEqual({ destination: 'pl-0corp', target: 'i-appliance' });
    expect(lookupRoute(result.design, table, address('172.20.1.1'))).toMatchObject({
      destination: 'pl-0corp',
      target: 'i-appliance',
      origin: 'prefixList',
    });
    expect(result.notes.filter((n) => n.includes('rtb-1'))).toEqual([]);
  });

  it('says precisely what is missing when the list is not in the files', () => {
    const result = importAws(files([]));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.notes.some((n) => n.includes('Nimbus models IPv4 CIDR routes'))).toBe(false);
    expect(result.notes).toContain(
      'rtb-1: the route to prefix list pl-0corp → i-appliance matches no address: that list is not in the files (its entries come from aws ec2 get-managed-prefix-list-entries, in a PrefixLists file with Cidrs)',
    );
  });
});
