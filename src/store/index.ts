export * from './designStore';
export * from './viewStore';
export * from './commands';
export * from './findings';
export * from './persistence';
export * from './download';
export * from './canvasCommands';
export * from './workerClient';
