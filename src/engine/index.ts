export * from './findings';
export * from './topology';
export * from './validate';
