/**
 * Writes `src/share/terraform/providerSchema.json`: for each Terraform type
 * Nimbus writes, the AWS provider's argument names (which are required) and
 * nested block names, read from an installed `@cdktf/provider-aws`, whose
 * generated TypeScript is made from the provider's own schema (each config
 * property links its argument in the Registry docs, e.g.
 * `docs/resources/vpc#cidr_block`; a property without `?` is required).
 *
 *   npm install --prefix /tmp/tfp @cdktf/provider-aws@21.22.1
 *   npx tsx scripts/extract-terraform-schema.ts /tmp/tfp/node_modules/@cdktf/provider-aws
 *
 * The package is not a dependency of Nimbus (it is about 400 MB).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TERRAFORM_TYPES_BY_KIND } from '../src/share/terraform/table';

interface BlockSchema {
  arguments: string[];
  required: string[];
  blocks: Record<string, BlockSchema>;
  /** What others may refer to (`aws_vpc.main.default_route_table_id`): the top level only. */
  attributes?: string[];
}

const packageDir = process.argv[2] ?? '/tmp/tfp/node_modules/@cdktf/provider-aws';
const out = 'src/share/terraform/providerSchema.json';

const wantedResources = new Set(
  Object.values(TERRAFORM_TYPES_BY_KIND).flatMap((m) => [...m.types, ...(m.parts ?? [])]),
);
const wantedData = new Set(['aws_ssm_parameter']);

/** Interfaces of one generated file: name → its properties (snake name, required, type text). */
function interfacesOf(source: string): Map<string, { name: string; required: boolean; type: string }[]> {
  const found = new Map<string, { name: string; required: boolean; type: string }[]>();
  for (const m of source.matchAll(/export interface (\w+)(?: extends [\w.]+)? \{([\s\S]*?)\n\}/g)) {
    const props: { name: string; required: boolean; type: string }[] = [];
    for (const p of m[2]!.matchAll(
      /\{@link https:\/\/registry\.terraform\.io\/[^#\s]+#(\w+) [^}]*\}[\s\S]*?\*\/\s*readonly (\w+)(\??): ([^;]+);/g,
    )) {
      props.push({ name: p[1]!, required: p[3] !== '?', type: p[4]! });
    }
    found.set(m[1]!, props);
  }
  return found;
}

function blockOf(name: string, interfaces: ReturnType<typeof interfacesOf>, depth = 0): BlockSchema {
  const schema: BlockSchema = { arguments: [], required: [], blocks: {} };
  for (const p of interfaces.get(name) ?? []) {
    const nested = /^(\w+)(\[\])?( \| cdktf\.IResolvable)?$/.exec(p.type)?.[1];
    if (nested && interfaces.has(nested) && depth < 6) {
      schema.blocks[p.name] = blockOf(nested, interfaces, depth + 1);
      if (p.required) schema.required.push(p.name);
    } else {
      if (p.name === 'id' && depth === 0) continue; // computed; the generated code offers it only for SDK v1 reasons
      schema.arguments.push(p.name);
      if (p.required) schema.required.push(p.name);
    }
  }
  return schema;
}

const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  version: string;
  cdktf: { provider: { name: string; version: string } };
};
const resources: Record<string, BlockSchema> = {};
const dataSources: Record<string, BlockSchema> = {};
for (const dir of readdirSync(join(packageDir, 'lib'))) {
  let source: string;
  try {
    source = readFileSync(join(packageDir, 'lib', dir, 'index.d.ts'), 'utf8');
  } catch {
    continue;
  }
  const type = /static readonly tfResourceType = "(\w+)";/.exec(source)?.[1];
  if (!type) continue;
  const isData = dir.startsWith('data-');
  if (isData ? !wantedData.has(type) : !wantedResources.has(type)) continue;
  const interfaces = interfacesOf(source);
  const config = [...interfaces.keys()].find(
    (k) => k.endsWith('Config') && source.includes(`export interface ${k} extends cdktf.TerraformMetaArguments`),
  );
  if (!config) throw new Error(`${dir}: no config interface`);
  const schema = blockOf(config, interfaces);
  // The generated class reads every attribute by its Terraform name; arguments are attributes too.
  const code = readFileSync(join(packageDir, 'lib', dir, 'index.js'), 'utf8');
  const start = Math.max(
    code.indexOf('extends cdktf.TerraformResource'),
    code.indexOf('extends cdktf.TerraformDataSource'),
  );
  const classBody = code.slice(start, code.indexOf(`.tfResourceType = "${type}"`));
  const attributes = new Set(
    [...classBody.matchAll(/this\.get\w*Attribute\('(\w+)'\)/g)].map((a) => a[1]!).filter((a) => !schema.blocks[a]),
  );
  schema.attributes = [...attributes].sort();
  (isData ? dataSources : resources)[type] = schema;
}
const missing = [...wantedResources].filter((t) => !resources[t]);
if (missing.length > 0) throw new Error(`not in the provider: ${missing.join(', ')}`);

const sorted = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]!]),
  );
writeFileSync(
  out,
  `${JSON.stringify(
    {
      source: `@cdktf/provider-aws ${pkg.version} (npm), generated from the provider's schema; extracted by scripts/extract-terraform-schema.ts`,
      provider: pkg.cdktf.provider,
      resources: sorted(resources),
      dataSources: sorted(dataSources),
    },
    null,
    2,
  )}\n`,
);
console.log(
  `${out}: ${Object.keys(resources).length} resource types, ${Object.keys(dataSources).length} data sources from ${pkg.cdktf.provider.name} ${pkg.cdktf.provider.version}`,
);
