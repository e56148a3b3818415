import { validateDesign, hasErrors, type Finding } from '../engine';
import { describeSubnet, parseCidr } from '../net';
import { loadDesign } from './loadDesign';
import { exposureCommand, reachCommand } from './reach';
import { importAwsCommand } from './importAws';
import { simulateCommand } from './simulate';

/**
 * `nimbus` command line. Exit codes: 0 fine, 1 the design has errors,
 * 2 the input could not be read (bad CIDR, missing or broken file, bad usage).
 */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  readText: (path: string) => Promise<string>;
  /** The names of the files in a directory, or null when the path is not a directory. */
  listDir: (path: string) => Promise<string[] | null>;
  writeText: (path: string, text: string) => Promise<void>;
}

const USAGE = `usage:
  nimbus cidr <cidr> [--json]            describe a subnet block (reserved addresses, usable range)
  nimbus validate <design.json> [--json] list problems in a design; exit 1 when any is an error
  nimbus reach <design.json> --from X --to Y [--protocol tcp|udp|icmp] [--port N] [--source-port N] [--json]
                                         can X reach Y? X and Y: a name, an id, an IPv4 address or "internet";
                                         exit 0 reachable, 1 not reachable, 2 bad input
  nimbus import-aws <dir> -o <design.json>  build a design from aws ec2 describe-* JSON files in <dir>
  Wherever a design is read, a directory of describe-* JSON works too.
  nimbus exposure <design.json> [--json]  who reaches each instance on which ports; exit 1 when SSH, RDP or a database is open to the internet
  nimbus simulate <design.json> --duration <seconds> [--seed N] [--json]
                                         run the simulation headless: instance states and cost, Lambda invocations, throttles, cold starts,
                                         requests of each flow delivered or dropped`;

function cidrCommand(args: string[], json: boolean, io: CliIo): number {
  const [text] = args;
  if (text === undefined || args.length !== 1) {
    io.err('nimbus cidr: give exactly one CIDR block, e.g. nimbus cidr 10.0.1.0/24');
    return 2;
  }
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    io.err(`nimbus cidr: ${parsed.error}`);
    return 2;
  }
  const info = describeSubnet(parsed.value);
  if (json) {
    const { network, broadcast, prefix, size, usable, firstUsable, lastUsable, reserved } = info;
    io.out(JSON.stringify({ network, broadcast, prefix, size, usable, firstUsable, lastUsable, reserved }, null, 2));
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
}

function formatFinding(f: Finding): string {
  return `${f.severity.padEnd(8)}${f.code.padEnd(34)}${f.resourceId}  ${f.message}${f.fix ? `  Fix: ${f.fix}` : ''}`;
}

async function validateCommand(args: string[], json: boolean, io: CliIo): Promise<number> {
  const [path] = args;
  if (path === undefined || args.length !== 1) {
    io.err('nimbus validate: give exactly one design file, e.g. nimbus validate design.json');
    return 2;
  }
  const design = await loadDesign('validate', path, io);
  if (!design) return 2;
  const findings = validateDesign(design);
  if (json) {
    io.out(
      JSON.stringify(
        {
          findings: findings.map(({ severity, code, resourceId, message }) => ({
            severity,
            code,
            resourceId,
            message,
          })),
        },
        null,
        2,
      ),
    );
  } else if (findings.length === 0) {
    io.out(`${design.name}: no problems found.`);
  } else {
    findings.forEach((f) => io.out(formatFinding(f)));
    const errors = findings.filter((f) => f.severity === 'error').length;
    io.out(`${errors} error(s), ${findings.length - errors} warning(s).`);
  }
  return hasErrors(findings) ? 1 : 0;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const [command, ...rest] = argv.filter((a) => a !== '--json');
  if (command === 'reach') return reachCommand(rest, json, io);
  if (command === 'import-aws') return importAwsCommand(rest, io);
  if (command === 'simulate') return simulateCommand(rest, json, io);
  if (command === 'exposure')
    return exposureCommand(
      rest.filter((a) => !a.startsWith('--')),
      json,
      io,
    );
  const unknown = argv.find((a) => a.startsWith('--') && a !== '--json');
  if (unknown) {
    io.err(`nimbus: unknown option ${unknown}\n${USAGE}`);
    return 2;
  }
  switch (command) {
    case 'cidr':
      return cidrCommand(rest, json, io);
    case 'validate':
      return validateCommand(rest, json, io);
    case undefined:
    case 'help':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`nimbus: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
