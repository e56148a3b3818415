import { resourcesOfKind, type Design } from '../domain';
import type { EndpointSpec } from '../engine';

/** Everything traffic can start from or go to, as select options (value encodes the endpoint). */
export function endpointOptions(design: Design): Array<{ value: string; label: string; group: string }> {
  return [
    { value: 'internet', label: 'The internet', group: 'Outside' },
    ...resourcesOfKind(design, 'onPremisesNetwork').map((n) => ({
      value: `onprem:${n.id}`,
      label: `${n.name} (${n.cidrs.join(', ')})`,
      group: 'Outside',
    })),
    ...resourcesOfKind(design, 'ec2Instance').map((i) => ({
      value: `res:${i.id}`,
      label: `${i.name} (${i.privateIp})`,
      group: 'Instances',
    })),
    ...resourcesOfKind(design, 'natGateway').map((n) => ({
      value: `res:${n.id}`,
      label: n.name,
      group: 'NAT gateways',
    })),
    ...resourcesOfKind(design, 'lambdaFunction')
      .filter((f) => f.vpcConfig)
      .map((f) => ({ value: `res:${f.id}`, label: f.name, group: 'Functions with VPC access' })),
  ];
}

export function toSpec(value: string): EndpointSpec {
  if (value.startsWith('onprem:')) return { kind: 'onPremises', id: value.slice(7) };
  if (value.startsWith('res:')) return { kind: 'resource', id: value.slice(4) };
  return { kind: 'internet' };
}

/** The same choice written as a flow endpoint (the text the CLI and design files use). */
export const toFlowEndpoint = (value: string): string => value.replace(/^(res|onprem):/, '');

/** The protocols a reachability question or a flow can use. */
export const PROTOCOL_OPTIONS = [
  { value: 'tcp', label: 'TCP' },
  { value: 'udp', label: 'UDP' },
  { value: 'icmp', label: 'ICMP (ping)' },
] as const satisfies ReadonlyArray<{ value: 'tcp' | 'udp' | 'icmp'; label: string }>;
