export * from './endpoints';
export * from './endpointText';
export * from './routeLookup';
export * from './ruleEvaluate';
export * from './trace';
export * from './reachability';
export * from './fixes';
export * from './exposure';
export { addressAtomStarts, portAtomStarts } from './atoms';
export { hybridLink } from './targets';
export type { PathOptions } from './context';
export { healthCheckBlock, type HealthCheckBlock } from './healthChecks';
export {
  analyzeThroughLoadBalancer,
  listenerLabel,
  listenerOn,
  type LoadBalancerReach,
  type TargetFailure,
  type TargetLeg,
  type TargetReach,
} from './loadBalancers';
export { loadBalancerNodes, type LoadBalancerNode } from './loadBalancerNodes';
export { networkEpochOf, type NetworkEpoch } from './networkEpoch';
