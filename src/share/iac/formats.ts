import type { IacFormat } from './types';
import { CLOUDFORMATION_JSON, CLOUDFORMATION_YAML } from '../cloudformation/formats';
import { TERRAFORM_FORMAT } from '../terraform/format';

/** Every infrastructure-as-code format, in the order menus list them. */
export const IAC_FORMATS: readonly IacFormat[] = [CLOUDFORMATION_YAML, CLOUDFORMATION_JSON, TERRAFORM_FORMAT];

/** The format a file is in, or undefined when it is none of them. */
export function recogniseIacFormat(text: string, fileName: string): IacFormat | undefined {
  return IAC_FORMATS.find((format) => format.recognises(text, fileName));
}
