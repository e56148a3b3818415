import type { Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import { type Design, type Ec2Instance, type Resource, type SecurityGroup } from '../domain';
import {
  addFargateService,
  addSecondaryCidr,
  byName,
  edit,
  fillSgInbound,
  lambda,
  one,
} from './testing/validationEdits';
import { validateDesign } from './validate';

/** Designs at the edge of each rule that AWS accepts: no finding may fire. */
describe('validateDesign near misses', () => {
  it.each([
    ['a /28 secondary CIDR beside a /16 primary', (d: Draft<Design>) => addSecondaryCidr(d, '100.64.0.0/28')],
    [
      'a /16 subnet filling a secondary /16',
      (d: Draft<Design>) => {
        addSecondaryCidr(d, '10.1.0.0/16');
        byName<Resource & { cidr: string }>(d, 'Private subnet').cidr = '10.1.0.0/16';
        byName<Ec2Instance>(d, 'App server').privateIp = '10.1.0.10';
      },
    ],
    [
      'subnets that touch at a block boundary',
      (d: Draft<Design>) => {
        byName<Resource & { cidr: string }>(d, 'Private subnet').cidr = '10.0.0.0/24';
        byName<Ec2Instance>(d, 'App server').privateIp = '10.0.0.10';
      },
    ],
    [
      'the first and last usable addresses',
      (d: Draft<Design>) => {
        byName<Ec2Instance>(d, 'App server').privateIp = '10.0.2.4';
        byName<Ec2Instance>(d, 'Web server').privateIp = '10.0.1.254';
      },
    ],
    [
      'a NAT gateway with an Elastic IP in the public subnet',
      (d: Draft<Design>) => {
        d.resources['eipalloc-1'] = { kind: 'elasticIp', id: 'eipalloc-1' as never, name: 'EIP', publicIp: '3.3.3.3' };
        d.resources['nat-1'] = {
          kind: 'natGateway',
          id: 'nat-1' as never,
          name: 'NAT',
          subnetId: 'subnet-1' as never,
          elasticIpId: 'eipalloc-1' as never,
          privateIp: '10.0.1.20',
        };
      },
    ],
    [
      '19 NACL rules plus * and 60 SG rules',
      (d: Draft<Design>) => {
        const acl = one(d, 'networkAcl');
        for (let n = 1; n <= 18; n++)
          acl.inbound.push({
            ruleNumber: 100 + n,
            protocol: 'tcp',
            ports: { from: n, to: n },
            cidr: '0.0.0.0/0',
            action: 'allow',
          });
        fillSgInbound(one(d, 'securityGroup') as Draft<SecurityGroup>, 60);
      },
    ],
    [
      'Lambda at its limits (128 MB, 10,240 MB, 900 s, 900 reserved)',
      (d: Draft<Design>) => {
        d.resources['fn-1'] = lambda({ memoryMb: 128, timeoutSeconds: 900, reservedConcurrency: 900 });
        d.resources['fn-2'] = lambda({ id: 'fn-2' as never, memoryMb: 10240 });
      },
    ],
    [
      'a valid Fargate task size',
      (d: Draft<Design>) => {
        addFargateService(d, 2048);
      },
    ],
  ])('accepts %s', (_label, recipe) => {
    expect(validateDesign(edit(recipe))).toEqual([]);
  });
});
