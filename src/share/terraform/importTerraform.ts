import { emptyDesign, type Design, type Kind, type LayoutEntry } from '../../domain/design';
import { ALLOW_ALL_NACL_RULE, ALLOW_ALL_OUTBOUND_SG_RULE } from '../../domain/factories';
import { KIND_SPECS, ALL_KINDS } from '../../domain/kinds/registry';
import { findRegion } from '../../domain/catalogs/regions';
import { DEFAULT_AMI_ID } from '../../domain/catalogs/amis';
import { parseWholeDesign } from '../../domain/parse';
import { allocatePrivateIp, formatIpv4, parseCidr, parseIpv4 } from '../../net';
import type { IacSidecar } from '../iac/sidecar';
import type { IacImportNote, IacSource } from '../iac/types';
import { amiOfParameter } from './amis';
import type { DecodeContext, KindMapping, TfResource } from './context';
import type { HclJson } from './hclRead';
import { mappingsReading, TERRAFORM_TYPES_BY_KIND } from './table';

/** The key under which a sidecar's `extra` lists fields the design lacks but the code implies (see the export). */
const ABSENT_KEY = '$absent';

/** Which kind each Terraform resource type is read as, and which types are read as part of another's. */
const KIND_OF_TYPE = new Map<string, Kind>();
const PART_TYPES = new Set<string>();
for (const kind of ALL_KINDS) {
  const mapping = TERRAFORM_TYPES_BY_KIND[kind] as KindMapping<Kind>;
  for (const type of mapping.types) KIND_OF_TYPE.set(type, kind);
  for (const type of mapping.parts ?? []) PART_TYPES.add(type);
}

/** A Terraform source brought to one shape: its managed resources, data sources and provider Region. */
export interface TfSource {
  resources: TfResource[];
  dataSources: TfResource[];
  region: string | null;
  /** AWS ids and ARNs (plans, states) → the address of the resource that has them. */
  literalIds?: ReadonlyMap<string, string>;
  /** Names (`cluster_name`, `db_subnet_group_name`) → the address of the resource of that name. */
  literalNames?: ReadonlyMap<string, string>;
  warnings: string[];
}

export type Decoded =
  | { ok: true; design: Design; note: IacImportNote; resources: Map<string, Record<string, unknown>> }
  | { ok: false; message: string };

/** `aws_vpc.main`, `module.net.aws_subnet.a[0]`, `data.aws_ssm_parameter.al2023` in an expression. */
const TRAVERSAL =
  /((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*)(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\])?/g;

function traversals(expression: string): string[] {
  const out: string[] = [];
  for (const m of expression.matchAll(TRAVERSAL)) {
    if (m[3] === 'var' || m[3] === 'local' || m[3] === 'each' || m[3] === 'count' || m[3] === 'path') continue;
    out.push(`${m[1] ?? ''}${m[2] ?? ''}${m[3]}.${m[4]}${m[5] ?? ''}`);
  }
  return out;
}

const isExpression = (v: unknown): v is string => typeof v === 'string' && v.startsWith('${') && v.endsWith('}');

/** Reads a Terraform source into a design: the sidecar (when given) for ids and what the code can't say. */
export function decodeSource(
  source: TfSource,
  sidecar: IacSidecar | null,
  kind: IacSource,
  options: { fieldsFromSidecar?: boolean } = {},
): Decoded {
  const fieldsFromSidecar = options.fieldsFromSidecar ?? true;
  const note: IacImportNote = { source: kind, unsupported: [], unknownValues: [], warnings: [...source.warnings] };
  const resources = new Map<string, Record<string, unknown>>();
  const layout: Record<string, Partial<LayoutEntry>> = {};
  const dataByAddress = new Map(source.dataSources.map((r) => [r.address, r]));

  // Resources Terraform has no words for, kept whole in the sidecar.
  const whole = sidecar
    ? Object.entries(sidecar.extra).filter(
        ([id, e]) => typeof e.kind === 'string' && !Object.values(sidecar.ids).includes(id as never),
      )
    : [];
  for (const [id, e] of whole) resources.set(id, { ...e, id });

  // Ids: the sidecar's, else made from the kind's prefix and the Terraform name.
  const idOfAddress = new Map<string, string>();
  const taken = new Set(resources.keys());
  const primaries = source.resources.filter((r) => KIND_OF_TYPE.has(r.type));
  for (const r of primaries) {
    const fromSidecar = sidecar && Object.hasOwn(sidecar.ids, r.address) ? sidecar.ids[r.address] : undefined;
    let id: string =
      fromSidecar ?? `${KIND_SPECS[KIND_OF_TYPE.get(r.type)!].idPrefix}-${r.name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
    if (!fromSidecar) for (let n = 2; taken.has(id) || id === '__proto__'; n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    taken.add(id);
    idOfAddress.set(r.address, id);
  }
  const counts = new Map<string, number>();
  for (const r of source.resources)
    if (!KIND_OF_TYPE.has(r.type) && !PART_TYPES.has(r.type)) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  note.unsupported = [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type));
  if (source.dataSources.length > 0) {
    const dataCounts = new Map<string, number>();
    for (const d of source.dataSources) dataCounts.set(d.type, (dataCounts.get(d.type) ?? 0) + 1);
    note.warnings.push(
      `${source.dataSources.length} data source${source.dataSources.length === 1 ? '' : 's'} (${[...dataCounts].map(([t, c]) => `data.${t} × ${c}`).join(', ')}) read by Terraform, not resources: not drawn${[...dataCounts.keys()].includes('aws_ssm_parameter') ? ' (AMI parameters are read for the instances that use them)' : ''}.`,
    );
  }

  // Region and zones.
  const sidecarRegion = whole.find(([, e]) => e.kind === 'region');
  const zoneHints = source.resources
    .map((r) => r.values.availability_zone)
    .find((z): z is string => typeof z === 'string');
  const regionCode = source.region ?? (zoneHints ? zoneHints.replace(/[a-z]$/, '') : 'us-east-1');
  let regionId = sidecarRegion?.[0];
  const ensureRegion = (): string => {
    if (regionId) return regionId;
    regionId = `region-${regionCode}`;
    resources.set(regionId, {
      kind: 'region',
      id: regionId,
      name: findRegion(regionCode)?.name ?? regionCode,
      code: regionCode,
    });
    return regionId;
  };
  const zonesByName = new Map<string, Record<string, unknown>[]>();
  for (const r of resources.values())
    if (r.kind === 'availabilityZone' && typeof r.zoneName === 'string')
      zonesByName.set(r.zoneName, [...(zonesByName.get(r.zoneName) ?? []), r]);
  const azId = (zoneName: string, vpcId: string | null): string => {
    const candidates = zonesByName.get(zoneName) ?? [];
    const inVpc = candidates.find(
      (r) => (sidecar?.layout[r.id as string]?.parentId ?? layout[r.id as string]?.parentId) === vpcId,
    );
    const found = inVpc ?? (vpcId === null ? candidates[0] : undefined) ?? (sidecar ? candidates[0] : undefined);
    if (found) return found.id as string;
    const id = `az-${vpcId ?? 'region'}-${zoneName}`;
    const zone = { kind: 'availabilityZone', id, name: zoneName, regionId: ensureRegion(), zoneName };
    resources.set(id, zone);
    zonesByName.set(zoneName, [...candidates, zone]);
    if (vpcId) layout[id] = { parentId: vpcId as LayoutEntry['parentId'] };
    return id;
  };

  const resolveAddress = (address: string): string | null => idOfAddress.get(address) ?? null;
  const id = (value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (isExpression(value)) {
      for (const t of traversals(value)) {
        const found = resolveAddress(t.replace(/\[[^\]]*\]$/, '')) ?? resolveAddress(t);
        if (found) return found;
      }
      return null;
    }
    if (typeof value !== 'string') return null;
    const at = source.literalIds?.get(value) ?? source.literalNames?.get(value);
    return (at ? resolveAddress(at) : null) ?? value;
  };
  const ids = (value: unknown): string[] => {
    if (Array.isArray(value)) return value.map(id).filter((v): v is string => v !== null);
    if (isExpression(value))
      return traversals(value)
        .map((t) => resolveAddress(t))
        .filter((v): v is string => v !== null);
    return [];
  };
  const unknown = (r: TfResource, key: string) => {
    const path = `${r.address}.${key}`;
    if (!note.unknownValues.includes(path)) note.unknownValues.push(path);
  };
  const read = (r: TfResource, key: string): unknown => {
    const v = r.values[key];
    if ((v === undefined || v === null) && r.unknown?.has(key)) unknown(r, key);
    return v;
  };
  /** A value read as text, a number or a flag: an expression (`cidrsubnet(...)`, `each.value`) is not evaluated, and the note says so. */
  const readLiteral = (r: TfResource, key: string): unknown => {
    const v = read(r, key);
    if (!isExpression(v)) return v;
    const said = `${r.address}.${key} = ${v.slice(2, -1)}: not evaluated`;
    if (!note.unknownValues.includes(said)) note.unknownValues.push(said);
    return undefined;
  };
  const children = new Map<string, Map<string, TfResource[]>>();
  const ctx: DecodeContext = {
    id,
    ids,
    str: (r, key, fallback) => {
      const v = readLiteral(r, key);
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
    },
    num: (r, key, fallback) => {
      const v = readLiteral(r, key);
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? n : fallback;
    },
    bool: (r, key, fallback) => ctx.optionalBool(r, key) ?? fallback,
    optionalBool: (r, key) => {
      const v = readLiteral(r, key);
      return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : null;
    },
    name: (r) => {
      const tags = r.values.tags;
      const name =
        tags && typeof tags === 'object' && !Array.isArray(tags) ? (tags as Record<string, unknown>).Name : undefined;
      return typeof name === 'string' ? name : r.name;
    },
    children: (type, field, address) => {
      // Indexed once per type and field, by the id each one names: linear in the file, not quadratic.
      const key = `${type} ${field}`;
      let index = children.get(key);
      if (!index) {
        index = new Map();
        for (const c of source.resources) {
          if (c.type !== type) continue;
          const target = id(c.values[field]);
          if (target === null) continue;
          const list = index.get(target);
          if (list) list.push(c);
          else index.set(target, [c]);
        }
        children.set(key, index);
      }
      const target = idOfAddress.get(address);
      return (target !== undefined ? index.get(target) : undefined) ?? [];
    },
    regionId: ensureRegion,
    azId,
    amiId: (value) => {
      if (isExpression(value)) {
        const data = traversals(value)
          .map((t) => dataByAddress.get(t))
          .find((d) => d !== undefined);
        const path = data?.values.name;
        const known = typeof path === 'string' ? amiOfParameter(path) : undefined;
        if (known) return known;
        note.warnings.push(
          `An AMI given as ${value.slice(2, -1)} is not one Nimbus knows; the instance uses Amazon Linux 2023.`,
        );
        return DEFAULT_AMI_ID;
      }
      return typeof value === 'string' && value !== '' ? value : DEFAULT_AMI_ID;
    },
    unknown,
    warn: (message) => note.warnings.push(message),
  };

  // VPCs first: route tables read their CIDRs for the local routes.
  const ordered = [...primaries.filter((r) => r.type === 'aws_vpc'), ...primaries.filter((r) => r.type !== 'aws_vpc')];
  const readSoFar: Record<string, unknown> = {};
  const mappings = mappingsReading(readSoFar);
  const extraOf = (rid: string): Record<string, unknown> =>
    sidecar && fieldsFromSidecar && Object.hasOwn(sidecar.extra, rid) ? sidecar.extra[rid]! : {};
  for (const r of ordered) {
    const kind = KIND_OF_TYPE.get(r.type)!;
    const rid = idOfAddress.get(r.address)!;
    const fields = (mappings[kind] as KindMapping<Kind>).decode(r, ctx);
    const { [ABSENT_KEY]: absent, ...extra } = extraOf(rid);
    const resource: Record<string, unknown> = { kind, id: rid, ...fields, ...extra };
    if (Array.isArray(absent)) for (const key of absent) if (typeof key === 'string') delete resource[key];
    resources.set(rid, resource);
    readSoFar[rid] = resource;
  }
  const partsRead = new Set([...children.values()].flatMap((index) => [...index.values()].flat()));
  for (const r of source.resources)
    if (PART_TYPES.has(r.type) && !partsRead.has(r))
      note.warnings.push(`${r.address} names a resource the files don't hold; not drawn.`);

  deriveVpcs(resources);
  settleLaunchDefaults(resources, new Map([...idOfAddress].map(([address, rid]) => [rid, address])), note);
  if (!sidecar) addAwsDefaults(resources);

  const design = emptyDesign(sidecar?.name ?? 'Imported from Terraform');
  const doc: Record<string, unknown> = {
    ...design,
    resources: Object.fromEntries(resources),
    layout: sidecar ? sidecar.layout : layout,
    ...(sidecar?.flows ? { flows: sidecar.flows } : {}),
    ...(sidecar?.simulation ? { simulation: sidecar.simulation } : {}),
  };
  if (!fieldsFromSidecar) return { ok: true, design: doc as unknown as Design, note, resources };
  const parsed = parseWholeDesign(doc);
  if (!parsed.ok)
    return {
      ok: false,
      message: `The Terraform code does not make a design Nimbus can open: ${parsed.errors.slice(0, 3).join('; ')}`,
    };
  return { ok: true, design: parsed.design, note, resources };
}

/** The VPC of what Terraform places only by its subnets (a load balancer, an Auto Scaling group, a DB subnet group). */
function deriveVpcs(resources: Map<string, Record<string, unknown>>): void {
  const vpcOfSubnet = (subnetId: unknown): string => {
    const subnet = typeof subnetId === 'string' ? resources.get(subnetId) : undefined;
    return typeof subnet?.vpcId === 'string' ? subnet.vpcId : '';
  };
  for (const r of resources.values()) {
    if (r.kind === 'loadBalancer' && !r.vpcId)
      r.vpcId = vpcOfSubnet((r.subnetMappings as { subnetId: string }[])[0]?.subnetId);
    if ((r.kind === 'autoScalingGroup' || r.kind === 'dbSubnetGroup') && !r.vpcId)
      r.vpcId = vpcOfSubnet((r.subnetIds as string[])[0]);
    if (r.kind === 'dbInstance' && !r.subnetId) {
      const group = resources.get(r.dbSubnetGroupId as string);
      r.subnetId = (group?.subnetIds as string[] | undefined)?.[0] ?? '';
    }
  }
}

/**
 * What AWS decides at launch when the code leaves it out (AWS, "Amazon EC2
 * instance IP addressing", docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html):
 * an instance gets a public IPv4 address when its subnet's
 * map_public_ip_on_launch is true, and a private address from its subnet's
 * range. Nimbus picks the lowest free usable one (the first four of a subnet
 * are AWS's) in the order the resources were read, and the note says so.
 */
function settleLaunchDefaults(
  resources: Map<string, Record<string, unknown>>,
  addressOfId: ReadonlyMap<string, string>,
  note: IacImportNote,
): void {
  const subnetOf = (subnetId: unknown): Record<string, unknown> | undefined => {
    const subnet = typeof subnetId === 'string' ? resources.get(subnetId) : undefined;
    return subnet?.kind === 'subnet' ? subnet : undefined;
  };
  for (const r of resources.values())
    if (r.kind === 'ec2Instance' && typeof r.publicIp !== 'boolean') {
      r.publicIp = subnetOf(r.subnetId)?.mapPublicIpOnLaunch === true;
      const path = `${addressOfId.get(r.id as string) ?? (r.id as string)}.associate_public_ip_address`;
      const at = note.unknownValues.indexOf(path);
      if (at >= 0)
        note.unknownValues[at] = `${path}: from the subnet's map_public_ip_on_launch (${String(r.publicIp)})`;
    }

  const taken = new Set<number>();
  const hold = (text: unknown) => {
    const parsed = typeof text === 'string' ? parseIpv4(text) : undefined;
    if (parsed?.ok) taken.add(parsed.value);
  };
  for (const r of resources.values()) {
    hold(r.privateIp);
    hold(r.standbyPrivateIp);
    if (Array.isArray(r.subnetMappings))
      for (const m of r.subnetMappings as { privateIp?: unknown }[]) hold(m.privateIp);
  }
  for (const r of resources.values()) {
    if (!LAUNCH_ADDRESSED_KINDS.has(r.kind as string) || r.privateIp !== '') continue;
    const block = parseCidr(String(subnetOf(r.subnetId)?.cidr ?? ''));
    if (!block.ok) continue;
    const picked = allocatePrivateIp(block.value, taken);
    if (picked === null) continue;
    taken.add(picked);
    r.privateIp = formatIpv4(picked);
    const path = `${addressOfId.get(r.id as string) ?? (r.id as string)}.private_ip`;
    const said = `${path}: assigned at launch; Nimbus picked ${r.privateIp as string}`;
    const at = note.unknownValues.indexOf(path);
    if (at >= 0) note.unknownValues[at] = said;
    else note.unknownValues.push(said);
  }
}

/** The kinds whose private address AWS assigns from their subnet when the code gives none. */
const LAUNCH_ADDRESSED_KINDS = new Set(['ec2Instance', 'natGateway', 'dbInstance']);

/**
 * What a design read without a sidecar still needs, as AWS makes it: each
 * VPC's main route table, default ACL and default group when the code doesn't
 * manage them, and the internet when a gateway leads there.
 */
function addAwsDefaults(resources: Map<string, Record<string, unknown>>): void {
  const all = [...resources.values()];
  for (const vpc of all.filter((r) => r.kind === 'vpc')) {
    const vid = vpc.id as string;
    const has = (kind: string, flag: string) => all.some((r) => r.kind === kind && r.vpcId === vid && r[flag] === true);
    if (!has('routeTable', 'main'))
      resources.set(`rtb-main-${vid}`, {
        kind: 'routeTable',
        id: `rtb-main-${vid}`,
        name: `${vpc.name as string} main route table`,
        vpcId: vid,
        main: true,
        routes: [vpc.cidr, ...((vpc.secondaryCidrs as string[]) ?? [])].map((cidr) => ({
          destination: cidr,
          target: 'local',
        })),
        subnetIds: [],
        propagatingGatewayIds: [],
      });
    if (!has('networkAcl', 'isDefault'))
      resources.set(`acl-default-${vid}`, {
        kind: 'networkAcl',
        id: `acl-default-${vid}`,
        name: `${vpc.name as string} default ACL`,
        vpcId: vid,
        isDefault: true,
        inbound: [ALLOW_ALL_NACL_RULE],
        outbound: [ALLOW_ALL_NACL_RULE],
        subnetIds: [],
      });
    if (!has('securityGroup', 'isDefault')) {
      const sg = `sg-default-${vid}`;
      resources.set(sg, {
        kind: 'securityGroup',
        id: sg,
        name: 'default',
        vpcId: vid,
        isDefault: true,
        description: 'default VPC security group',
        inbound: [{ protocol: 'all', ports: null, peer: { type: 'securityGroup', groupId: sg }, description: '' }],
        outbound: [ALLOW_ALL_OUTBOUND_SG_RULE],
      });
    }
  }
  if (all.some((r) => r.kind === 'internetGateway') && !all.some((r) => r.kind === 'internet'))
    resources.set('internet', { kind: 'internet', id: 'internet', name: 'Internet' });
}

// --- HCL -------------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `$${` and `%%{` in HCL text are a literal `${` and `%{`. */
function unescapeTemplates(value: unknown): unknown {
  if (typeof value === 'string')
    return isExpression(value) && !value.startsWith('$${')
      ? value
      : value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (Array.isArray(value)) return value.map(unescapeTemplates);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescapeTemplates(v)]));
  return value;
}

/** Puts each variable's default in place of `var.<name>`; says which have none. */
function withVariables(value: unknown, defaults: ReadonlyMap<string, unknown>, missing: Set<string>): unknown {
  if (typeof value === 'string') {
    const m = /^\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(value);
    if (!m) return value;
    if (defaults.has(m[1]!)) return defaults.get(m[1]!);
    missing.add(m[1]!);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => withVariables(v, defaults, missing));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withVariables(v, defaults, missing)]));
  return value;
}

/** hcl2json's JSON of one or more `.tf` files as a Terraform source. */
export function sourceOfHclJson(files: readonly Record<string, HclJson>[]): TfSource {
  const warnings: string[] = [];
  const defaults = new Map<string, unknown>();
  for (const json of files) {
    const variables = json.variable;
    if (isObject(variables))
      for (const [name, bodies] of Object.entries(variables)) {
        const body = Array.isArray(bodies) ? bodies[0] : undefined;
        if (isObject(body) && Object.hasOwn(body, 'default')) defaults.set(name, body.default);
      }
  }
  const missing = new Set<string>();
  const take = (section: unknown, mode: 'managed' | 'data', into: TfResource[]) => {
    if (!isObject(section)) return;
    for (const [type, named] of Object.entries(section)) {
      if (!isObject(named)) continue;
      for (const [name, bodies] of Object.entries(named)) {
        const body = Array.isArray(bodies) ? bodies[0] : undefined;
        if (!isObject(body)) continue;
        const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        const values = withVariables(unescapeTemplates(body), defaults, missing) as Json;
        for (const meta of ['count', 'for_each'] as const)
          if (Object.hasOwn(values, meta))
            warnings.push(
              `${address} has ${meta} = ${JSON.stringify(values[meta]).replace(/^"\$\{(.*)\}"$/, '$1')}: Nimbus drew one of them (a plan gives every instance).`,
            );
        into.push({ address, type, name, values });
      }
    }
  };
  const resources: TfResource[] = [];
  const dataSources: TfResource[] = [];
  let region: string | null = null;
  for (const json of files) {
    take(json.resource, 'managed', resources);
    take(json.data, 'data', dataSources);
    const providers = json.provider;
    if (isObject(providers) && Array.isArray(providers.aws)) {
      const first = providers.aws[0];
      const r = isObject(first) ? withVariables(first.region, defaults, missing) : undefined;
      if (typeof r === 'string' && !isExpression(r)) region = r;
    }
    if (isObject(json.module))
      warnings.push(
        `Modules (${Object.keys(json.module).join(', ')}) are not read from HCL; import the plan (terraform show -json) to see what they make.`,
      );
  }
  for (const name of missing)
    warnings.push(`The variable "${name}" has no default; the values that use it are left empty.`);
  return { resources, dataSources, region, warnings };
}

/** Reads hcl2json's JSON (the export reads its own output back through this). */
export function decodeHclJson(
  json: Record<string, HclJson>,
  sidecar: IacSidecar | null,
  kind: IacSource,
  options: { fieldsFromSidecar?: boolean } = {},
): Decoded {
  return decodeSource(sourceOfHclJson([json]), sidecar, kind, options);
}
