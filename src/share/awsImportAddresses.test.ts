import { describe, expect, it } from 'vitest';
import { importAws, type AwsFile } from './awsImport';

/** AWS's own addresses survive the import: instances', interfaces', NAT gateways' and `Addresses`. */
const file = (name: string, value: unknown): AwsFile => ({ name, text: JSON.stringify(value) });
const base = [
  file('vpcs.json', { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] }),
  file('subnets.json', {
    Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-2a' }],
  }),
];
const instance = (id: string, ip: string, extra: Record<string, unknown> = {}) => ({
  InstanceId: id,
  InstanceType: 't3.micro',
  SubnetId: 'subnet-1',
  PrivateIpAddress: ip,
  State: { Name: 'running' },
  ...extra,
});

function imported(files: AwsFile[]) {
  const result = importAws([...base, ...files]);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.design.resources;
}

describe('importAws: addresses', () => {
  it('keeps an instance’s PublicIpAddress, and an Elastic IP from Addresses as the Elastic IP', () => {
    const resources = imported([
      file('instances.json', {
        Reservations: [
          {
            Instances: [
              instance('i-auto', '10.0.0.10', { PublicIpAddress: '18.216.80.133' }),
              instance('i-eip', '10.0.0.11', { PublicIpAddress: '3.5.6.7' }),
              instance('i-none', '10.0.0.12'),
            ],
          },
        ],
      }),
      file('addresses.json', { Addresses: [{ AllocationId: 'eipalloc-1', PublicIp: '3.5.6.7', InstanceId: 'i-eip' }] }),
    ]);
    expect(resources['i-auto']).toMatchObject({ publicIp: true, publicIpAddress: '18.216.80.133', elasticIpId: null });
    expect(resources['i-eip']).toMatchObject({ publicIp: false, publicIpAddress: null, elasticIpId: 'eipalloc-1' });
    expect(resources['eipalloc-1']).toMatchObject({ kind: 'elasticIp', publicIp: '3.5.6.7' });
    expect(resources['i-none']).toMatchObject({ publicIp: false, publicIpAddress: null });
  });

  it('reads an interface’s Association.PublicIp when the instance record has none', () => {
    const resources = imported([
      file('instances.json', {
        Reservations: [{ Instances: [instance('i-a', '10.0.0.10'), instance('i-b', '10.0.0.11')] }],
      }),
      file('enis.json', {
        NetworkInterfaces: [
          {
            NetworkInterfaceId: 'eni-a',
            PrivateIpAddress: '10.0.0.10',
            Attachment: { InstanceId: 'i-a' },
            Association: { PublicIp: '18.216.1.2', IpOwnerId: 'amazon' },
          },
          {
            NetworkInterfaceId: 'eni-b',
            PrivateIpAddress: '10.0.0.11',
            Attachment: { InstanceId: 'i-b' },
            Association: { PublicIp: '3.9.9.9', AllocationId: 'eipalloc-9', IpOwnerId: '123456789012' },
          },
        ],
      }),
    ]);
    expect(resources['i-a']).toMatchObject({ publicIp: true, publicIpAddress: '18.216.1.2' });
    // An Elastic IP the Addresses file lacks is made from the association.
    expect(resources['i-b']).toMatchObject({ elasticIpId: 'eipalloc-9', publicIpAddress: null });
    expect(resources['eipalloc-9']).toMatchObject({ kind: 'elasticIp', publicIp: '3.9.9.9' });
  });

  it('keeps a NAT gateway’s Elastic IP and private IP, the latter from its interface when the address lacks it', () => {
    const resources = imported([
      file('nat.json', {
        NatGateways: [
          {
            NatGatewayId: 'nat-1',
            SubnetId: 'subnet-1',
            State: 'available',
            NatGatewayAddresses: [{ AllocationId: 'eipalloc-n', PublicIp: '3.1.1.1', NetworkInterfaceId: 'eni-n' }],
          },
        ],
      }),
      file('enis.json', { NetworkInterfaces: [{ NetworkInterfaceId: 'eni-n', PrivateIpAddress: '10.0.0.5' }] }),
    ]);
    expect(resources['nat-1']).toMatchObject({ elasticIpId: 'eipalloc-n', privateIp: '10.0.0.5' });
    expect(resources['eipalloc-n']).toMatchObject({ publicIp: '3.1.1.1' });
  });
});
