import type { Design } from '../../domain/design';
import type { IacFile, IacFormat } from '../iac/types';
import { exportTemplate } from './export';
import { importCloudFormation, looksLikeCloudFormation } from './import';
import { writeYaml } from './yamlText';

const fileBase = (design: Design) => design.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'design';

/** The template text of a design: YAML with short-form intrinsics, or JSON with their long forms. */
export function templateText(design: Design, syntax: 'yaml' | 'json'): string {
  return templateFile(design, syntax).text;
}

function templateFile(design: Design, syntax: 'yaml' | 'json'): { text: string; warnings: string[] } {
  const { template, warnings } = exportTemplate(design);
  return { text: syntax === 'yaml' ? writeYaml(template) : `${JSON.stringify(template, null, 2)}\n`, warnings };
}

const format = (id: string, label: string, syntax: 'yaml' | 'json'): IacFormat => ({
  id,
  label,
  exportDesign: (design): IacFile[] => {
    const { text, warnings } = templateFile(design, syntax);
    return [
      {
        name: `${fileBase(design)}.${syntax === 'yaml' ? 'yaml' : 'json'}`,
        text,
        mime: syntax === 'yaml' ? 'application/yaml' : 'application/json',
        ...(warnings.length > 0 ? { warnings } : {}),
      },
    ];
  },
  recognises: (text, fileName) => {
    try {
      return looksLikeCloudFormation(text, fileName) && (syntax === 'json') === text.trimStart().startsWith('{');
    } catch {
      return false;
    }
  },
  importText: (text, fileName) => importCloudFormation(text, fileName),
});

export const CLOUDFORMATION_YAML = format('cloudformation', 'CloudFormation (YAML)', 'yaml');
export const CLOUDFORMATION_JSON = format('cloudformation-json', 'CloudFormation (JSON)', 'json');
