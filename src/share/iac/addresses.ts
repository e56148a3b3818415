import type { Design } from '../../domain/design';
import { allocatePrivateIp, formatIpv4, parseCidr, parseIpv4 } from '../../net';

type Addressed = { kind: string; name: string; subnetId?: string; privateIp?: unknown; state?: string };

/** Kinds whose `privateIp` is one address in their `subnetId`, which validation requires. */
const ADDRESSED_KINDS = new Set(['ec2Instance', 'natGateway', 'dbInstance']);

/**
 * Code written elsewhere usually leaves private addresses to AWS: an instance,
 * NAT gateway or database gets one from its subnet's range when it is created,
 * and a plan says "known after apply". Nimbus needs one to check reachability,
 * so each such resource gets its subnet's lowest free address (AWS reserves a
 * subnet's first four and last address), and the note says these are Nimbus's
 * choice. Sources: Amazon VPC User Guide, "Subnet CIDR blocks"
 * (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html);
 * Amazon EC2 User Guide, "Private IPv4 addresses"
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html).
 * Only for code without a sidecar: with one, the design is restored as it was.
 */
export function assignMissingAddresses(design: Design): { design: Design; warning: string | null } {
  const resources = design.resources as Record<string, Addressed>;
  const taken = new Set<number>();
  const missing: string[] = [];
  for (const [id, r] of Object.entries(resources)) {
    for (const text of addressesOf(r)) {
      const parsed = parseIpv4(text);
      if (parsed.ok) taken.add(parsed.value);
    }
    if (ADDRESSED_KINDS.has(r.kind) && r.privateIp === '' && r.state !== 'terminated' && r.subnetId) missing.push(id);
  }
  if (missing.length === 0) return { design, warning: null };
  const next = { ...resources };
  const given: string[] = [];
  for (const id of missing) {
    const r = resources[id]!;
    const subnet = resources[r.subnetId!] as (Addressed & { cidr?: unknown }) | undefined;
    const block = subnet?.kind === 'subnet' && typeof subnet.cidr === 'string' ? parseCidr(subnet.cidr) : undefined;
    const address = block?.ok ? allocatePrivateIp(block.value, taken) : null;
    if (address === null) continue;
    taken.add(address);
    next[id] = { ...r, privateIp: formatIpv4(address) };
    given.push(`${r.name} ${formatIpv4(address)}`);
  }
  if (given.length === 0) return { design, warning: null };
  const shown = given.slice(0, 5).join(', ') + (given.length > 5 ? `, and ${given.length - 5} more` : '');
  return {
    design: { ...design, resources: next as Design['resources'] },
    warning: `${given.length} private address${given.length === 1 ? '' : 'es'} the code leaves to AWS ${given.length === 1 ? 'is' : 'are'} Nimbus's choice, the lowest free address of the subnet (${shown}); AWS picks its own when it creates the resource.`,
  };
}

function addressesOf(r: Addressed & { standbyPrivateIp?: unknown; subnetMappings?: unknown }): string[] {
  const out: string[] = [];
  if (typeof r.privateIp === 'string') out.push(r.privateIp);
  if (typeof r.standbyPrivateIp === 'string') out.push(r.standbyPrivateIp);
  if (Array.isArray(r.subnetMappings))
    for (const m of r.subnetMappings as { privateIp?: unknown }[])
      if (typeof m.privateIp === 'string') out.push(m.privateIp);
  return out;
}
