import { describe, expect, it } from 'vitest';
import { DesignBuilder, sequentialIds, type Design, type EbsVolume } from '../domain';
import { connect } from './connections';
import { validateDesign } from './validate';

/** Two zones with an instance each, and a detached volume in the first. */
function twoZones(): Design {
  const b = new DesignBuilder('ebs');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const a = b.zone(region, 'us-east-1a', vpc);
  const other = b.zone(region, 'us-east-1b', vpc);
  const inA = b.subnet(vpc, a, '10.0.1.0/24', 'A');
  const inB = b.subnet(vpc, other, '10.0.2.0/24', 'B');
  const web = b.instance(inA, '10.0.1.10', [vpc.defaultSecurityGroup.id], 'web-a');
  b.instance(inB, '10.0.2.10', [vpc.defaultSecurityGroup.id], 'web-b');
  const volume: EbsVolume = {
    kind: 'ebsVolume',
    id: 'vol-1' as never,
    name: 'data',
    availabilityZoneId: a.id,
    volumeType: 'gp3',
    sizeGiB: 20,
    attachedInstanceId: null,
    deleteOnTermination: false,
  };
  b.add(volume);
  void web;
  return b.build();
}
const idOf = (d: Design, name: string) => Object.values(d.resources).find((r) => r.name === name)!.id;

describe('EBS volumes', () => {
  it('attach by connecting to an instance in the same zone', () => {
    const d = twoZones();
    const result = connect(d, 'vol-1', idOf(d, 'web-a'), sequentialIds());
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.design.resources['vol-1'] as EbsVolume).attachedInstanceId).toBe(idOf(d, 'web-a'));
  });

  it('refuse an instance in another zone with AWS’s error', () => {
    const d = twoZones();
    const result = connect(d, idOf(d, 'web-b'), 'vol-1', sequentialIds());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('InvalidVolume.ZoneMismatch');
  });

  it('are checked: an HDD volume under 125 GiB, an attachment across zones', () => {
    const d = twoZones();
    const volume = d.resources['vol-1'] as EbsVolume;
    const codes = (x: Design) => validateDesign(x).map((f) => f.code);
    expect(codes(d)).not.toContain('EBS_VOLUME_SIZE');
    expect(codes({ ...d, resources: { ...d.resources, 'vol-1': { ...volume, volumeType: 'st1' } } })).toContain(
      'EBS_VOLUME_SIZE',
    );
    const across = { ...volume, attachedInstanceId: idOf(d, 'web-b') as never };
    expect(codes({ ...d, resources: { ...d.resources, 'vol-1': across } })).toContain('EBS_VOLUME_ZONE_MISMATCH');
  });
});
