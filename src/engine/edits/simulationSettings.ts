import { simulationSettings, type Design, type SimulationSettings } from '../../domain';

/** Changes some of the design's simulation settings; the others keep their values (or AWS's defaults). */
export function setSimulationSettings(design: Design, patch: Partial<Omit<SimulationSettings, 'actions'>>): Design {
  const current = design.simulation ?? simulationSettings();
  return { ...design, simulation: { ...current, ...patch } };
}
