import { getResource, PRICES } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const loadBalancerView: KindView<'loadBalancer'> = {
  node: card(ICONS.elb, ACCENT.network),
  icon: ICONS.alb,
  palette: [
    {
      group: 'Networking',
      id: 'alb',
      label: 'Application Load Balancer',
      hint: 'Drop in a VPC with subnets in two zones',
      icon: ICONS.alb,
    },
    {
      group: 'Networking',
      id: 'nlb',
      label: 'Network Load Balancer',
      hint: 'Drop in a VPC',
      variant: 'network',
      icon: ICONS.nlb,
    },
  ],
  band: 'top',
  edges: [{ field: 'listeners.targetGroupId', role: 'link', direction: 'out' }],
  facts(design, lb, facts) {
    const zones = new Set(
      lb.subnetMappings.map((m) => getResource(design, m.subnetId, 'subnet')?.azId).filter((z) => z !== undefined),
    );
    facts.lines.push(
      `${lb.type === 'application' ? 'ALB' : 'NLB'} · ${lb.scheme} · ${zones.size} zone${zones.size === 1 ? '' : 's'}`,
    );
    if (lb.listeners.length > 0) facts.lines.push(lb.listeners.map((l) => `${l.protocol}:${l.port}`).join(', '));
    facts.badges.push(
      lb.scheme === 'internet-facing'
        ? { text: 'Internet-facing', tone: 'public' }
        : { text: 'Internal', tone: 'private' },
    );
    const price = PRICES.elb[lb.type];
    facts.lines.push(
      `$${price.hour}/h + $${price.lcuHour}/${lb.type === 'application' ? 'LCU' : 'NLCU'}-h · ELB pricing`,
    );
  },
};
