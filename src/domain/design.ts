import { type ResourceId } from './ids';
import type { Resource, SimulationSettings, Design } from './design.schema';

export const DESIGN_FORMAT = 'nimbus-design';
export const CURRENT_DESIGN_VERSION = 2;
export type Kind = Resource['kind'];
/** The resource type of one kind: `ResourceOf<'subnet'>` is `Subnet`. */
export type ResourceOf<K extends Kind> = Extract<Resource, { kind: K }>;

/**
 * Simulation settings with AWS's defaults, and the changes given. The defaults are the schema's
 * (`SimulationSettingsSchema`, whose test compares them), written out so this needs no zod at run time.
 */
export const simulationSettings = (changes: Partial<SimulationSettings> = {}): SimulationSettings => ({
  accountConcurrency: 1000,
  lambdaFreeTier: true,
  lambdaScaling: 'perFunction',
  actions: [],
  changes: [],
  faults: [],
  ...changes,
});

export function emptyDesign(name = 'Untitled design'): Design {
  return { format: DESIGN_FORMAT, version: CURRENT_DESIGN_VERSION, name, resources: {}, layout: {} };
}

export { resourcesOfKind, getResource, resourceById, layoutParent } from './lookup';

export type { ResourceId };

export type { Resource, LayoutEntry, SimulationSettings, SetAside, Design } from './design.schema';
