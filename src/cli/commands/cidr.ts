import { describeSubnet, parseCidr } from '../../net';
import { badInput, printJson } from '../io';
import type { Subcommand } from '../subcommand';

/** `nimbus cidr <cidr> [--json]`: a subnet block's network, usable range and the addresses AWS reserves. */
export const cidrCommand: Subcommand = {
  name: 'cidr',
  usage: 'cidr <cidr> [--json]',
  summary: ['describe a subnet block (reserved addresses, usable range)'],
  readsOptions: false,
  run(args, { io, json }) {
    const [text] = args;
    if (text === undefined || args.length !== 1)
      return badInput(io, 'cidr', 'give exactly one CIDR block, e.g. nimbus cidr 10.0.1.0/24');
    const parsed = parseCidr(text);
    if (!parsed.ok) return badInput(io, 'cidr', parsed.error);
    const info = describeSubnet(parsed.value);
    if (json) {
      const { network, broadcast, prefix, size, usable, firstUsable, lastUsable, reserved } = info;
      printJson(io, { network, broadcast, prefix, size, usable, firstUsable, lastUsable, reserved });
      return 0;
    }
    const rows: Array<[string, string]> = [
      ['CIDR', info.cidr],
      ['Network', info.network],
      ['Broadcast', `${info.broadcast} (reserved; VPCs have no broadcast)`],
      ['Netmask', info.netmask],
      ['Prefix', `/${info.prefix}`],
      ['Size', info.size.toLocaleString('en-US')],
      ['Usable', info.usable.toLocaleString('en-US')],
      ['First usable', info.firstUsable ?? '-'],
      ['Last usable', info.lastUsable ?? '-'],
    ];
    for (const [label, value] of rows) io.out(`${label.padEnd(13)}${value}`);
    io.out('Reserved by AWS:');
    for (const entry of info.reserved) io.out(`  ${entry.address.padEnd(16)}${entry.role}`);
    if (info.note) io.out(`Note: ${info.note}`);
    return 0;
  },
};
