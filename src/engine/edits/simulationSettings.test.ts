import { describe, expect, it } from 'vitest';
import { DesignBuilder, simulationSettings } from '../../domain';
import { setSimulationSettings } from './simulationSettings';

describe('simulation settings', () => {
  it('a design without settings gets AWS’s defaults and the one change asked for', () => {
    const design = new DesignBuilder('d').build();
    const next = setSimulationSettings(design, { lambdaFreeTier: false });
    expect(next.simulation).toEqual({
      accountConcurrency: 1000,
      lambdaFreeTier: false,
      lambdaScaling: 'perFunction',
      actions: [],
      changes: [],
      faults: [],
    });
    expect(design.simulation).toBeUndefined();
  });

  it('keeps the other settings, scheduled actions included', () => {
    const design = {
      ...new DesignBuilder('d').build(),
      simulation: simulationSettings({
        accountConcurrency: 50,
        actions: [{ at: 5, instanceId: 'i-1', action: 'stop' }],
      }),
    };
    expect(setSimulationSettings(design, { lambdaFreeTier: false }).simulation).toEqual({
      ...design.simulation,
      lambdaFreeTier: false,
    });
  });
});
