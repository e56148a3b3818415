import { getResource } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const autoScalingGroupView: KindView<'autoScalingGroup'> = {
  node: card(ICONS.autoScaling, ACCENT.compute),
  icon: ICONS.autoScaling,
  palette: [
    {
      group: 'Compute',
      id: 'asg',
      label: 'Auto Scaling group',
      hint: 'Drop in a VPC (comes with its launch template)',
    },
  ],
  band: 'main',
  edges: [
    { field: 'launchTemplateId', role: 'link', direction: 'out' },
    { field: 'targetGroupIds', role: 'link', direction: 'out' },
  ],
  facts(design, group, facts) {
    const template = getResource(design, group.launchTemplateId, 'launchTemplate');
    facts.lines.push(
      `min ${group.minSize} · desired ${group.desiredCapacity} · max ${group.maxSize} · ${group.subnetIds.length} subnet${group.subnetIds.length === 1 ? '' : 's'}`,
    );
    facts.lines.push(
      `${template ? template.instanceType : 'no launch template'} · ${group.healthCheckType} health checks`,
    );
  },
};
