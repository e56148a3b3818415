import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resourcesOfKind, type Design } from '../../domain/design';
import { importTerraform, TERRAFORM_FORMAT } from './format';

/*
 * What AWS fills in at launch when the code leaves it out, and what the import
 * can't evaluate: each said in the note rather than left silently empty.
 */

const fixture = (name: string) => readFileSync(`src/share/terraform/fixtures/${name}`, 'utf8');
const ok = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error((result as unknown as { message: string }).message);
  return result as Extract<T, { ok: true }>;
};
const instances = (design: Design) =>
  resourcesOfKind(design, 'ec2Instance').map((i) => ({
    name: i.name,
    subnet: design.resources[i.subnetId]?.name,
    privateIp: i.privateIp,
    publicIp: i.publicIp,
  }));

describe('a plan with counted instances in counted subnets (subnet_id = aws_subnet.public[count.index].id)', () => {
  // Terraform's plan `configuration` writes that reference as ["aws_subnet.public", "count.index"].
  const { design, note } = ok(importTerraform(fixture('counted-plan.json'), 'plan.json'));

  it('puts instance 0 in subnet 0 and instance 1 in subnet 1', () => {
    expect(instances(design).map((i) => [i.name, i.subnet])).toEqual([
      ['web0', 'public_0'],
      ['web1', 'public_1'],
    ]);
  });

  it("gives each a public address from its subnet's map_public_ip_on_launch when associate_public_ip_address is unknown", () => {
    // AWS, "Amazon EC2 instance IP addressing" (docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html):
    // an instance launched into a subnet whose public IPv4 addressing attribute is true gets a public address.
    expect(instances(design).map((i) => i.publicIp)).toEqual([true, true]);
  });

  it('picks the first free address of each subnet for the private IP AWS assigns at launch, and says so', () => {
    // The first four addresses of a subnet are AWS's (docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
    expect(instances(design).map((i) => i.privateIp)).toEqual(['10.0.0.4', '10.0.1.4']);
    expect(note.unknownValues).toContain('aws_instance.web[0].private_ip: assigned at launch; Nimbus picked 10.0.0.4');
    expect(note.unknownValues).toContain('aws_instance.web[1].private_ip: assigned at launch; Nimbus picked 10.0.1.4');
    expect(note.unknownValues).not.toContain('aws_instance.web[0].private_ip');
  });
});

const plan = (changes: Record<string, unknown>[], configuration: Record<string, unknown>[]) =>
  JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: {
      root_module: {
        resources: changes.map((c) => ({
          mode: 'managed',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          ...c,
        })),
      },
    },
    resource_changes: changes.map((c) => ({
      address: c.address,
      mode: 'managed',
      type: c.type,
      name: c.name,
      ...(c.index === undefined ? {} : { index: c.index }),
      change: { actions: ['create'], before: null, after: c.values, after_unknown: { id: true } },
    })),
    configuration: { root_module: { resources: configuration } },
  });

describe('counted references that name no instance of the same index', () => {
  it('take the first instance and warn, and the import still succeeds', () => {
    const text = plan(
      [
        { address: 'aws_vpc.main', type: 'aws_vpc', name: 'main', values: { cidr_block: '10.0.0.0/16' } },
        {
          address: 'aws_subnet.only[0]',
          type: 'aws_subnet',
          name: 'only',
          index: 0,
          values: { cidr_block: '10.0.0.0/24', availability_zone: 'us-east-1a' },
        },
        ...[0, 1].map((index) => ({
          address: `aws_instance.web[${index}]`,
          type: 'aws_instance',
          name: 'web',
          index,
          values: { ami: 'ami-0c1bea58988a98915', instance_type: 't3.micro', private_ip: `10.0.0.${10 + index}` },
        })),
      ],
      [
        {
          address: 'aws_subnet.only',
          type: 'aws_subnet',
          name: 'only',
          expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } },
          count_expression: { constant_value: 1 },
        },
        {
          address: 'aws_instance.web',
          type: 'aws_instance',
          name: 'web',
          expressions: { subnet_id: { references: ['aws_subnet.only', 'count.index'] } },
          count_expression: { constant_value: 2 },
        },
      ],
    );
    const { design, note } = ok(importTerraform(text, 'plan.json'));
    expect(instances(design).map((i) => i.subnet)).toEqual(['only_0', 'only_0']);
    expect(note.warnings).toContain(
      'aws_instance.web[1].subnet_id names aws_subnet.only[1], which the plan does not hold; Nimbus used aws_subnet.only[0].',
    );
  });
});

describe('HCL', () => {
  const hcl = (text: string) => ok(TERRAFORM_FORMAT.importText(text, 'main.tf'));
  const base = `
provider "aws" {
  region = "us-east-1"
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
}
`;

  it("takes the subnet's map_public_ip_on_launch when an instance leaves associate_public_ip_address out", () => {
    const { design } = hcl(`${base}
resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}
resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.2.0/24"
}
resource "aws_instance" "a" {
  ami       = "ami-0c1bea58988a98915"
  subnet_id = aws_subnet.public.id
}
resource "aws_instance" "b" {
  ami       = "ami-0c1bea58988a98915"
  subnet_id = aws_subnet.private.id
}
resource "aws_instance" "c" {
  ami                         = "ami-0c1bea58988a98915"
  subnet_id                   = aws_subnet.public.id
  associate_public_ip_address = false
}
`);
    expect(instances(design).map((i) => [i.name, i.publicIp, i.privateIp])).toEqual([
      ['a', true, '10.0.1.4'],
      ['b', false, '10.0.2.4'],
      ['c', false, '10.0.1.5'],
    ]);
  });

  it('keeps IPv6 rules out of the design and says so in the warnings (Nimbus models IPv4)', () => {
    const { design, note } = hcl(`${base}
resource "aws_vpc_security_group_ingress_rule" "v6" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = "2001:db8::/32"
}
resource "aws_security_group" "inline" {
  vpc_id = aws_vpc.main.id
  ingress {
    protocol         = "tcp"
    from_port        = 80
    to_port          = 80
    cidr_blocks      = ["10.0.0.0/8"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
`);
    const groups = resourcesOfKind(design, 'securityGroup');
    expect(groups.find((g) => g.name === 'web')?.inbound).toEqual([]);
    expect(groups.find((g) => g.name === 'inline')?.inbound.map((r) => r.peer)).toEqual([
      { type: 'cidr', cidr: '10.0.0.0/8' },
    ]);
    expect(note.warnings).toContain(
      'aws_vpc_security_group_ingress_rule.v6: IPv6 rule (2001:db8::/32) not modelled; Nimbus models IPv4',
    );
    expect(note.warnings).toContain(
      'aws_security_group.inline ingress: IPv6 rule (::/0) not modelled; Nimbus models IPv4',
    );
  });

  it('lists each expression it does not evaluate among the unknown values', () => {
    const { note } = hcl(`${base}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, 1)
}
`);
    expect(note.unknownValues).toContain(
      'aws_subnet.a.cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, 1): not evaluated',
    );
  });
});
