import { resourceById, type Design } from '../../domain';
import type { EndpointSpec } from './endpoints';

export type ParsedEndpoint = { ok: true; spec: EndpointSpec } | { ok: false; error: string };

const IPV4_SHAPE = /^\d{1,3}(\.\d{1,3}){3}$/;
/** `host-in:<subnet id>`: any host launched in that subnet. */
const HOST_IN = 'host-in:';

/**
 * Reads an endpoint as people type it and as flows store it: `internet`, an
 * IPv4 address, a resource id, or a resource name (case-insensitive, must be
 * unique). An on-premises network becomes an `onPremises` endpoint.
 */
export function parseEndpoint(design: Design, text: string): ParsedEndpoint {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'internet') return { ok: true, spec: { kind: 'internet' } };
  if (IPV4_SHAPE.test(trimmed)) return { ok: true, spec: { kind: 'address', address: trimmed } };
  if (trimmed.toLowerCase().startsWith(HOST_IN)) {
    const subnet = resourceById(design, trimmed.slice(HOST_IN.length));
    return subnet?.kind === 'subnet'
      ? { ok: true, spec: { kind: 'subnetHost', subnetId: subnet.id } }
      : { ok: false, error: `"${trimmed}" names no subnet (write host-in:<subnet id>)` };
  }
  // Own ids only: `constructor` is a resource only when the design has one by that id.
  const asSpec = (id: string): EndpointSpec =>
    resourceById(design, id)?.kind === 'onPremisesNetwork' ? { kind: 'onPremises', id } : { kind: 'resource', id };
  if (resourceById(design, trimmed)) return { ok: true, spec: asSpec(trimmed) };
  const matches = Object.values(design.resources).filter((r) => r.name.toLowerCase() === trimmed.toLowerCase());
  if (matches.length === 1) return { ok: true, spec: asSpec(matches[0]!.id) };
  if (matches.length > 1)
    return {
      ok: false,
      error: `"${trimmed}" names ${matches.length} resources (${matches.map((m) => m.id).join(', ')}); use an id`,
    };
  return { ok: false, error: `no resource, address or "internet" matches "${trimmed}"` };
}

/**
 * The stable text of an endpoint, the form flows store and `parseEndpoint`
 * reads back: `internet`, a resource id (names change, ids don't) or an
 * address. A host at a chosen address is written as that address, which
 * resolves to whatever holds it.
 */
export function formatEndpoint(spec: EndpointSpec): string {
  switch (spec.kind) {
    case 'internet':
      return spec.address ?? 'internet';
    case 'onPremises':
      return spec.address ?? spec.id;
    case 'resource':
      return spec.id;
    case 'address':
      return spec.address;
    case 'subnetHost':
      return `${HOST_IN}${spec.subnetId}`;
  }
}
