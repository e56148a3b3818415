import type { Kind } from '../../domain/design';
import { KIND_SPECS } from '../../domain/kinds/registry';
import { CFN_MAPPINGS } from './mapping';

/** The mapping table of `docs/iac.md`, written from `CFN_MAPPINGS` (a test keeps the page current). */
export function cloudFormationTableMarkdown(): string {
  const rows = (Object.keys(CFN_MAPPINGS) as Kind[]).map((kind) => {
    const mapping = CFN_MAPPINGS[kind];
    const label = KIND_SPECS[kind].label.replace(/^an? /, '');
    if ('inMetadataOnly' in mapping)
      return `| ${label} (\`${kind}\`) | — (kept in \`Metadata.Nimbus\`) | | ${mapping.inMetadataOnly} |`;
    const code = (types: readonly string[]) => types.map((t) => `\`${t}\``).join(', ');
    return `| ${label} (\`${kind}\`) | ${code(mapping.types)} | ${code(mapping.beside)} | ${mapping.notes} |`;
  });
  return ['| Kind | CloudFormation type | Written beside it | Notes |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}
