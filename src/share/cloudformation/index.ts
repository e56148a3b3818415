/**
 * CloudFormation: a design written as a template (YAML with short-form
 * intrinsics, or JSON) and templates read back into designs. The public
 * surface: the two `IacFormat` entries, the table of kinds, and the functions
 * the tests and the CLI call.
 */
export { CLOUDFORMATION_YAML, CLOUDFORMATION_JSON, templateText } from './formats';
export { CFN_MAPPINGS } from './mapping';
export { designToTemplate, inCode, type CfnTemplate } from './export';
export { importCloudFormation, looksLikeCloudFormation, readTemplateObject } from './import';
export { AMI_PARAMETERS } from './amis';
