import { PRICES, resourcesOfKind } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const transitGatewayView: KindView<'transitGateway'> = {
  node: card(ICONS.transitGateway, ACCENT.network),
  icon: ICONS.transitGateway,
  palette: [{ group: 'Networking', id: 'tgw', label: 'Transit gateway', hint: 'Drop in a Region' }],
  band: 'top',
  facts(design, tgw, facts) {
    const attachments = resourcesOfKind(design, 'transitGatewayAttachment').filter(
      (a) => a.transitGatewayId === tgw.id,
    ).length;
    facts.lines.push(
      `${attachments} attachment${attachments === 1 ? '' : 's'} · ${tgw.routeTables.length} route table${tgw.routeTables.length === 1 ? '' : 's'}`,
    );
    // Every figure names its source; Nimbus bills the hours only (its traffic model counts requests, not bytes).
    facts.lines.push(
      `$${PRICES.transitGateway.attachmentHour}/attachment-hour, $${PRICES.transitGateway.perGb}/GB of flows · AWS Transit Gateway pricing`,
    );
  },
};
