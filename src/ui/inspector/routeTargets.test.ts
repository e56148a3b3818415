import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../../domain';
import { sampleDesign } from '../../engine/testing/sampleDesign';
import { routeTargetOptions } from './routeTargets';

describe('routeTargetOptions', () => {
  it("offers the VPC's gateways and instances, named with what they are", () => {
    const design = sampleDesign();
    const vpc = Object.values(design.resources).find((r) => r.kind === 'vpc')!;
    expect(routeTargetOptions(design, vpc.id).map((o) => o.label)).toEqual([
      'Internet gateway (internet gateway)',
      'Web server (instance)',
      'App server (instance)',
    ]);
  });

  it('leaves out what belongs to another VPC', () => {
    const b = new DesignBuilder('Two VPCs');
    const region = b.region('us-east-1');
    const zone = b.zone(region, 'us-east-1a');
    const first = b.vpc(region, '10.0.0.0/16');
    const second = b.vpc(region, '10.1.0.0/16');
    const subnet = b.subnet(second, zone, '10.1.1.0/24', 'Other subnet');
    b.internetGateway(second);
    b.instance(subnet, '10.1.1.10', [second.defaultSecurityGroup.id], 'Other server');
    const design = b.build();
    expect(routeTargetOptions(design, first.vpc.id)).toEqual([]);
    expect(routeTargetOptions(design, second.vpc.id)).toHaveLength(2);
  });
});
