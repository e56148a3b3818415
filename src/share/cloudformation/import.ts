import { proposePrivateIp } from '../../engine/proposals';
import { findRegion } from '../../domain/catalogs/regions';
import { CURRENT_DESIGN_VERSION, DESIGN_FORMAT, type Design, type Kind } from '../../domain/design';
import { ResourceSchema } from '../../domain/design.schema';
import { KIND_SPECS } from '../../domain/kinds/registry';
import { parseWholeDesign } from '../../domain/parse';
import { parseSidecar, type IacSidecar } from '../iac/sidecar';
import type { IacImportNote, IacImportResult } from '../iac/types';
import type { CfnProperties, ImportContext, ReadResource } from './context';
import { AttributeRef, evaluate, EvaluationError, ResourceRef, Unknown, type EvaluationScope } from './evaluate';
import { CFN_MAPPINGS } from './mapping';
import { MAX_TEMPLATE_CHARACTERS, readYaml } from './yamlText';

const ABSENT_FIELDS = '$absent';
const NOT_IN_DESIGN = '$notInDesign';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The kind whose own resource each CloudFormation type is, and the types kinds read beside their own. */
const KIND_OF_TYPE = new Map<string, Kind>();
const BESIDE_TYPES = new Set<string>();
for (const [kind, mapping] of Object.entries(CFN_MAPPINGS) as [Kind, (typeof CFN_MAPPINGS)[Kind]][]) {
  if ('inMetadataOnly' in mapping) continue;
  for (const type of mapping.types) KIND_OF_TYPE.set(type, kind);
  for (const type of mapping.beside) BESIDE_TYPES.add(type);
}
// Written beside gateways, ACLs and groups, read by the kinds they name.
for (const type of [
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
])
  BESIDE_TYPES.add(type);

export type TemplateRead =
  | { ok: true; resources: Map<string, Record<string, unknown>>; design: Design; note: IacImportNote }
  | { ok: false; message: string };

/** Whether text looks like a CloudFormation template: a cheap look, for the Open dialog and the CLI. */
export function looksLikeCloudFormation(text: string, fileName: string): boolean {
  const head = text.slice(0, 20_000);
  if (/\.tf$/i.test(fileName)) return false;
  return /AWSTemplateFormatVersion|["']?Resources["']?\s*:/.test(head) && /AWS::[A-Za-z0-9]+::/.test(head);
}

/** Reads a CloudFormation template (YAML with short-form intrinsics, or JSON) into a design and its note. */
export function importCloudFormation(text: string, fileName: string): IacImportResult {
  if (text.length > MAX_TEMPLATE_CHARACTERS)
    return {
      ok: false,
      message: `${fileName} is too large to read (${text.length.toLocaleString('en-US')} characters; Nimbus reads templates of up to ${MAX_TEMPLATE_CHARACTERS.toLocaleString('en-US')}).`,
    };
  const trimmed = text.trimStart();
  let value: unknown;
  if (trimmed.startsWith('{')) {
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: `${fileName} is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
  } else {
    const read = readYaml(text);
    if (!read.ok) return { ok: false, message: `${fileName} is ${read.message}` };
    value = read.value;
  }
  const read = readTemplateObject(value, { fileName });
  return read.ok
    ? { ok: true, design: read.design, note: read.note }
    : { ok: false, message: `${fileName}: ${read.message}` };
}

const baseName = (fileName: string) =>
  fileName.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json|template)$/i, '') || 'Imported template';

/** Reads a template already parsed into its long form. */
export function readTemplateObject(input: unknown, options: { fileName?: string; forExport?: boolean }): TemplateRead {
  if (!isRecord(input) || !isRecord(input.Resources))
    return { ok: false, message: 'not a CloudFormation template (it has no Resources section).' };
  const note: IacImportNote = { source: 'cloudformation', unsupported: [], unknownValues: [], warnings: [] };
  const warn = (text: string) => {
    if (!note.warnings.includes(text)) note.warnings.push(text);
  };
  const unknown = (what: string) => {
    if (!note.unknownValues.includes(what)) note.unknownValues.push(what);
  };

  let sidecar: IacSidecar | undefined;
  const metadata = isRecord(input.Metadata) ? input.Metadata.Nimbus : undefined;
  if (metadata !== undefined) {
    const parsed = parseSidecar(metadata);
    if (parsed.ok) sidecar = parsed.sidecar;
    else warn(parsed.message);
  }
  const extra = sidecar?.extra ?? {};
  const restored = Object.entries(extra).filter(([, fields]) => typeof fields.kind === 'string') as [
    string,
    Record<string, unknown>,
  ][];

  // The Region: the drawing's, else the zones' the template names, else us-east-1.
  const templateResources = Object.entries(input.Resources);
  const restoredRegion = restored.find(([, r]) => r.kind === 'region')?.[1];
  // A zone named in a resource, else in a parameter's default (`eu-west-1a`, or a list of them).
  const ZONE = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;
  const parameterDefaults = Object.values(isRecord(input.Parameters) ? input.Parameters : {}).flatMap((p) =>
    isRecord(p) && typeof p.Default === 'string' ? p.Default.split(',').map((z) => z.trim()) : [],
  );
  const namedZone = [
    ...templateResources.map(([, r]) =>
      isRecord(r) && isRecord(r.Properties) ? r.Properties.AvailabilityZone : undefined,
    ),
    ...parameterDefaults,
  ].find((z): z is string => typeof z === 'string' && ZONE.test(z));
  const regionCode =
    typeof restoredRegion?.code === 'string' ? restoredRegion.code : namedZone ? namedZone.slice(0, -1) : 'us-east-1';
  if (!restoredRegion && !namedZone)
    warn('The template names no Region: Nimbus draws it in us-east-1 (change it in the inspector).');

  const parameters = new Map<string, unknown>();
  for (const [name, spec] of Object.entries(isRecord(input.Parameters) ? input.Parameters : {})) {
    if (!isRecord(spec)) continue;
    if (spec.Default === undefined) {
      parameters.set(name, new Unknown(`parameter ${name}`));
      warn(`The parameter ${name} has no default: what it sets is unknown.`);
      continue;
    }
    const listType =
      typeof spec.Type === 'string' && (spec.Type.startsWith('List<') || spec.Type === 'CommaDelimitedList');
    parameters.set(
      name,
      listType && typeof spec.Default === 'string' ? spec.Default.split(',').map((s) => s.trim()) : spec.Default,
    );
  }
  const scope: EvaluationScope = {
    parameters,
    resources: new Set(templateResources.map(([logicalId]) => logicalId)),
    mappings: isRecord(input.Mappings) ? input.Mappings : {},
    conditions: isRecord(input.Conditions) ? input.Conditions : {},
    region: regionCode,
    warn,
  };

  // Every resource with its properties evaluated; those whose condition is false are left out, as CloudFormation does.
  const read: ReadResource[] = [];
  const unsupported = new Map<string, number>();
  try {
    for (const [logicalId, resource] of templateResources) {
      if (!isRecord(resource) || typeof resource.Type !== 'string')
        return {
          ok: false,
          message: `the resource ${logicalId} has no Type, so this is not a CloudFormation template.`,
        };
      if (typeof resource.Condition === 'string') {
        const on = evaluate({ Condition: resource.Condition }, scope);
        if (on !== true) {
          warn(`${logicalId} is left out: its condition ${resource.Condition} is false with the parameters' defaults.`);
          continue;
        }
      }
      const properties = evaluate(resource.Properties ?? {}, scope);
      read.push({ logicalId, type: resource.Type, properties: isRecord(properties) ? properties : {} });
    }
  } catch (e) {
    if (e instanceof EvaluationError) return { ok: false, message: e.message };
    throw e;
  }
  for (const r of read)
    if (!KIND_OF_TYPE.has(r.type) && !BESIDE_TYPES.has(r.type))
      unsupported.set(r.type, (unsupported.get(r.type) ?? 0) + 1);
  note.unsupported = [...unsupported]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => a.type.localeCompare(b.type));

  // Ids: the drawing's where it has them, new ones (`vpc-1`, …) otherwise.
  const used = new Set<string>([...Object.values(sidecar?.ids ?? {}), ...Object.keys(extra)]);
  const counters = new Map<Kind, number>();
  const newId = (kind: Kind) => {
    let n = counters.get(kind) ?? 0;
    let id: string;
    do id = `${KIND_SPECS[kind].idPrefix}-${++n}`;
    while (used.has(id));
    counters.set(kind, n);
    used.add(id);
    return id;
  };
  const sidecarIds = sidecar?.ids ?? {};
  const implied = new Map<string, string>();
  const impliedId = (kind: Kind, key: string) => {
    let id = implied.get(key);
    if (!id) {
      id = Object.hasOwn(sidecarIds, key) ? sidecarIds[key]! : newId(kind);
      implied.set(key, id);
    }
    return id;
  };
  const byLogical = new Map<string, ReadResource>(read.map((r) => [r.logicalId, r]));
  const idByLogical = new Map<string, string>();
  for (const r of read) {
    const kind = KIND_OF_TYPE.get(r.type);
    if (kind)
      idByLogical.set(r.logicalId, Object.hasOwn(sidecarIds, r.logicalId) ? sidecarIds[r.logicalId]! : newId(kind));
  }

  // The resources of a type by what one of their properties names (`X`, or `X.Attribute`), built once per type and property.
  const namedBy = (value: unknown, into: Set<string>) => {
    if (Array.isArray(value)) value.forEach((v) => namedBy(v, into));
    else if (value instanceof ResourceRef) into.add(value.logicalId);
    else if (value instanceof AttributeRef) into.add(value.logicalId).add(`${value.logicalId}.${value.attribute}`);
  };
  const besideIndex = new Map<string, Map<string, ReadResource[]>>();
  const besideOf = (type: string, property: string) => {
    const indexKey = `${type} ${property}`;
    let index = besideIndex.get(indexKey);
    if (!index) {
      index = new Map();
      for (const r of read) {
        if (r.type !== type) continue;
        const keys = new Set<string>();
        namedBy(r.properties[property], keys);
        for (const key of keys) {
          const list = index.get(key);
          if (list) list.push(r);
          else index.set(key, [r]);
        }
      }
      besideIndex.set(indexKey, index);
    }
    return index;
  };
  const out = new Map<string, Record<string, unknown>>();
  const layout: Record<string, { parentId: string | null }> = {};
  const ctx: ImportContext = {
    idOf(value) {
      if (value instanceof ResourceRef) return idByLogical.get(value.logicalId) ?? null;
      if (value instanceof AttributeRef) {
        if (value.attribute === 'DefaultSecurityGroup')
          return impliedId('securityGroup', `${value.logicalId}.DefaultSecurityGroup`);
        if (value.attribute === 'DefaultNetworkAcl')
          return impliedId('networkAcl', `${value.logicalId}.DefaultNetworkAcl`);
        return idByLogical.get(value.logicalId) ?? null;
      }
      if (value instanceof Unknown) {
        unknown(value.what);
        return null;
      }
      return typeof value === 'string' && value !== '' ? value : null;
    },
    ids(value) {
      const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
      return list.map((v) => ctx.idOf(v)).filter((id): id is string => id !== null);
    },
    text(value, what) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (value instanceof Unknown) unknown(`${what}: ${value.what}`);
      else if (value instanceof AttributeRef)
        unknown(`${what}: ${value.logicalId}.${value.attribute} (known once deployed)`);
      else if (value !== undefined) unknown(`${what} (known once deployed)`);
      return null;
    },
    number(value, what) {
      const text = ctx.text(value, what);
      if (text === null) return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    },
    flag(value) {
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      return null;
    },
    beside: (type, property, key) => besideOf(type, property).get(key) ?? [],
    read: (logicalId) => byLogical.get(logicalId),
    nameOf(properties, fallback) {
      const tags = Array.isArray(properties.Tags) ? (properties.Tags as CfnProperties[]) : [];
      const tag = tags.find((t) => isRecord(t) && t.Key === 'Name');
      return typeof tag?.Value === 'string' ? tag.Value : fallback;
    },
    impliedId,
    zone(zoneName, vpcId) {
      const candidates = [...restored.map(([, r]) => r), ...out.values()].filter(
        (r) => r.kind === 'availabilityZone' && r.zoneName === zoneName,
      );
      const placed = sidecar?.layout ?? layout;
      const inVpc = candidates.find((r) => vpcId !== null && placed[String(r.id)]?.parentId === vpcId) ?? candidates[0];
      if (inVpc) return String(inVpc.id);
      const id = impliedId('availabilityZone', `Zone:${zoneName}:${vpcId ?? ''}`);
      out.set(id, { kind: 'availabilityZone', id, name: zoneName, regionId: ctx.region(), zoneName });
      if (vpcId) layout[id] = { parentId: vpcId };
      return id;
    },
    region() {
      const existing =
        restored.find(([, r]) => r.kind === 'region' && r.code === regionCode) ??
        restored.find(([, r]) => r.kind === 'region');
      if (existing) return existing[0];
      const id = impliedId('region', 'Region');
      if (!out.has(id))
        out.set(id, { kind: 'region', id, name: findRegion(regionCode)?.name ?? regionCode, code: regionCode });
      return id;
    },
    regionCode: () => regionCode,
    imply(resource) {
      out.set(String(resource.id), resource);
    },
    unknownUntilDeploy: (what) => unknown(`${what} (known once deployed)`),
    warn,
  };

  for (const r of read) {
    const kind = KIND_OF_TYPE.get(r.type);
    if (!kind) continue;
    const mapping = CFN_MAPPINGS[kind];
    if ('inMetadataOnly' in mapping) continue;
    const built = mapping.read(r, ctx);
    if (!built) {
      warn(`${r.logicalId} (${r.type}) was left out: Nimbus can't read it as ${KIND_SPECS[kind].label}.`);
      continue;
    }
    const id = idByLogical.get(r.logicalId)!;
    out.set(id, { ...built, id, kind });
  }
  if (!sidecar && read.some((r) => r.type === 'AWS::EC2::InternetGateway'))
    out.set('internet', { kind: 'internet', id: 'internet', name: 'Internet' });

  // The drawing's own: whole resources CloudFormation has no type for, and fields the code can't say.
  for (const [id, fields] of Object.entries(extra)) {
    if (id === NOT_IN_DESIGN) continue;
    const built = out.get(id);
    if (!built) {
      if (typeof fields.kind === 'string') out.set(id, { ...fields, id });
      continue;
    }
    const absent = Array.isArray(fields[ABSENT_FIELDS]) ? (fields[ABSENT_FIELDS] as string[]) : [];
    const merged: Record<string, unknown> = { ...built };
    for (const [key, value] of Object.entries(fields)) if (key !== ABSENT_FIELDS) merged[key] = value;
    for (const key of absent) delete merged[key];
    out.set(id, merged);
  }
  const notInDesign = extra[NOT_IN_DESIGN]?.ids;
  if (Array.isArray(notInDesign)) for (const id of notInDesign) out.delete(String(id));

  const resources = new Map<string, Record<string, unknown>>();
  for (const [id, raw] of out) {
    const parsed = ResourceSchema.safeParse(raw);
    if (parsed.success) {
      resources.set(id, parsed.data as unknown as Record<string, unknown>);
      continue;
    }
    const issue = parsed.error.issues[0];
    const logical = [...idByLogical].find(([, v]) => v === id)?.[0] ?? id;
    const why = `${logical} was left out: ${issue ? `${issue.path.join('.') || raw.kind}: ${issue.message}` : 'not valid'}`;
    // Written by Nimbus, the metadata then carries the fields the code left unreadable.
    if (options.forExport) resources.set(id, raw);
    else warn(why);
  }

  const placement = sidecar ? sidecar.layout : layout;
  const design = {
    format: DESIGN_FORMAT,
    version: CURRENT_DESIGN_VERSION,
    name: sidecar?.name ?? baseName(options.fileName ?? ''),
    resources: Object.fromEntries(resources),
    layout: Object.fromEntries(Object.entries(placement).filter(([id]) => resources.has(id))),
    ...(sidecar?.flows ? { flows: sidecar.flows } : {}),
    ...(sidecar?.simulation ? { simulation: sidecar.simulation } : {}),
  };
  if (options.forExport) return { ok: true, resources, design: design as unknown as Design, note };
  pickLaunchAddresses(design as unknown as Design, idByLogical, unknown);
  const checked = parseWholeDesign(design);
  if (!checked.ok) return { ok: false, message: `the imported design is not valid: ${checked.errors[0] ?? ''}` };
  if (resources.size === 0 && read.length > 0 && unsupported.size > 0)
    warn('Nimbus models none of the resource types in this template.');
  return { ok: true, resources, design: checked.design, note };
}

/**
 * An instance the template gives no `PrivateIpAddress` gets one from its subnet
 * at launch (Amazon EC2 User Guide, "Private IPv4 addresses"); Nimbus draws the
 * subnet's lowest free address, in template order, and says it picked it.
 */
function pickLaunchAddresses(
  design: Design,
  idByLogical: ReadonlyMap<string, string>,
  unknown: (what: string) => void,
) {
  for (const [logicalId, id] of idByLogical) {
    const instance = design.resources[id];
    if (instance?.kind !== 'ec2Instance' || instance.privateIp !== '') continue;
    const subnet = design.resources[instance.subnetId];
    if (subnet?.kind !== 'subnet') continue;
    const picked = proposePrivateIp(design, subnet, instance.id);
    if (picked === null) continue;
    (instance as { privateIp: string }).privateIp = picked;
    unknown(`${logicalId}.PrivateIpAddress: assigned at launch; Nimbus picked ${picked}`);
  }
}
