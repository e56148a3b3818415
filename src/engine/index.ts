export * from './findings';
export * from './topology';
export * from './validate';
export * from './containment';
export * from './proposals';
export * from './placement';
export * from './connections';
export * from './reach';
