import {
  EBS_MAX_SIZE_GIB,
  EBS_MIN_SIZE_GIB,
  EbsVolumeTypeSchema,
  getResource,
  PRICES,
  resourcesOfKind,
  type EbsVolume,
  type EbsVolumeType,
} from '../../domain';
import { connectResources, updateResource } from '../../store';
import { CheckboxField, NumberField, Section, SelectField } from './fields';
import type { EditorProps } from './editors';

const TYPE_LABEL: Record<EbsVolumeType, string> = {
  gp3: 'gp3 (General Purpose SSD)',
  gp2: 'gp2 (General Purpose SSD, previous generation)',
  io2: 'io2 (Provisioned IOPS SSD)',
  st1: 'st1 (Throughput Optimized HDD)',
  sc1: 'sc1 (Cold HDD)',
};

export function EbsVolumeEditor({ resource: volume, design }: EditorProps<EbsVolume>) {
  const zone = getResource(design, volume.availabilityZoneId, 'availabilityZone');
  const inZone = resourcesOfKind(design, 'ec2Instance').filter(
    (i) => getResource(design, i.subnetId, 'subnet')?.azId === volume.availabilityZoneId,
  );
  const minimum = EBS_MIN_SIZE_GIB[volume.volumeType];
  const perMonth = PRICES.ebsGbMonthByType[volume.volumeType] * volume.sizeGiB;
  return (
    <Section title="Storage">
      <SelectField
        label="Volume type"
        value={volume.volumeType}
        options={EbsVolumeTypeSchema.options.map((t) => ({ value: t, label: TYPE_LABEL[t] }))}
        onChange={(v) => updateResource<EbsVolume>(volume.id, (d) => void (d.volumeType = v))}
      />
      <NumberField
        label="Size (GiB)"
        value={volume.sizeGiB}
        min={minimum}
        max={EBS_MAX_SIZE_GIB}
        hint={`USD ${perMonth.toFixed(2)} a month at ${PRICES.ebsGbMonthByType[volume.volumeType]}/GB-month (Amazon EBS pricing, us-east-1); Nimbus does not bill extra IOPS or throughput`}
        error={
          volume.sizeGiB < minimum
            ? `${volume.volumeType} volumes are ${minimum.toLocaleString('en-US')} to ${EBS_MAX_SIZE_GIB.toLocaleString('en-US')} GiB.`
            : null
        }
        onChange={(v) =>
          v !== null && updateResource<EbsVolume>(volume.id, (d) => void (d.sizeGiB = Math.round(v)), 'size')
        }
      />
      <SelectField
        label={`Attached to (instances in ${zone?.zoneName ?? 'its zone'})`}
        value={volume.attachedInstanceId ?? ''}
        options={[
          { value: '', label: 'Nothing (available)' },
          ...inZone.map((i) => ({ value: i.id as string, label: i.name })),
        ]}
        onChange={(v) =>
          v === ''
            ? updateResource<EbsVolume>(volume.id, (d) => void (d.attachedInstanceId = null))
            : connectResources(volume.id, v)
        }
      />
      <CheckboxField
        label="Delete when the instance terminates"
        hint="Off by default for a volume attached after launch: it outlives the instance and keeps billing"
        checked={volume.deleteOnTermination}
        onChange={(v) => updateResource<EbsVolume>(volume.id, (d) => void (d.deleteOnTermination = v))}
      />
    </Section>
  );
}
