import type { TfResource } from './context';
import type { TfSource } from './importTerraform';

/*
 * Terraform's machine-readable files, as `terraform show -json` writes them
 * (developer.hashicorp.com/terraform/internals/json-format): a plan
 * (`format_version`, `planned_values`, `resource_changes`, `configuration`,
 * `prior_state`) and a state (`values.root_module`); and the state file
 * itself (`terraform.tfstate`, `version: 4`, `resources[].instances[]`).
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

interface ModuleValues {
  resources?: unknown;
  child_modules?: unknown;
}

/** Every resource of a `values` module tree (planned values, a shown state), child modules included. */
function moduleResources(module: unknown, depth = 0): Json[] {
  if (!isObject(module) || depth > 32) return [];
  const m = module as ModuleValues;
  return [...arr(m.resources).filter(isObject), ...arr(m.child_modules).flatMap((c) => moduleResources(c, depth + 1))];
}

/** AWS ids and ARNs of every resource, and the names others refer to them by. */
function literalIndexes(resources: readonly TfResource[]): { ids: Map<string, string>; names: Map<string, string> } {
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  for (const r of resources) {
    for (const key of ['id', 'arn', 'allocation_id'])
      if (typeof r.values[key] === 'string' && r.values[key] !== '' && !ids.has(r.values[key] as string))
        ids.set(r.values[key] as string, r.address);
    for (const key of ['name', 'function_name', 'identifier'])
      if (typeof r.values[key] === 'string' && r.values[key] !== '' && !names.has(r.values[key] as string))
        names.set(r.values[key] as string, r.address);
  }
  return { ids, names };
}

function split(rows: readonly Json[], warnings: string[]): { resources: TfResource[]; dataSources: TfResource[] } {
  const resources: TfResource[] = [];
  const dataSources: TfResource[] = [];
  for (const row of rows) {
    const address = typeof row.address === 'string' ? row.address : undefined;
    const type = typeof row.type === 'string' ? row.type : undefined;
    const name = typeof row.name === 'string' ? row.name : undefined;
    if (!address || !type || !name) {
      warnings.push('A resource without an address, type or name was skipped.');
      continue;
    }
    const index = row.index;
    const resource: TfResource = {
      address,
      type,
      name: index === undefined ? name : `${name}_${String(index).replace(/[^A-Za-z0-9_-]+/g, '_')}`,
      values: isObject(row.values) ? row.values : {},
    };
    (row.mode === 'data' ? dataSources : resources).push(resource);
  }
  return { resources, dataSources };
}

function regionOf(resources: readonly TfResource[], config: unknown): string | null {
  const provider = isObject(config) && isObject(config.provider_config) ? config.provider_config.aws : undefined;
  const expr = isObject(provider) && isObject(provider.expressions) ? provider.expressions.region : undefined;
  if (isObject(expr) && typeof expr.constant_value === 'string') return expr.constant_value;
  for (const r of resources) {
    if (typeof r.values.region === 'string') return r.values.region;
    const az = r.values.availability_zone;
    if (typeof az === 'string' && /[a-z]$/.test(az)) return az.slice(0, -1);
  }
  return null;
}

/** The references of a plan's configuration, by resource address and argument (one level of blocks too). */
function configurationReferences(configuration: unknown): Map<string, Map<string, string[] | string[][]>> {
  const out = new Map<string, Map<string, string[] | string[][]>>();
  const walk = (module: unknown, prefix: string, depth: number) => {
    if (!isObject(module) || depth > 32) return;
    for (const r of arr(module.resources).filter(isObject)) {
      if (typeof r.address !== 'string' || !isObject(r.expressions)) continue;
      const refs = new Map<string, string[] | string[][]>();
      for (const [key, expr] of Object.entries(r.expressions)) {
        if (isObject(expr) && Array.isArray(expr.references))
          refs.set(
            key,
            expr.references.filter((x): x is string => typeof x === 'string').map((x) => `${prefix}${x}`),
          );
        else if (Array.isArray(expr))
          refs.set(
            key,
            expr.map((item) =>
              isObject(item)
                ? Object.entries(item).flatMap(([sub, e]) =>
                    isObject(e) && Array.isArray(e.references)
                      ? [
                          `${sub}=${e.references
                            .filter((x): x is string => typeof x === 'string')
                            .map((x) => `${prefix}${x}`)
                            .join(' ')}`,
                        ]
                      : [],
                  )
                : [],
            ),
          );
      }
      out.set(`${prefix}${r.address}`, refs);
    }
    if (isObject(module.module_calls))
      for (const [name, call] of Object.entries(module.module_calls))
        if (isObject(call)) walk(call.module, `${prefix}module.${name}.`, depth + 1);
  };
  walk(isObject(configuration) ? configuration.root_module : undefined, '', 0);
  return out;
}

const isResourceRef = (r: string): boolean =>
  !r.startsWith('var.') &&
  !r.startsWith('local.') &&
  !r.startsWith('count.') &&
  !r.startsWith('each.') &&
  !r.startsWith('path.') &&
  !r.startsWith('self.');

/** Where a resource sits among its instances: `[0]` of `aws_instance.web[0]`, `["a"]` of a `for_each` one; '' when it is one of one. */
const instanceKeyOf = (address: string): string => /(\[[^\]]*\])$/.exec(address)?.[1] ?? '';

/**
 * How one reference of a configuration is read for one planned instance.
 * `aws_subnet.public[count.index].id` is written as the bare address and the
 * key (`["aws_subnet.public", "count.index"]`): the instance of the same key
 * is meant (`aws_subnet.public[0]` for `aws_instance.web[0]`).
 */
interface ReferenceReader {
  /** The planned resource the references are read for. */
  address: string;
  /** Every planned resource address. */
  addresses: ReadonlySet<string>;
  warnings: string[];
}

/** The resource references of a list, with counted bare addresses resolved to one instance. */
function resourceReferences(references: readonly string[], reader: ReferenceReader | undefined, key: string): string[] {
  const keyed = references.some((r) => r === 'count.index' || r.startsWith('each.'));
  const out: string[] = [];
  for (const ref of references.filter(isResourceRef)) {
    const local = ref.replace(/^(?:module\.[^.[]+(?:\[[^\]]*\])?\.)*/, '');
    const parts = local.split('.');
    const isBare = parts.length === (parts[0] === 'data' ? 3 : 2) && !/\]$/.test(local);
    // A bare address after its attribute form (`aws_vpc.main.id`, `aws_vpc.main`) adds nothing.
    if (isBare && out.some((o) => o.startsWith(`${ref}.`) || o.startsWith(`${ref}[`))) continue;
    if (!isBare || !reader || reader.addresses.has(ref)) {
      if (ref.split('.').length >= 3) out.push(ref);
      continue;
    }
    const instances = [...reader.addresses].filter((a) => a.startsWith(`${ref}[`));
    if (instances.length === 0) continue;
    const wanted = keyed ? `${ref}${instanceKeyOf(reader.address)}` : '';
    if (wanted && reader.addresses.has(wanted)) out.push(`${wanted}.id`);
    else {
      reader.warnings.push(
        `${reader.address}.${key} names ${wanted || `one of ${ref}`}, which the plan does not hold; Nimbus used ${instances[0]!}.`,
      );
      out.push(`${instances[0]!}.id`);
    }
  }
  return out;
}

/** A reference of a configuration as an expression the decoders read: the resource part (`aws_vpc.main.id`), not the bare address. */
const asExpression = (
  references: readonly string[],
  reader: ReferenceReader | undefined,
  key: string,
): string | undefined => {
  const resourceRef = resourceReferences(references, reader, key)[0];
  return resourceRef ? `\${${resourceRef}}` : undefined;
};

function applyReferences(
  r: TfResource,
  refs: Map<string, string[] | string[][]> | undefined,
  reader?: ReferenceReader,
): TfResource {
  if (!refs) return r;
  const values: Json = { ...r.values };
  for (const [key, list] of refs) {
    if (list.length === 0) continue;
    if (typeof list[0] === 'string') {
      const flat = list as string[];
      const expression = asExpression(flat, reader && { ...reader, warnings: [] }, key);
      if (!expression) continue;
      const current = values[key];
      if (Array.isArray(current) || (current === undefined && /s$/.test(key)) || (current === null && /s$/.test(key))) {
        values[key] = resourceReferences(flat, reader, key).map((x) => `\${${x}}`);
      } else values[key] = asExpression(flat, reader, key);
    } else {
      const blocks = Array.isArray(values[key]) ? [...(values[key] as unknown[])] : [];
      (list as string[][]).forEach((entries, i) => {
        const current = isObject(blocks[i]) ? { ...(blocks[i] as Json) } : {};
        for (const entry of entries) {
          const [sub, refText] = entry.split('=') as [string, string];
          const expression = asExpression(refText.split(' '), reader, `${key}.${sub}`);
          if (expression) current[sub] = Array.isArray(current[sub]) ? [expression] : expression;
        }
        blocks[i] = current;
      });
      values[key] = blocks;
    }
  }
  return { ...r, values };
}

/** The unknown-until-apply arguments of each planned resource. */
function unknownsOf(resourceChanges: unknown): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const rc of arr(resourceChanges).filter(isObject)) {
    if (typeof rc.address !== 'string' || !isObject(rc.change)) continue;
    const au = rc.change.after_unknown;
    if (!isObject(au)) continue;
    out.set(
      rc.address,
      new Set(
        Object.entries(au)
          .filter(([, v]) => v === true)
          .map(([k]) => k),
      ),
    );
  }
  return out;
}

export type PlanSide = 'after' | 'before';

/** A plan's planned values (after) or prior state (before) as a Terraform source. */
export function sourceOfPlan(plan: Json, side: PlanSide): TfSource {
  const warnings: string[] = [];
  if (side === 'before') {
    const prior =
      isObject(plan.prior_state) && isObject(plan.prior_state.values) ? plan.prior_state.values.root_module : undefined;
    const { resources, dataSources } = split(moduleResources(prior), warnings);
    const { ids, names } = literalIndexes(resources);
    return {
      resources,
      dataSources,
      region: regionOf(resources, plan.configuration),
      literalIds: ids,
      literalNames: names,
      warnings,
    };
  }
  const planned = isObject(plan.planned_values) ? plan.planned_values.root_module : undefined;
  const rows = moduleResources(planned);
  // A plan that only deletes has no planned values for what it deletes; resource_changes says so.
  const deleted = arr(plan.resource_changes)
    .filter(isObject)
    .filter((rc) => isObject(rc.change) && arr(rc.change.actions).join(',') === 'delete').length;
  if (deleted > 0)
    warnings.push(
      `The plan destroys ${deleted} resource${deleted === 1 ? '' : 's'}; the design shows what is left after apply.`,
    );
  const split_ = split(rows, warnings);
  const refs = configurationReferences(plan.configuration);
  const unknowns = unknownsOf(plan.resource_changes);
  const addresses = new Set([...split_.resources, ...split_.dataSources].map((r) => r.address));
  const withRefs = split_.resources.map((r) => {
    const config = refs.get(r.address) ?? refs.get(r.address.replace(/\[[^\]]*\]$/, ''));
    const unknown = unknowns.get(r.address);
    return {
      ...applyReferences(r, config, { address: r.address, addresses, warnings }),
      ...(unknown ? { unknown } : {}),
    };
  });
  const { ids, names } = literalIndexes(withRefs);
  // Data sources are read during the plan, so their values are in the prior state.
  const prior =
    isObject(plan.prior_state) && isObject(plan.prior_state.values) ? plan.prior_state.values.root_module : undefined;
  const priorData = split(moduleResources(prior), []).dataSources;
  const dataSources = [
    ...split_.dataSources,
    ...priorData.filter((d) => !split_.dataSources.some((p) => p.address === d.address)),
  ];
  return {
    resources: withRefs,
    dataSources,
    region: regionOf(withRefs, plan.configuration),
    literalIds: ids,
    literalNames: names,
    warnings,
  };
}

/** A `terraform.tfstate` (version 4) as a Terraform source. */
export function sourceOfState(state: Json): TfSource {
  const warnings: string[] = [];
  const rows: Json[] = [];
  for (const r of arr(state.resources).filter(isObject)) {
    const module = typeof r.module === 'string' ? `${r.module}.` : '';
    const base = `${module}${r.mode === 'data' ? 'data.' : ''}${String(r.type)}.${String(r.name)}`;
    const instances = arr(r.instances).filter(isObject);
    for (const instance of instances) {
      const key = instance.index_key;
      rows.push({
        address: key === undefined ? base : `${base}[${typeof key === 'string' ? JSON.stringify(key) : String(key)}]`,
        mode: r.mode,
        type: r.type,
        name: r.name,
        ...(key === undefined ? {} : { index: key }),
        values: isObject(instance.attributes) ? instance.attributes : {},
      });
    }
  }
  const { resources, dataSources } = split(rows, warnings);
  const { ids, names } = literalIndexes(resources);
  return {
    resources,
    dataSources,
    region: regionOf(resources, undefined),
    literalIds: ids,
    literalNames: names,
    warnings,
  };
}

/** A shown state (`terraform show -json` without a plan): `values.root_module`. */
export function sourceOfShownState(shown: Json): TfSource {
  const warnings: string[] = [];
  const root = isObject(shown.values) ? shown.values.root_module : undefined;
  const { resources, dataSources } = split(moduleResources(root), warnings);
  const { ids, names } = literalIndexes(resources);
  return {
    resources,
    dataSources,
    region: regionOf(resources, undefined),
    literalIds: ids,
    literalNames: names,
    warnings,
  };
}
