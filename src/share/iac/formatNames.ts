/**
 * The formats' ids and labels alone, for menus: the formats themselves (their
 * mappings, YAML and HCL code) are fetched when an export or an import runs,
 * so the first screen does not load them. `formatNames.test.ts` keeps this
 * list the same as `IAC_FORMATS`.
 */
export interface IacFormatName {
  id: string;
  label: string;
}

export const IAC_FORMAT_NAMES: readonly IacFormatName[] = [
  { id: 'cloudformation', label: 'CloudFormation (YAML)' },
  { id: 'cloudformation-json', label: 'CloudFormation (JSON)' },
  { id: 'terraform', label: 'Terraform (HCL)' },
];
