import type { PacketProtocol } from '../domain';
import { PROTOCOL_OPTIONS, protocolChoice, protocolOfChoice, protocolOfNumber } from './endpoints';
import { NumberField, SelectField } from './inspector/fields';

/** The protocol of a reachability question or a flow: a select, and a number field for another IP protocol. */
export function ProtocolFields({
  label,
  protocol,
  onChange,
}: {
  label: string;
  protocol: PacketProtocol;
  onChange: (protocol: PacketProtocol) => void;
}) {
  return (
    <>
      <SelectField
        label={label}
        value={protocolChoice(protocol)}
        options={PROTOCOL_OPTIONS}
        onChange={(choice) => onChange(protocolOfChoice(choice, protocol))}
      />
      {typeof protocol === 'number' && (
        <NumberField
          label={`${label} number`}
          value={protocol}
          min={0}
          max={255}
          onChange={(v) => {
            const read = v === null ? null : protocolOfNumber(v);
            if (read !== null) onChange(read);
          }}
        />
      )}
    </>
  );
}
