import { PRICES } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const vpcEndpointView: KindView<'vpcEndpoint'> = {
  node: card(ICONS.vpcEndpoints, ACCENT.network),
  icon: ICONS.vpcEndpoints,
  palette: [
    {
      group: 'Networking',
      id: 'vpce-s3',
      label: 'S3 gateway endpoint',
      hint: 'Drop in a VPC (Nimbus uses us-east-1’s S3 ranges everywhere)',
    },
    {
      group: 'Networking',
      id: 'vpce-dynamodb',
      label: 'DynamoDB gateway endpoint',
      hint: 'Drop in a VPC (Nimbus uses us-east-1’s DynamoDB ranges everywhere)',
      variant: 'dynamodb',
    },
  ],
  edges: [{ field: 'prefixListId', role: 'link', direction: 'out' }],
  band: 'top',
  facts(_, endpoint, facts) {
    facts.lines.push(
      endpoint.type === 'gateway'
        ? `Gateway · ${endpoint.serviceName} · ${endpoint.routeTableIds.length} route table${endpoint.routeTableIds.length === 1 ? '' : 's'} · no charge`
        : `Interface · ${endpoint.serviceName} · ${endpoint.subnetIds.length} subnet${endpoint.subnetIds.length === 1 ? '' : 's'}`,
    );
    if (endpoint.type === 'interface')
      facts.lines.push(
        `$${PRICES.interfaceEndpoint.azHour}/zone-hour, $${PRICES.interfaceEndpoint.perGb}/GB processed · AWS PrivateLink pricing`,
      );
  },
};
