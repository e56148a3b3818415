import { describe, expect, it } from 'vitest';
import { simulationSettings } from './design';
import { SimulationSettingsSchema } from './design.schema';
import { defaultHealthCheck } from './kinds/targetGroup';
import { HealthCheckSchema, TargetGroupSchema } from './kinds/targetGroup.schema';
import { TRIGGER_SOURCE_NAMES } from './kinds/lambdaTrigger';
import { LambdaTriggerSchema } from './kinds/lambdaTrigger.schema';

// Specs run before any schema is loaded (the page's first JavaScript has no zod), so the
// defaults they need are written out; these tests keep them equal to the schemas'.
describe('defaults written out in specs match their schemas', () => {
  it('simulation settings', () => {
    expect(simulationSettings()).toEqual(SimulationSettingsSchema.parse({}));
  });

  it('a target group health check, for every protocol', () => {
    for (const protocol of TargetGroupSchema.shape.protocol.unwrap().options) {
      const http = protocol === 'HTTP' || protocol === 'HTTPS';
      expect(defaultHealthCheck(protocol)).toEqual(
        HealthCheckSchema.parse(http ? {} : { protocol: 'TCP', timeoutSeconds: 10 }),
      );
    }
    expect(defaultHealthCheck('HTTP')).toEqual(HealthCheckSchema.parse({}));
  });

  it('the Lambda trigger sources, in the schema order', () => {
    expect(Object.keys(TRIGGER_SOURCE_NAMES)).toEqual(LambdaTriggerSchema.shape.source.options);
  });
});
