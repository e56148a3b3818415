import { describe, expect, it } from 'vitest';
import { importAws } from './awsImport';

describe('importAws: protocols', () => {
  it('imports -1 and numeric protocols into security-group and ACL rules', () => {
    const files = [
      { name: 'vpcs.json', text: JSON.stringify({ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }] }) },
      {
        name: 'sgs.json',
        text: JSON.stringify({
          SecurityGroups: [
            {
              GroupId: 'sg-1',
              GroupName: 'g',
              VpcId: 'vpc-1',
              IpPermissions: [
                { IpProtocol: '50', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
                { IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
              ],
              IpPermissionsEgress: [
                { IpProtocol: '47', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
              ],
            },
          ],
        }),
      },
      {
        name: 'acls.json',
        text: JSON.stringify({
          NetworkAcls: [
            {
              NetworkAclId: 'acl-1',
              VpcId: 'vpc-1',
              IsDefault: true,
              Entries: [{ RuleNumber: 90, Protocol: '51', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' }],
            },
          ],
        }),
      },
    ];
    const result = importAws(files);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.design.resources['sg-1']).toMatchObject({
      inbound: [
        { protocol: 50, ports: null },
        { protocol: 'all', ports: null },
      ],
      outbound: [{ protocol: 47, ports: null }],
    });
    expect(result.design.resources['acl-1']).toMatchObject({
      inbound: [{ protocol: 51, ports: null, action: 'deny' }],
    });
  });
});
