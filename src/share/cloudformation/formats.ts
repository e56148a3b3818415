import type { Design } from '../../domain/design';
import type { IacFile, IacFormat } from '../iac/types';
import { designToTemplate } from './export';
import { importCloudFormation, looksLikeCloudFormation } from './import';
import { writeYaml } from './yamlText';

const fileBase = (design: Design) => design.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'design';

/** The template text of a design: YAML with short-form intrinsics, or JSON with their long forms. */
export function templateText(design: Design, syntax: 'yaml' | 'json'): string {
  const template = designToTemplate(design);
  return syntax === 'yaml' ? writeYaml(template) : `${JSON.stringify(template, null, 2)}\n`;
}

const format = (id: string, label: string, syntax: 'yaml' | 'json'): IacFormat => ({
  id,
  label,
  exportDesign: (design): IacFile[] => [
    {
      name: `${fileBase(design)}.${syntax === 'yaml' ? 'yaml' : 'json'}`,
      text: templateText(design, syntax),
      mime: syntax === 'yaml' ? 'application/yaml' : 'application/json',
    },
  ],
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
