import { autoPublicIpv4Of, findInstanceType, getResource } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const ec2InstanceView: KindView<'ec2Instance'> = {
  node: card(ICONS.ec2, ACCENT.compute),
  icon: ICONS.ec2,
  palette: [{ group: 'Compute', id: 'ec2', label: 'EC2 instance', hint: 'Drop in a subnet' }],
  band: 'main',
  facts(design, instance, facts) {
    const type = findInstanceType(instance.instanceType);
    facts.lines.push(type ? `${type.name} · ${type.vcpu} vCPU · ${type.memoryGiB} GiB` : instance.instanceType);
    const eip = getResource(design, instance.elasticIpId, 'elasticIp');
    facts.lines.push(
      `${instance.privateIp}${eip ? ` · EIP ${eip.publicIp}` : instance.publicIp ? ` · ${autoPublicIpv4Of(instance) ?? 'public IPv4'}` : ''}`,
    );
    facts.badges.push({ text: instance.state, tone: 'state' });
    for (const id of instance.securityGroupIds) {
      const group = getResource(design, id, 'securityGroup');
      if (group) facts.badges.push({ text: `SG: ${group.name}`, tone: 'neutral' });
    }
  },
};
