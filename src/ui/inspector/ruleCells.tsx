import type { Draft } from 'immer';
import {
  hasPorts,
  protocolLabel,
  readProtocol,
  type NaclRule,
  type NetworkAcl,
  type PortRange,
  type Protocol,
  type SecurityGroup,
} from '../../domain';
import { parseCidr } from '../../net';
import { formatPorts, parsePorts, presetOf, RULE_PRESETS } from './presets';
import type { RuleColumn, RuleTableProps } from './RuleTable';

/** Cell editors and columns shared by the rule tables: rule type presets, port ranges, CIDRs. */

type Direction = 'inbound' | 'outbound';

/** A network ACL or security-group rule: both are typed by protocol and ports. */
interface PortRule {
  protocol: Protocol;
  ports: PortRange;
}

/** The rule table props for one direction of a network ACL or security group, which keep each direction as a list. */
export function directionRules<Owner extends NetworkAcl | SecurityGroup>(
  owner: Owner,
  direction: Direction,
): Pick<
  RuleTableProps<Owner, Owner[Direction][number]>,
  'label' | 'owner' | 'rules' | 'rulesIn' | 'editKey' | 'addLabel'
> {
  return {
    label: `${direction === 'inbound' ? 'Inbound' : 'Outbound'} rules`,
    owner,
    rules: owner[direction],
    // One rule type per owner kind; TypeScript cannot follow that through the draft of a generic owner.
    rulesIn: (draft) => draft[direction] as Draft<Owner[Direction][number]>[],
    editKey: direction,
    addLabel: `Add ${direction} rule`,
  };
}

/** The far end of a rule: where inbound traffic comes from, where outbound traffic goes. */
export const peerLabel = (direction: Direction) => (direction === 'inbound' ? 'Source' : 'Destination');

const cidrError = (text: string) => {
  const parsed = parseCidr(text);
  return parsed.ok ? null : parsed.error;
};

/** A CIDR input that marks text that is not a CIDR and says why on hover. */
export function CidrCell({
  label,
  value,
  onChange,
  className,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  className: string;
  disabled?: boolean;
}) {
  const error = cidrError(value);
  return (
    <input
      aria-label={label}
      value={value}
      disabled={disabled}
      aria-invalid={!!error}
      // The whole value on hover, since a narrow column may cut it; the reason when it is not a CIDR.
      title={error ?? (value || undefined)}
      onChange={(e) => onChange(e.target.value)}
      className={`${className} font-mono`}
    />
  );
}

function PortsCell({
  ports,
  disabled,
  onChange,
  className,
}: {
  ports: NaclRule['ports'];
  disabled: boolean;
  onChange: (ports: NaclRule['ports']) => void;
  className: string;
}) {
  const invalid = !disabled && ports !== null && ports.from > ports.to;
  return (
    <input
      aria-label="Port range"
      defaultValue={formatPorts(ports)}
      title={formatPorts(ports)}
      key={formatPorts(ports)}
      disabled={disabled}
      aria-invalid={invalid}
      onBlur={(e) => {
        const parsed = parsePorts(e.target.value);
        if (parsed) onChange(parsed);
        else e.target.value = formatPorts(ports);
      }}
      className={`${className} font-mono disabled:opacity-50`}
    />
  );
}

function PresetCell({
  protocol,
  ports,
  onChange,
  className,
}: {
  protocol: NaclRule['protocol'];
  ports: NaclRule['ports'];
  onChange: (p: Pick<NaclRule, 'protocol' | 'ports'>) => void;
  className: string;
}) {
  const current = presetOf(protocol, ports);
  // A rule for another protocol number shows that number; picking it again keeps the rule as it is.
  const presets = RULE_PRESETS.map((p) => (p.id === current.id ? current : p));
  return (
    <select
      aria-label="Rule type"
      value={current.id}
      title={current.label}
      onChange={(e) => {
        const preset = presets.find((p) => p.id === e.target.value)!;
        onChange({ protocol: preset.protocol, ports: preset.ports });
      }}
      className={className}
    >
      {presets.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label}
        </option>
      ))}
    </select>
  );
}

/** The rule type: picking a preset (HTTPS, SSH, ephemeral ports…) sets protocol and ports together. */
export function ruleTypeColumn<R extends PortRule>(): RuleColumn<R> {
  return {
    header: 'Type',
    minWidth: 'min-w-[6rem]',
    cell: ({ rule }, { control, edit }) => (
      <PresetCell
        protocol={rule.protocol}
        ports={rule.ports}
        className={control}
        onChange={(preset) => edit((r) => void Object.assign(r, preset), 'type')}
      />
    ),
  };
}

/**
 * A rule for another IP protocol names it by number (AWS's IpProtocol / Protocol), in the place the
 * ports take for TCP and UDP: such a rule covers all of the protocol's traffic, so it has no ports.
 */
function ProtocolNumberCell({
  protocol,
  onChange,
  className,
}: {
  protocol: number;
  onChange: (protocol: Protocol) => void;
  className: string;
}) {
  return (
    <input
      aria-label="Protocol number"
      inputMode="numeric"
      defaultValue={String(protocol)}
      key={protocol}
      title={protocolLabel(protocol)}
      onBlur={(e) => {
        const read = readProtocol(e.target.value);
        // -1 means all traffic: pick "All traffic" for that; 6, 17 and 1 become TCP, UDP and ICMP.
        if (read !== null && read !== 'all' && read !== protocol) onChange(read);
      }}
      className={`${className} font-mono`}
    />
  );
}

/** The port range, fixed to all ports for protocols without ports; another protocol's number in its place. */
export function portRangeColumn<R extends PortRule>(): RuleColumn<R> {
  return {
    header: 'Ports',
    width: 'w-24',
    minWidth: 'min-w-[4.5rem]',
    cell: ({ rule }, { control, edit }) =>
      typeof rule.protocol === 'number' ? (
        <ProtocolNumberCell
          protocol={rule.protocol}
          className={control}
          onChange={(protocol) =>
            edit(
              (r) => void Object.assign(r, { protocol, ports: hasPorts(protocol) ? { from: 0, to: 65535 } : null }),
              'protocol',
            )
          }
        />
      ) : (
        <PortsCell
          ports={rule.ports}
          disabled={!hasPorts(rule.protocol)}
          className={control}
          onChange={(ports) => edit((r) => void Object.assign(r, { ports }), 'ports')}
        />
      ),
  };
}
