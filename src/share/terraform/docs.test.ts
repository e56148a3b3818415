import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AMIS } from '../../domain/catalogs/amis';
import { AMI_SSM_PARAMETERS, AMIS_WITHOUT_PARAMETER } from './amis';
import { terraformMappingTable } from './docsTable';

describe('docs/iac-terraform.md', () => {
  it('holds the mapping table as the code has it', () => {
    const page = readFileSync('docs/iac-terraform.md', 'utf8');
    const table = /<!-- terraform-mapping:start -->\n([\s\S]*?)\n<!-- terraform-mapping:end -->/.exec(page)?.[1];
    expect(table).toBe(terraformMappingTable());
  });

  it('every catalog AMI has a public SSM parameter or is one of those named without', () => {
    expect(AMIS_WITHOUT_PARAMETER).toEqual(AMIS.filter((a) => /EKS/.test(a.name)).map((a) => a.id));
    for (const p of Object.values(AMI_SSM_PARAMETERS)) expect(p.path).toMatch(/^\/aws\/service\//);
  });
});
