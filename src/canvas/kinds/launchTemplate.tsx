import { findAmi } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const launchTemplateView: KindView<'launchTemplate'> = {
  node: card(ICONS.launchTemplate, ACCENT.compute),
  icon: ICONS.launchTemplate,
  palette: [{ group: 'Compute', id: 'launch-template', label: 'Launch template', hint: 'Drop in a Region' }],
  band: 'bottom',
  facts(_, template, facts) {
    facts.lines.push(`${template.instanceType} · Name: ${template.instanceName}`);
    facts.lines.push(
      `${findAmi(template.amiId)?.name ?? template.amiId}${template.associatePublicIp ? ' · public IPv4' : ''}`,
    );
  },
};
