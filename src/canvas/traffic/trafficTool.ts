import type { Resource } from '../../domain';
import { formatEndpoint } from '../../engine';
import { addFlow, useLibraryStore, useTrafficView, useViewStore } from '../../store';

/** What can send or receive a flow, as the flow stores it: what the reachability engine resolves as an endpoint. */
function endpointOf(resource: Resource): string | null {
  switch (resource.kind) {
    case 'internet':
      return formatEndpoint({ kind: 'internet' });
    case 'ec2Instance':
    case 'natGateway':
      return formatEndpoint({ kind: 'resource', id: resource.id });
    case 'onPremisesNetwork':
      return formatEndpoint({ kind: 'onPremises', id: resource.id });
    case 'lambdaFunction':
      return resource.vpcConfig ? formatEndpoint({ kind: 'resource', id: resource.id }) : null;
    default:
      return null;
  }
}

/**
 * One click of the traffic tool: the first picks the source, the second the
 * destination and adds the flow (HTTPS, 10 requests a second, editable in the
 * Traffic tab).
 */
export function pickFlowEnd(resource: Resource, source: string | null): { ok: boolean; message: string } {
  if (useLibraryStore.getState().viewOnly) {
    useTrafficView.getState().setTool(null);
    return { ok: false, message: 'This is a view-only design: make a copy to add traffic.' };
  }
  const endpoint = endpointOf(resource);
  if (!endpoint)
    return {
      ok: false,
      message: `${resource.name} can't send or receive traffic: pick an instance, a NAT gateway, the internet or an on-premises network.`,
    };
  if (source === null) {
    useTrafficView.getState().setTool({ source: endpoint });
    return { ok: true, message: `Traffic from ${resource.name}: now click its destination.` };
  }
  if (source === endpoint) return { ok: false, message: 'Pick a different destination.' };
  addFlow({ name: `to ${resource.name}`, from: source, to: endpoint, protocol: 'tcp', port: 443, ratePerSecond: 10 });
  useTrafficView.getState().setTool(null);
  useViewStore.getState().showPanel('traffic');
  return {
    ok: true,
    message: `Added a flow to ${resource.name} on TCP 443; change its port and rate in the Traffic tab.`,
  };
}
