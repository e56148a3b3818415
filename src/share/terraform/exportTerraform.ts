import { type Design, type Resource } from '../../domain/design';
import { ResourceSchema } from '../../domain/design.schema';
import { IAC_SIDECAR_FORMAT, sidecarOf, type IacSidecar } from '../iac/sidecar';
import type { IacFile } from '../iac/types';
import { AMI_SSM_PARAMETERS } from './amis';
import type { EncodeContext } from './context';
import { attr, block, HclMap, hclJson, ref, writeHcl, type HclBlock, type HclValue } from './hcl';
import type { HclJson } from './hclRead';
import { decodeHclJson } from './importTerraform';
import { mappingsFor } from './table';
import { PROVIDER_VERSION } from './version';

/** A Terraform name from a Nimbus name: letters, digits and underscores, starting with a letter. */
export function terraformName(name: string, fallback: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return /^[a-z_]/.test(base) ? base : base ? `r_${base}` : fallback;
}

const snake = (kind: string): string => kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface Written {
  text: string;
  json: Record<string, unknown>;
  ids: Record<string, string>;
  /** Resources Terraform has no resource for, by id. */
  whole: Resource[];
}

/** The HCL of a design and the Terraform address of each resource it writes. */
function writeTerraform(design: Design): Written {
  const resources = Object.values(design.resources);
  const mappings = mappingsFor(design);
  const used = new Set<string>();
  const unique = (base: string): string => {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  };
  const address = new Map<string, string>();
  const whole: Resource[] = [];
  for (const r of resources) {
    const type = (mappings[r.kind].typeOf as (x: Resource) => string | null)(r);
    if (type === null) whole.push(r);
    else address.set(r.id, `${type}.${unique(terraformName(r.name, snake(r.kind)))}`);
  }
  const amis = new Map<string, string>();
  const variables = new Map<string, string>();
  const zoneName = (azId: string): string => {
    const az = design.resources[azId];
    return az?.kind === 'availabilityZone' ? az.zoneName : azId;
  };
  const ctx: EncodeContext = {
    design,
    ref: (id, attribute = 'id') => {
      if (id === null || id === undefined) return null;
      const at = address.get(id);
      return at ? ref(`${at}.${attribute}`) : id;
    },
    refs: (ids, attribute) => ids.map((id) => ctx.ref(id, attribute)),
    tags: (r) => new HclMap({ Name: r.name }),
    zoneName,
    ami: (amiId) => {
      const parameter = Object.hasOwn(AMI_SSM_PARAMETERS, amiId) ? AMI_SSM_PARAMETERS[amiId] : undefined;
      if (!parameter) return amiId;
      amis.set(parameter.name, parameter.path);
      return ref(`data.aws_ssm_parameter.${parameter.name}.insecure_value`);
    },
    variable: (name, description) => {
      variables.set(name, description);
      return ref(`var.${name}`);
    },
  };
  const resourceBlocks: HclBlock[] = [];
  const outputs: HclBlock[] = [];
  for (const r of resources) {
    const at = address.get(r.id);
    if (!at) continue;
    const [type, name] = at.split('.') as [string, string];
    const encoded = (
      mappings[r.kind].encode as (x: Resource, c: EncodeContext) => ReturnType<(typeof mappings)['vpc']['encode']>
    )(r, ctx);
    resourceBlocks.push(block('resource', [type, name], encoded.body));
    for (const s of encoded.secondary ?? [])
      resourceBlocks.push(block('resource', [s.type, unique(`${name}_${s.suffix}`)], s.body));
    if (r.kind === 'ec2Instance') {
      outputs.push(block('output', [`${name}_private_ip`], [attr('value', ref(`${at}.private_ip`))]));
      if (r.publicIp) outputs.push(block('output', [`${name}_public_ip`], [attr('value', ref(`${at}.public_ip`))]));
    }
    if (r.kind === 'elasticIp')
      outputs.push(block('output', [`${name}_public_ip`], [attr('value', ref(`${at}.public_ip`))]));
    if (r.kind === 'loadBalancer')
      outputs.push(block('output', [`${name}_dns_name`], [attr('value', ref(`${at}.dns_name`))]));
  }
  const region = resources.find((r) => r.kind === 'region');
  const head: HclBlock[] = [
    block(
      'terraform',
      [],
      [
        block(
          'required_providers',
          [],
          [attr('aws', new HclMap({ source: 'hashicorp/aws', version: `~> ${PROVIDER_VERSION.split('.')[0]}.0` }))],
        ),
      ],
    ),
    block('provider', ['aws'], [attr('region', region?.kind === 'region' ? region.code : 'us-east-1')]),
    ...[...variables].map(([name, description]) =>
      block('variable', [name], [attr('type', ref('string')), attr('description', description)]),
    ),
    ...[...amis].map(([name, path]) => block('data', ['aws_ssm_parameter', name], [attr('name', path)])),
  ];
  const header = `# Written by Nimbus from the design "${design.name.replace(/[\r\n]+/g, ' ')}".\n# The drawing, flows and simulation settings are in the .nimbus.json file beside this one.\n\n`;
  const ids: Record<string, string> = {};
  for (const [id, at] of address) ids[at] = id;
  const blocks = [...head, ...resourceBlocks, ...outputs];
  return { text: writeHcl(blocks, header), json: hclJson(blocks), ids, whole };
}

const sameJson = (a: unknown, b: unknown): boolean =>
  a === b ||
  (typeof a === 'object' && typeof b === 'object' && JSON.stringify(canonical(a)) === JSON.stringify(canonical(b)));
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** The key under which a sidecar's `extra` lists fields the design lacks but the code implies. */
export const ABSENT_KEY = '$absent';

/**
 * The Terraform files of a design: `<stem>.tf` and `<stem>.nimbus.json`. The
 * sidecar's `extra` holds, by Nimbus id, exactly the fields the code does not
 * give back (found by reading the code back as an import would), and whole
 * resources Terraform has no resource for.
 */
export function exportTerraform(design: Design, stem = fileStem(design.name)): IacFile[] {
  const written = writeTerraform(design);
  const sidecar: IacSidecar = { ...sidecarOf(design), ids: written.ids as IacSidecar['ids'], extra: {} };
  for (const r of written.whole) sidecar.extra[r.id] = { ...r };
  const decoded = decodeHclJson(
    written.json as Record<string, HclJson>,
    { ...sidecar, extra: { ...sidecar.extra } },
    'terraform-hcl',
    {
      fieldsFromSidecar: false,
    },
  );
  if (!decoded.ok) throw new Error(`Nimbus wrote Terraform it can't read back: ${decoded.message}`);
  for (const r of Object.values(design.resources)) {
    if (Object.hasOwn(sidecar.extra, r.id)) continue;
    const raw = decoded.resources.get(r.id);
    // With the schema's defaults, so a field the code leaves at AWS's default is not repeated in the sidecar.
    const parsedBack = raw ? ResourceSchema.safeParse(raw) : undefined;
    const back = (parsedBack?.success ? parsedBack.data : raw) as Record<string, unknown> | undefined;
    const original = r as unknown as Record<string, unknown>;
    const extra: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(original)) {
      if (!back || !sameJson(back[key], value)) extra[key] = value;
    }
    const absent = back ? Object.keys(back).filter((k) => !Object.hasOwn(original, k)) : [];
    if (absent.length > 0) extra[ABSENT_KEY] = absent;
    if (Object.keys(extra).length > 0) sidecar.extra[r.id] = extra;
  }
  return [
    { name: `${stem}.tf`, text: written.text, mime: 'text/plain' },
    { name: `${stem}.nimbus.json`, text: `${JSON.stringify(sidecar, null, 2)}\n`, mime: 'application/json' },
  ];
}

/** A file name from a design name. */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'design'
  );
}

export { IAC_SIDECAR_FORMAT };
export type { HclValue };
