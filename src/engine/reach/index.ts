export * from './endpoints';
export * from './routeLookup';
export * from './ruleEvaluate';
export * from './trace';
export * from './reachability';
export * from './fixes';
export * from './exposure';
export { hybridLink } from './targets';
export type { PathOptions } from './context';
