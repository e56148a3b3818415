/**
 * Terraform: export a design as HCL with a `.nimbus.json` sidecar, and import
 * HCL, plan JSON (`terraform show -json`) and state JSON (format 4).
 */
export {
  TERRAFORM_FORMAT,
  importTerraform,
  importTerraformHcl,
  importTerraformPlan,
  importTerraformState,
  terraformPlanSides,
  recognisesTerraform,
} from './format';
export { exportTerraform } from './exportTerraform';
export { TERRAFORM_TYPES_BY_KIND } from './table';
export { PROVIDER_VERSION } from './version';
