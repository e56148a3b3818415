import { readFileSync } from 'node:fs';
import { parse as hcl2json } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { resourcesOfKind, type Design } from '../../domain/design';
import { INHERITED_NAMES } from '../../domain/ownKeys';
import { validateDesign } from '../../engine';
import { TEMPLATES } from '../../scenarios/templates';
import { exportTerraform } from './exportTerraform';
import { importTerraform, recognisesTerraform, terraformPlanSides, TERRAFORM_FORMAT } from './format';
import { readHcl } from './hclRead';

const fixture = (name: string) => readFileSync(`src/share/terraform/fixtures/${name}`, 'utf8');
const ok = (result: ReturnType<typeof importTerraform>) => {
  if (!result.ok) throw new Error(result.message);
  return result;
};
const byName = (design: Design, name: string) => Object.values(design.resources).find((r) => r.name === name);

describe('Terraform plan JSON (terraform show -json plan.out)', () => {
  const { design, note } = ok(importTerraform(fixture('two-az-plan.json'), 'plan.json'));

  it('draws the VPC over two zones with a public and a private subnet in each', () => {
    const [vpc] = resourcesOfKind(design, 'vpc');
    expect(vpc).toMatchObject({ name: 'Shop VPC', cidr: '10.0.0.0/16' });
    const subnets = resourcesOfKind(design, 'subnet');
    expect(subnets.map((s) => [s.name, s.cidr, s.mapPublicIpOnLaunch])).toEqual([
      ['Public A', '10.0.0.0/24', true],
      ['Public B', '10.0.1.0/24', true],
      ['Private A', '10.0.10.0/24', false],
      ['Private B', '10.0.11.0/24', false],
    ]);
    const zones = resourcesOfKind(design, 'availabilityZone');
    expect(zones.map((z) => z.zoneName)).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(design.layout[zones[0]!.id]?.parentId).toBe(vpc!.id);
    expect(subnets.every((s) => s.vpcId === vpc!.id)).toBe(true);
    expect(resourcesOfKind(design, 'region').map((r) => r.code)).toEqual(['eu-west-1']);
  });

  it('reads a NAT gateway per zone, each with its Elastic IP, and the private tables routing through them', () => {
    const nats = resourcesOfKind(design, 'natGateway');
    expect(
      nats.map((n) => [n.name, design.resources[n.subnetId]?.name, design.resources[n.elasticIpId!]?.name]),
    ).toEqual([
      ['NAT A', 'Public A', 'NAT A address'],
      ['NAT B', 'Public B', 'NAT B address'],
    ]);
    const privateB = byName(design, 'Private routes B');
    expect(privateB).toMatchObject({
      routes: [
        { destination: '10.0.0.0/16', target: 'local' },
        { destination: '0.0.0.0/0', target: nats[1]!.id },
      ],
      subnetIds: [byName(design, 'Private B')!.id],
    });
    const publicTable = byName(design, 'Public routes');
    expect(publicTable).toMatchObject({
      routes: [
        { target: 'local' },
        { destination: '0.0.0.0/0', target: resourcesOfKind(design, 'internetGateway')[0]!.id },
      ],
    });
  });

  it('reads groups with their separate rule resources, a group as a peer included', () => {
    const web = byName(design, 'web');
    expect(web).toMatchObject({
      kind: 'securityGroup',
      inbound: [
        { protocol: 'tcp', ports: { from: 443, to: 443 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' } },
        { protocol: 'tcp', ports: { from: 22, to: 22 }, peer: { type: 'cidr', cidr: '203.0.113.0/24' } },
      ],
      outbound: [{ protocol: 'all', ports: null, peer: { type: 'cidr', cidr: '0.0.0.0/0' } }],
    });
    expect(byName(design, 'app')).toMatchObject({
      inbound: [{ ports: { from: 8080, to: 8080 }, peer: { type: 'securityGroup', groupId: web!.id } }],
    });
  });

  it('reads instances, counted ones one by one, through configuration references', () => {
    const instances = resourcesOfKind(design, 'ec2Instance');
    expect(instances.map((i) => [i.name, design.resources[i.subnetId]?.name, i.instanceType, i.privateIp])).toEqual([
      ['Web', 'Public A', 't3.small', '10.0.0.10'],
      // Known only after apply: the subnet's lowest free addresses, said in the note.
      ['App 1', 'Private A', 't3.medium', '10.0.10.4'],
      ['App 2', 'Private A', 't3.medium', '10.0.10.5'],
    ]);
    expect(note.unknownValues.filter((v) => v.includes('assigned at launch; Nimbus picked'))).toHaveLength(4);
    expect(validateDesign(design).filter((f) => f.code === 'PRIVATE_IP_INVALID')).toEqual([]);
    // The AMI comes from the public SSM parameter of Amazon Linux 2023.
    expect(instances[0]!.amiId).toBe('ami-0a1b2c3d4e5f60001');
    expect(instances[0]!.securityGroupIds).toEqual([byName(design, 'web')!.id]);
  });

  it('says what it could not bring in: unmodelled types with counts, values unknown until apply, data sources', () => {
    expect(note.source).toBe('terraform-plan');
    expect(note.unsupported).toEqual([{ type: 'aws_sqs_queue', count: 2 }]);
    expect(note.unknownValues).toEqual(
      expect.arrayContaining([
        'aws_instance.app[0].private_ip: assigned at launch; Nimbus picked 10.0.10.4',
        'aws_instance.app[1].private_ip: assigned at launch; Nimbus picked 10.0.10.5',
        "aws_instance.app[0].associate_public_ip_address: from the subnet's map_public_ip_on_launch (false)",
        'aws_eip.nat_a.public_ip',
        'aws_nat_gateway.nat_b.private_ip: assigned at launch; Nimbus picked 10.0.1.4',
      ]),
    );
    expect(note.warnings.join('\n')).toMatch(/data\.aws_ssm_parameter × 1/);
    expect(note.warnings.join('\n')).toMatch(/known only after apply/);
    // AWS creates the main table, default ACL and default group the plan doesn't manage.
    expect(resourcesOfKind(design, 'routeTable').filter((t) => t.main)).toHaveLength(1);
    expect(resourcesOfKind(design, 'networkAcl').filter((a) => a.isDefault)).toHaveLength(1);
    expect(resourcesOfKind(design, 'securityGroup').filter((g) => g.isDefault)).toHaveLength(1);
  });

  it('gives both sides for a diff: the prior state before, the planned values after', () => {
    const sides = terraformPlanSides(fixture('two-az-plan.json'));
    expect(sides.before.ok && resourcesOfKind(sides.before.design, 'subnet').map((s) => s.name)).toEqual(['Public A']);
    expect(sides.before.ok && resourcesOfKind(sides.before.design, 'natGateway')).toEqual([]);
    expect(sides.after.ok && resourcesOfKind(sides.after.design, 'natGateway')).toHaveLength(2);
  });

  it('the format entry gives both sides in one result for nimbus diff', () => {
    const sides = TERRAFORM_FORMAT.sides(fixture('two-az-plan.json'), 'plan.json');
    expect(
      sides.ok && [
        resourcesOfKind(sides.before, 'natGateway').length,
        resourcesOfKind(sides.after, 'natGateway').length,
      ],
    ).toEqual([0, 2]);
    expect(sides.ok && sides.note.unsupported).toEqual([{ type: 'aws_sqs_queue', count: 2 }]);
    expect(TERRAFORM_FORMAT.sides(fixture('two-az-state.tfstate'), 'terraform.tfstate')).toEqual({
      ok: false,
      message: expect.stringMatching(/not Terraform Nimbus can read|plan/),
    });
  });

  it('a plan without a prior state gives an empty before', () => {
    const plan = JSON.parse(fixture('two-az-plan.json')) as Record<string, unknown>;
    delete plan.prior_state;
    const sides = terraformPlanSides(JSON.stringify(plan));
    expect(sides.before.ok && Object.keys(sides.before.design.resources)).toEqual([]);
    expect(sides.after.ok).toBe(true);
  });
});

describe('Terraform state (format 4)', () => {
  const { design, note } = ok(importTerraform(fixture('two-az-state.tfstate'), 'terraform.tfstate'));

  it('resolves AWS ids between resources, modules and counted instances included', () => {
    const [vpc] = resourcesOfKind(design, 'vpc');
    expect(vpc).toMatchObject({ name: 'Orders VPC', cidr: '10.1.0.0/16' });
    expect(resourcesOfKind(design, 'subnet')).toHaveLength(4);
    const nats = resourcesOfKind(design, 'natGateway');
    expect(nats.map((n) => [design.resources[n.subnetId]?.name, n.privateIp])).toEqual([
      ['Public A', '10.1.0.5'],
      ['Public B', '10.1.1.5'],
    ]);
    expect(resourcesOfKind(design, 'elasticIp').map((e) => e.publicIp)).toEqual(['198.51.100.10', '198.51.100.11']);
    const workers = resourcesOfKind(design, 'ec2Instance').filter((i) => i.name.startsWith('Worker'));
    expect(workers.map((w) => design.resources[w.subnetId]?.name)).toEqual(['Private A', 'Private B']);
    const web = byName(design, 'Web 1');
    expect(web).toMatchObject({ publicIp: true, publicIpAddress: '203.0.113.50', terminationProtection: true });
    expect(byName(design, 'Orders main')).toMatchObject({ kind: 'routeTable', main: true });
  });

  it('reads a group rule in the state inline and a group referenced by another', () => {
    expect(byName(design, 'web')).toMatchObject({
      inbound: [
        { ports: { from: 22, to: 22 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' } },
        { ports: { from: 443, to: 443 } },
      ],
    });
    expect(byName(design, 'db')).toMatchObject({
      inbound: [{ peer: { type: 'securityGroup', groupId: byName(design, 'web')!.id } }],
    });
  });

  it('lists what Nimbus does not model', () => {
    expect(note).toMatchObject({
      source: 'terraform-state',
      unsupported: [
        { type: 'aws_s3_bucket', count: 1 },
        { type: 'aws_sqs_queue', count: 2 },
      ],
      unknownValues: [],
    });
  });
});

describe('hand-written HCL', () => {
  const text = fixture('hand-written.tf');

  it('is read as hcl2json reads it', async () => {
    const own = readHcl(text);
    expect(own.ok && own.json).toEqual(await hcl2json('main.tf', text));
  });

  it('takes variable defaults, warns about count, for_each and variables without one', () => {
    const { design, note } = ok(importTerraform(text, 'main.tf'));
    expect(resourcesOfKind(design, 'vpc')[0]).toMatchObject({ cidr: '10.20.0.0/16', name: 'Hand VPC' });
    expect(resourcesOfKind(design, 'region')[0]?.code).toBe('us-west-2');
    expect(note.unsupported).toEqual([
      { type: 'aws_sns_topic', count: 1 },
      { type: 'aws_sqs_queue', count: 1 },
    ]);
    const warnings = note.warnings.join('\n');
    expect(warnings).toMatch(/aws_subnet\.public has count = 2: Nimbus drew one/);
    expect(warnings).toMatch(/aws_sqs_queue\.events has for_each/);
    expect(warnings).toMatch(/"instance_type" has no default/);
    expect(warnings).toMatch(/data\.aws_availability_zones × 1/);
    const [bastion] = resourcesOfKind(design, 'ec2Instance');
    expect(bastion).toMatchObject({
      amiId: 'ami-0abcdef1234567890',
      subnetId: resourcesOfKind(design, 'subnet')[0]!.id,
    });
    expect(resourcesOfKind(design, 'securityGroup').find((g) => g.name === 'ssh')).toMatchObject({
      inbound: [{ protocol: 'tcp', ports: { from: 22, to: 22 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' } }],
    });
    // Without a sidecar the layout is left to the app, but each zone sits in its VPC.
    expect(Object.values(design.layout).every((entry) => entry.x === undefined)).toBe(true);
  });

  it("Nimbus's own export without its sidecar still opens, with generated ids", () => {
    const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
    const [tf] = exportTerraform(design);
    const back = ok(importTerraform(tf!.text, tf!.name));
    expect(resourcesOfKind(back.design, 'subnet').map((s) => s.cidr)).toEqual(
      resourcesOfKind(design, 'subnet').map((s) => s.cidr),
    );
    expect(resourcesOfKind(back.design, 'ec2Instance').map((i) => i.privateIp)).toEqual(
      resourcesOfKind(design, 'ec2Instance').map((i) => i.privateIp),
    );
    expect(back.note.unsupported).toEqual([]);
  });
});

describe('recognising and refusing', () => {
  it('recognises .tf files, plans and states, and nothing else', () => {
    expect(recognisesTerraform('', 'main.tf')).toBe(true);
    expect(recognisesTerraform(fixture('two-az-plan.json'), 'plan.json')).toBe(true);
    expect(recognisesTerraform(fixture('two-az-state.tfstate'), 'terraform.tfstate')).toBe(true);
    expect(recognisesTerraform('{"format":"nimbus-design","version":2}', 'design.json')).toBe(false);
    expect(recognisesTerraform('AWSTemplateFormatVersion: 2010-09-09', 'stack.yaml')).toBe(false);
    expect(recognisesTerraform('{"version": 3, "terraform_version": "0.11"}', 'old.tfstate')).toBe(false);
  });

  it('gives a clear message for a file that is none of these', () => {
    expect(importTerraform('{"hello": "world"}', 'x.json')).toEqual({
      ok: false,
      message: expect.stringMatching(/not Terraform Nimbus can read/),
    });
    expect(importTerraform('{"format_version": "1.2", "planned_values": ', 'plan.json')).toEqual({
      ok: false,
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(importTerraform('resource "aws_vpc" {', 'main.tf')).toEqual({
      ok: false,
      message: expect.stringMatching(/can't be read: line 1/),
    });
    expect(TERRAFORM_FORMAT.importText('\u0000\u0001', 'x.tf')).toEqual({ ok: false, message: expect.any(String) });
  });

  it('refuses a plan that does not make a design, with the reason', () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            { address: 'aws_subnet.a', mode: 'managed', type: 'aws_subnet', name: 'a', values: { cidr_block: 5 } },
          ],
        },
      },
    };
    const result = importTerraform(JSON.stringify(plan), 'plan.json');
    expect(result.ok ? 'ok' : result.message).toMatch(/does not make a design|vpcId/);
  });

  it('keeps inherited names as Terraform names, and refuses __proto__ rather than drop it', () => {
    for (const name of INHERITED_NAMES.filter((n) => n !== '__proto__')) {
      const result = importTerraform(`resource "aws_vpc" "${name}" {\n  cidr_block = "10.0.0.0/16"\n}\n`, 'main.tf');
      expect(result.ok && resourcesOfKind(result.design, 'vpc').map((v) => v.name)).toEqual([name]);
    }
    expect(importTerraform('resource "aws_vpc" "__proto__" {\n  cidr_block = "10.0.0.0/16"\n}\n', 'main.tf')).toEqual({
      ok: false,
      message: expect.stringMatching(/line 1: "__proto__" is not a label/),
    });
    const state = {
      version: 4,
      terraform_version: '1.9.5',
      resources: [
        {
          mode: 'managed',
          type: 'aws_vpc',
          name: '__proto__',
          instances: [{ attributes: { id: 'vpc-1', cidr_block: '10.0.0.0/16' } }],
        },
      ],
    };
    const fromState = importTerraform(JSON.stringify(state), 'terraform.tfstate');
    expect(fromState.ok && resourcesOfKind(fromState.design, 'vpc')).toHaveLength(1);
  });

  it('a broken sidecar is reported and the code still opens', () => {
    const design = TEMPLATES[0]!.build();
    const [tf] = exportTerraform(design);
    const result = ok(
      importTerraform(tf!.text, tf!.name, [
        { name: 'x.nimbus.json', text: '{"format":"nimbus-iac-sidecar","version":9}' },
      ]),
    );
    expect(result.note.warnings.join('\n')).toMatch(/x\.nimbus\.json: The Nimbus metadata can't be read/);
  });
});
