import { ALL_KINDS, kindLabel } from '../../domain/kinds/registry';
import { TERRAFORM_TYPES_BY_KIND } from './table';

const code = (types: readonly string[]) => types.map((t) => `\`${t}\``).join(', ');

/** The kind → Terraform table of `docs/iac-terraform.md`, written from the mapping (a test keeps the page in step). */
export function terraformMappingTable(): string {
  const rows = ALL_KINDS.map((kind) => {
    const m = TERRAFORM_TYPES_BY_KIND[kind];
    const types = m.types.length > 0 ? code(m.types) : '(none: kept in the sidecar)';
    const parts = m.parts && m.parts.length > 0 ? code(m.parts) : '';
    return `| ${kind} (${kindLabel(kind)}) | ${types} | ${parts} | ${(m.note ?? '').replace(/\|/g, '\\|')} |`;
  });
  return ['| Kind | Terraform resource | Written beside it | Notes |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
