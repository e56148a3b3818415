/** The canvas half of the kind registry: one view file per kind and the registry that lists them. */
export * from './view';
export * from './registry';
