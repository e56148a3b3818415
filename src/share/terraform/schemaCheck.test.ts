import { parse as hcl2json } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../domain/design';
import { TEMPLATES } from '../../scenarios/templates';
import { LESSONS } from '../../scenarios/learn/lessons';
import { generateDesign, generateJoinedVpcs, generateMultiVpc } from '../../../bench/generate';
import { exportTerraform } from './exportTerraform';
import { readHcl } from './hclRead';
import schema from './providerSchema.json';
import { PROVIDER_VERSION } from './version';
import { TERRAFORM_TYPES_BY_KIND } from './table';

/*
 * "Every Terraform output parsed by a real HCL parser and its resource types
 * and argument names checked against the AWS provider's schema": hcl2json (the
 * Go HCL parser as WASM) reads every export, Nimbus's own reader must give the
 * same JSON, and every type, argument, block and referenced attribute must be
 * in `providerSchema.json` (extracted from @cdktf/provider-aws by
 * `scripts/extract-terraform-schema.ts`), with every required argument set.
 */

interface BlockSchema {
  arguments: string[];
  required: string[];
  blocks: Record<string, BlockSchema>;
  attributes?: string[];
}
const RESOURCES = schema.resources as unknown as Record<string, BlockSchema>;
const DATA = schema.dataSources as unknown as Record<string, BlockSchema>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkBody(where: string, body: Json, spec: BlockSchema, problems: string[]): void {
  for (const [key, value] of Object.entries(body)) {
    if (Object.hasOwn(spec.blocks, key)) {
      if (!Array.isArray(value) || !value.every(isObject)) problems.push(`${where}.${key}: a block written as a value`);
      else
        for (const [i, inner] of value.entries())
          checkBody(`${where}.${key}[${i}]`, inner, spec.blocks[key]!, problems);
    } else if (!spec.arguments.includes(key)) problems.push(`${where}: no argument "${key}" in the provider's schema`);
  }
  for (const required of spec.required)
    if (!Object.hasOwn(body, required)) problems.push(`${where}: the required "${required}" is missing`);
}

/** Every `type.name.attribute` an expression names, checked against the file's resources and the schema's attributes. */
function checkReferences(json: Json, problems: string[]): void {
  const declared = new Set<string>();
  for (const [section, prefix] of [
    ['resource', ''],
    ['data', 'data.'],
  ] as const)
    if (isObject(json[section]))
      for (const [type, named] of Object.entries(json[section] as Json))
        for (const name of Object.keys(named as Json)) declared.add(`${prefix}${type}.${name}`);
  const variables = new Set(Object.keys(isObject(json.variable) ? json.variable : {}));
  const visit = (value: unknown) => {
    if (typeof value === 'string' && value.startsWith('${')) {
      const path = value.slice(2, -1);
      const parts = path.split('.');
      if (parts[0] === 'var') {
        if (!variables.has(parts[1]!)) problems.push(`${path}: no such variable`);
        return;
      }
      const data = parts[0] === 'data';
      const [type, name, attribute] = data ? parts.slice(1) : parts;
      const address = `${data ? 'data.' : ''}${type}.${name}`;
      if (!declared.has(address)) problems.push(`${path}: ${address} is not in the file`);
      const spec = (data ? DATA : RESOURCES)[type!];
      if (!spec?.attributes?.includes(attribute!)) problems.push(`${path}: ${type} has no attribute "${attribute}"`);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) Object.values(value).forEach(visit);
  };
  visit(json.resource);
  visit(json.output);
}

async function check(design: Design): Promise<string[]> {
  const [tf] = exportTerraform(design);
  const parsed = (await hcl2json('main.tf', tf!.text)) as Json;
  const own = readHcl(tf!.text);
  expect(own.ok && own.json).toEqual(parsed);
  const problems: string[] = [];
  for (const [section, specs] of [
    ['resource', RESOURCES],
    ['data', DATA],
  ] as const) {
    if (!isObject(parsed[section])) continue;
    for (const [type, named] of Object.entries(parsed[section] as Json)) {
      const spec = specs[type];
      if (!spec) {
        problems.push(`${section} ${type}: not a type of the AWS provider ${PROVIDER_VERSION}`);
        continue;
      }
      for (const [name, bodies] of Object.entries(named as Json))
        for (const body of bodies as Json[]) checkBody(`${type}.${name}`, body, spec, problems);
    }
  }
  checkReferences(parsed, problems);
  return problems;
}

describe('Terraform export against a real HCL parser and the provider schema', () => {
  it('the extract says where it came from and matches the mapping version', () => {
    expect(schema.provider).toEqual({ name: 'registry.terraform.io/hashicorp/aws', version: PROVIDER_VERSION });
    expect(schema.source).toMatch(/@cdktf\/provider-aws 21\.22\.1/);
    const used = Object.values(TERRAFORM_TYPES_BY_KIND).flatMap((m) => [...m.types, ...(m.parts ?? [])]);
    for (const type of used) expect(RESOURCES[type], type).toBeDefined();
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    'template %s parses and passes the schema check',
    async (_, template) => {
      expect(await check(template.build())).toEqual([]);
    },
  );

  it.each(LESSONS.map((l) => [l.id, l.start] as const))('lesson start %s parses and passes', async (_, design) => {
    expect(await check(design)).toEqual([]);
  });

  it('generated designs parse and pass', async () => {
    for (const design of [generateDesign(60), generateMultiVpc(40, 3), generateJoinedVpcs(40, 3)])
      expect(await check(design)).toEqual([]);
  });

  it('the checker bites: an unknown argument and a missing required one are reported', () => {
    const problems: string[] = [];
    checkBody('aws_subnet.x', { cidr_block: '10.0.0.0/24', colour: 'blue' }, RESOURCES.aws_subnet!, problems);
    expect(problems).toEqual([
      'aws_subnet.x: no argument "colour" in the provider\'s schema',
      'aws_subnet.x: the required "vpc_id" is missing',
    ]);
  });
});
