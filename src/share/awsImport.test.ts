import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeReachability, validateDesign, type ReachQuery } from '../engine';
import { INHERITED_NAMES } from '../domain';
import { importAws, type AwsFile } from './awsImport';

const FIXTURE = join(import.meta.dirname, 'fixtures/aws-public-private');
const files = (): AwsFile[] =>
  readdirSync(FIXTURE).map((name) => ({ name, text: readFileSync(join(FIXTURE, name), 'utf8') }));

function imported() {
  const result = importAws(files());
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

describe('importAws', () => {
  it('builds a valid design from describe-* output, keeping AWS ids and Name tags', () => {
    const { design, notes } = imported();
    expect(design.resources['vpc-0f1e2d3c4b5a69788']).toMatchObject({
      kind: 'vpc',
      name: 'shop-vpc',
      cidr: '10.20.0.0/16',
    });
    expect(design.resources['i-0aaaabbbbccccdddd']).toMatchObject({
      name: 'web-1',
      publicIp: true,
      securityGroupIds: ['sg-0d0d0d0d0d0d0d0d2'],
    });
    expect(design.resources['nat-0123456789abcdef0']).toMatchObject({
      elasticIpId: 'eipalloc-0b1b2b3b4b5b6b7b8',
      privateIp: '10.20.1.50',
    });
    expect(design.resources['rtb-0aaaaaaaaaaaaaaa1']).toMatchObject({
      main: true,
      routes: [
        { destination: '10.20.0.0/16', target: 'local' },
        { destination: '0.0.0.0/0', target: 'nat-0123456789abcdef0' },
      ],
    });
    expect(design.resources['acl-0abcabcabcabcabc1']).toMatchObject({
      isDefault: true,
      inbound: [
        { ruleNumber: 90, action: 'deny' },
        { ruleNumber: 100, action: 'allow' },
      ],
    });
    expect(design.resources['sg-0d0d0d0d0d0d0d0d3']).toMatchObject({
      inbound: [
        {
          protocol: 'tcp',
          ports: { from: 8080, to: 8080 },
          peer: { type: 'securityGroup', groupId: 'sg-0d0d0d0d0d0d0d0d2' },
        },
      ],
    });
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
    expect(notes).toEqual(
      expect.arrayContaining([
        'unknown.json: ignored "FlowLogs" (Nimbus does not import it)',
        expect.stringContaining('IPv6 sources'),
        expect.stringContaining('skipped a route to pl-6da54004'),
      ]),
    );
  });

  it('gives the verdicts AWS would on the imported network', () => {
    const { design } = imported();
    const reach = (from: ReachQuery['from'], to: ReachQuery['to'], port: number) => {
      const outcome = analyzeReachability(design, { from, to, protocol: 'tcp', port });
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result;
    };
    const web = { kind: 'resource' as const, id: 'i-0aaaabbbbccccdddd' };
    const app = { kind: 'resource' as const, id: 'i-0eeeeffff00001111' };
    expect(reach({ kind: 'internet' }, web, 443).reachable).toBe(true);
    const ssh = reach({ kind: 'internet' }, web, 22);
    expect(ssh.blockedBy).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', id: 'acl-0abcabcabcabcabc1' });
    expect(ssh.forward.at(-1)!.rule).toContain('rule 90');
    expect(reach({ kind: 'internet' }, app, 8080).blockedBy?.code).toBe('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
    expect(reach(app, { kind: 'internet' }, 443).reachable).toBe(true);
    expect(reach(web, app, 8080).reachable).toBe(true);
  });

  it('names the file and JSON path of malformed input, and needs VPCs', () => {
    const broken = importAws([{ name: 'subnets.json', text: '{"Subnets": [{"SubnetId": "subnet-1", "VpcId": 7}]}' }]);
    expect(broken).toEqual({
      ok: false,
      errors: expect.arrayContaining([expect.stringMatching(/^subnets\.json: Subnets\.0\.VpcId: /)]),
    });
    expect(importAws([{ name: 'x.json', text: '{"Vpcs": [' }])).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^x\.json: not valid JSON/)],
    });
    expect(importAws([{ name: 'empty.json', text: '{}' }])).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('no VPCs found')],
    });
  });
});

describe('importAws with files missing', () => {
  const without = (fragment: string) => files().filter((f) => !f.name.includes(fragment));

  it('clears references to groups that are not in the files, as the kinds declare, and says so', () => {
    const result = importAws(without('security-groups'));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.design.resources['i-0aaaabbbbccccdddd']).toMatchObject({ securityGroupIds: [] });
    expect(result.notes).toContainEqual(expect.stringMatching(/^i-0aaaabbbbccccdddd: securityGroupIds named sg-/));
    const codes = validateDesign(result.design).map((f) => f.code);
    expect(codes).not.toContain('SECURITY_GROUP_MISSING');
    expect(codes).not.toContain('REFERENCE_MISSING');
  });
});

describe('importAws with names every object inherits', () => {
  const renamed = (from: string, to: string) => files().map((f) => ({ ...f, text: f.text.replaceAll(from, to) }));

  it.each(INHERITED_NAMES)('ignores %s as a top-level key, with a note', (name) => {
    const extra = { name: 'extra.json', text: `{"${name}": [1], "toString": [], "constructor": {}}` };
    const result = importAws([...files(), extra]);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.notes).toContain(`extra.json: ignored "${name}" (Nimbus does not import it)`);
    expect(Object.keys(result.design.resources)).toEqual(Object.keys(imported().design.resources));
  });

  it.each(INHERITED_NAMES.filter((name) => name !== '__proto__'))(
    'imports %s as a VPC id and an instance id',
    (name) => {
      const result = importAws(
        renamed('vpc-0f1e2d3c4b5a69788', name).map((f) => ({
          ...f,
          text: f.text.replaceAll('i-0aaaabbbbccccdddd', `${name}-i`),
        })),
      );
      if (!result.ok) throw new Error(result.errors.join('\n'));
      expect(result.design.resources[name]).toMatchObject({ kind: 'vpc', name: 'shop-vpc' });
      expect(result.design.resources[`${name}-i`]).toMatchObject({ kind: 'ec2Instance', name: 'web-1' });
      const outcome = analyzeReachability(result.design, {
        from: { kind: 'internet' },
        to: { kind: 'resource', id: `${name}-i` },
        protocol: 'tcp',
        port: 443,
      });
      expect(outcome.ok && outcome.result.reachable).toBe(true);
    },
  );

  it('refuses __proto__ as an id with a message, whatever it names', () => {
    for (const id of ['vpc-0f1e2d3c4b5a69788', 'i-0aaaabbbbccccdddd', 'sg-0d0d0d0d0d0d0d0d2'])
      expect(importAws(renamed(id, '__proto__'))).toEqual({
        ok: false,
        errors: [expect.stringMatching(/^"__proto__" is not an id Nimbus can import \(the \w+ it names\)$/)],
      });
  });

  it.each(INHERITED_NAMES)('reads %s as a tag key and as a Name', (name) => {
    const result = importAws(
      renamed('"Key": "Name",\n          "Value": "shop-vpc"', `"Key": "Name",\n          "Value": "${name}"`).concat({
        name: 'subnets-more.json',
        text: JSON.stringify({
          Subnets: [
            {
              SubnetId: 'subnet-tagged',
              VpcId: 'vpc-0f1e2d3c4b5a69788',
              CidrBlock: '10.20.9.0/24',
              AvailabilityZone: 'eu-west-1a',
              Tags: [{ Key: name, Value: 'x' }],
            },
          ],
        }),
      }),
    );
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.design.resources['vpc-0f1e2d3c4b5a69788']?.name).toBe(name);
    expect(result.design.resources['subnet-tagged']?.name).toBe('subnet-tagged');
  });

  it('reads a file that starts with a UTF-8 byte order mark', () => {
    const withBom = files().map((f) => ({ ...f, text: `\uFEFF${f.text}` }));
    expect(importAws(withBom)).toEqual(imported());
  });
});
