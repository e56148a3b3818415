// First, before any schema is built: zod probes for `eval` when a schema is made, and the page's policy
// refuses it. Importing it here puts it in the same chunk as the schemas (vite.config.ts), ahead of them.
import '../zodConfig';
export * from './ids';
export * from './ids.schema';
export * from './common';
export * from './common.schema';
export * from './kinds';
export * from './lookup';
export * from './ownKeys';
export * from './flows';
export * from './scheduledChanges';
export * from './faults';
export * from './design';
export * from './design.schema';
export * from './migrations';
export * from './parse';
export * from './salvage';
export * from './factories';
export * from './idSource';
export * from './catalogs/instanceTypes';
export * from './catalogs/amis';
export * from './catalogs/regions';
export * from './catalogs/limits';
export * from './builder';
export * from './catalogs/prices';
export * from './catalogs/servicePrefixLists';
export * from './catalogs/rds';
export * from './catalogs/eks';
