import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloudFormationTableMarkdown } from './docsTable';

describe('docs/iac.md', () => {
  it('shows the mapping table as CFN_MAPPINGS has it (regenerate it with cloudFormationTableMarkdown)', () => {
    const page = readFileSync(new URL('../../../docs/iac.md', import.meta.url), 'utf8');
    const table = /<!-- cloudformation-table:start -->\n([\s\S]*?)\n<!-- cloudformation-table:end -->/.exec(page)?.[1];
    expect(table).toBe(cloudFormationTableMarkdown());
  });
});
