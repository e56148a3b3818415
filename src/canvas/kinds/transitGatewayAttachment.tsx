import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

/** An attachment is a card joined to its transit gateway and to its VPC (or customer gateway). */
export const transitGatewayAttachmentView: KindView<'transitGatewayAttachment'> = {
  node: card(ICONS.tgwAttachment, ACCENT.network),
  icon: ICONS.tgwAttachment,
  palette: [
    {
      group: 'Networking',
      id: 'tgw-attach',
      label: 'Transit gateway attachment',
      hint: 'Or connect a VPC to a transit gateway',
    },
  ],
  edges: [
    { field: 'vpcId', role: 'link', direction: 'in' },
    { field: 'customerGatewayId', role: 'link', direction: 'in' },
    { field: 'transitGatewayId', role: 'link', direction: 'out' },
    { field: 'peerTransitGatewayId', role: 'link', direction: 'out' },
  ],
  band: 'bottom',
  facts(_, attachment, facts) {
    facts.lines.push(
      attachment.type === 'vpc'
        ? `VPC · ${attachment.subnetIds.length} subnet${attachment.subnetIds.length === 1 ? '' : 's'} · ${attachment.state}`
        : `${attachment.type === 'vpn' ? 'VPN' : 'Peering (static routes only)'} · ${attachment.state}`,
    );
  },
};
