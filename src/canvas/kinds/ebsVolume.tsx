import { getResource } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const ebsVolumeView: KindView<'ebsVolume'> = {
  node: card(ICONS.ebsVolume, ACCENT.compute),
  icon: ICONS.ebsVolume,
  palette: [
    { group: 'Compute', id: 'ebs', label: 'EBS volume', hint: 'Drop in an Availability Zone, join to an instance' },
  ],
  band: 'bottom',
  facts(design, volume, facts) {
    facts.lines.push(`${volume.volumeType} · ${volume.sizeGiB.toLocaleString('en-US')} GiB`);
    const instance = getResource(design, volume.attachedInstanceId, 'ec2Instance');
    facts.badges.push(
      instance ? { text: `attached: ${instance.name}`, tone: 'neutral' } : { text: 'available', tone: 'state' },
    );
  },
  edges: [{ field: 'attachedInstanceId', role: 'link', direction: 'out' }],
};
