import { Trash2 } from 'lucide-react';
import type { NaclRule } from '../../domain';
import { parseCidr } from '../../net';
import { cellControl } from './fields';
import { formatPorts, parsePorts, presetOf, RULE_PRESETS } from './presets';

/** Cells shared by the rule tables: rule type presets, port ranges, CIDR checks. */
export const th = 'px-1 py-1 text-left text-[11px] font-medium text-slate-500 dark:text-slate-400';
export const td = 'px-1 py-1 align-top';
export const cidrError = (text: string) => {
  const parsed = parseCidr(text);
  return parsed.ok ? null : parsed.error;
};

export function PortsCell({
  ports,
  disabled,
  onChange,
  label,
}: {
  ports: NaclRule['ports'];
  disabled: boolean;
  onChange: (ports: NaclRule['ports']) => void;
  label: string;
}) {
  const invalid = !disabled && ports !== null && ports.from > ports.to;
  return (
    <input
      aria-label={label}
      defaultValue={formatPorts(ports)}
      key={formatPorts(ports)}
      disabled={disabled}
      aria-invalid={invalid}
      onBlur={(e) => {
        const parsed = parsePorts(e.target.value);
        if (parsed) onChange(parsed);
        else e.target.value = formatPorts(ports);
      }}
      className={`${cellControl} w-24 font-mono disabled:opacity-50`}
    />
  );
}

export function PresetCell({
  protocol,
  ports,
  onChange,
  label,
}: {
  protocol: NaclRule['protocol'];
  ports: NaclRule['ports'];
  onChange: (p: Pick<NaclRule, 'protocol' | 'ports'>) => void;
  label: string;
}) {
  return (
    <select
      aria-label={label}
      value={presetOf(protocol, ports).id}
      onChange={(e) => {
        const preset = RULE_PRESETS.find((p) => p.id === e.target.value)!;
        onChange({ protocol: preset.protocol, ports: preset.ports });
      }}
      className={cellControl}
    >
      {RULE_PRESETS.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label}
        </option>
      ))}
    </select>
  );
}

/** Row props that mark the rule a reachability hop pointed at, and bring it into view. */
export function highlightRow(on: boolean): {
  className?: string;
  'data-highlighted'?: boolean;
  ref?: (row: HTMLTableRowElement | null) => void;
} {
  if (!on) return {};
  return {
    className: 'bg-amber-100 outline-2 outline-amber-500 dark:bg-amber-900/50',
    'data-highlighted': true,
    ref: (row) => row?.scrollIntoView({ block: 'center' }),
  };
}

/** The remove button at the end of a rule row. */
export function RemoveRowButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      onClick={onRemove}
      className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800"
    >
      <Trash2 size={14} aria-hidden />
    </button>
  );
}
