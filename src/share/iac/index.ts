/** Infrastructure as code: what every format shares (the sidecar, the import note) and the table of formats. */
export * from './types';
export * from './sidecar';
export { IAC_FORMATS, recogniseIacFormat } from './formats';
