import { protocolLabel, type PortRange, type Protocol } from '../../domain';

/** Rule presets offered in ACL and security-group tables (well-known ports, and the ephemeral range AWS suggests). */
export interface RulePreset {
  id: string;
  label: string;
  protocol: Protocol;
  ports: PortRange;
}

export const RULE_PRESETS: readonly RulePreset[] = [
  { id: 'all', label: 'All traffic', protocol: 'all', ports: null },
  { id: 'http', label: 'HTTP (80)', protocol: 'tcp', ports: { from: 80, to: 80 } },
  { id: 'https', label: 'HTTPS (443)', protocol: 'tcp', ports: { from: 443, to: 443 } },
  { id: 'ssh', label: 'SSH (22)', protocol: 'tcp', ports: { from: 22, to: 22 } },
  { id: 'rdp', label: 'RDP (3389)', protocol: 'tcp', ports: { from: 3389, to: 3389 } },
  { id: 'mysql', label: 'MySQL/Aurora (3306)', protocol: 'tcp', ports: { from: 3306, to: 3306 } },
  { id: 'postgres', label: 'PostgreSQL (5432)', protocol: 'tcp', ports: { from: 5432, to: 5432 } },
  { id: 'ephemeral', label: 'Ephemeral (1024-65535)', protocol: 'tcp', ports: { from: 1024, to: 65535 } },
  { id: 'custom-tcp', label: 'Custom TCP', protocol: 'tcp', ports: { from: 8080, to: 8080 } },
  { id: 'custom-udp', label: 'Custom UDP', protocol: 'udp', ports: { from: 53, to: 53 } },
  { id: 'icmp', label: 'ICMP (ping)', protocol: 'icmp', ports: null },
  // Another IP protocol by number covers all its traffic (no ports); 50 is ESP, IPsec's payload.
  { id: 'custom-protocol', label: 'Custom protocol (ESP, 50)', protocol: 50, ports: null },
];

/** The preset a rule matches, or the custom one of its protocol. */
export function presetOf(protocol: Protocol, ports: PortRange): RulePreset {
  const exact = RULE_PRESETS.find(
    (p) =>
      p.protocol === protocol &&
      p.ports?.from === ports?.from &&
      p.ports?.to === ports?.to &&
      !p.id.startsWith('custom'),
  );
  if (exact) return exact;
  if (typeof protocol === 'number')
    return { id: 'custom-protocol', label: `Custom: ${protocolLabel(protocol)}`, protocol, ports: null };
  return RULE_PRESETS.find(
    (p) =>
      p.id ===
      (protocol === 'udp' ? 'custom-udp' : protocol === 'icmp' ? 'icmp' : protocol === 'all' ? 'all' : 'custom-tcp'),
  )!;
}

export function formatPorts(ports: PortRange): string {
  if (!ports) return 'all';
  return ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`;
}

/** Parses `80`, `1024-65535`; null when the text is not a port or range. */
export function parsePorts(text: string): PortRange | undefined {
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5}))?\s*$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from > 65535 || to > 65535) return undefined;
  return { from, to };
}
