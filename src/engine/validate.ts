import type { Design } from '../domain';
import type { Finding } from './findings';
import { addressRules } from './rules/addressRules';
import { autoScalingRules } from './rules/autoScalingRules';
import { clientVpnRules } from './rules/clientVpnRules';
import { computeRules } from './rules/computeRules';
import { databaseRules } from './rules/databaseRules';
import { eksRules } from './rules/eksRules';
import { faultRules } from './rules/faultRules';
import { flowRules } from './rules/flowRules';
import { gatewayRules } from './rules/gatewayRules';
import { interfaceRules } from './rules/interfaceRules';
import { loadBalancerRules } from './rules/loadBalancerRules';
import { networkRules } from './rules/networkRules';
import { routeRules } from './rules/routeRules';
import { referenceRules } from './rules/referenceRules';
import { ruleListRules } from './rules/ruleListRules';
import { subnetRules } from './rules/subnetRules';
import { vpcRules } from './rules/vpcRules';

const RULE_SETS = [
  vpcRules,
  subnetRules,
  addressRules,
  routeRules,
  gatewayRules,
  interfaceRules,
  ruleListRules,
  computeRules,
  flowRules,
  networkRules,
  loadBalancerRules,
  autoScalingRules,
  databaseRules,
  eksRules,
  faultRules,
  clientVpnRules,
];

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/** Every finding for the design: errors first, then warnings, each in resource order. */
export function validateDesign(design: Design): Finding[] {
  const topical = RULE_SETS.flatMap((rules) => rules(design));
  // The generic reference check runs last: it leaves to a topic rule what that rule already explained.
  const findings = [...topical, ...referenceRules(design, topical)];
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
