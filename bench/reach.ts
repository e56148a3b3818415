import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resourcesOfKind } from '../src/domain';
import { analyzeExposure, analyzeReachability, validateDesign } from '../src/engine';
import { createAnalysisApi } from '../src/sim/analysisApi';
import { bigRuleDesign, generateInstances, generateJoinedVpcs } from './generate';

/**
 * Reachability and exposure, measured alone (no browser): `npx tsx
 * bench/reach.ts` prints the Reachability section of docs/benchmarks.md, and
 * with `--write` puts it in place of that section; `npm run bench` writes it
 * with the rest. NIMBUS_REACH_SIZES (comma-separated instance counts) and
 * NIMBUS_REACH_REPEATS change what is measured; `--rows` prints only the
 * account-scale rows as JSON lines (how the "before" figures were taken).
 */
export interface ExposureRow {
  instances: number;
  /** The worker's call (parse the design, then exposure in slices with progress), median ms; absent before slices. */
  workerMs?: number;
  resources: number;
  /** Median of the runs, ms. */
  exposureMs: number;
  runs: number[];
  paths: number;
  /** Exposure time over the paths it analysed, µs. */
  perPathUs: number;
  internetQueryMs: number;
  betweenQueryMs: number;
  errors: number;
}

export const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

function timeQuery(run: () => void, repeats: number): number {
  for (let i = 0; i < 20; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function measureExposure(instances: number, repeats: number): Promise<ExposureRow> {
  const design = generateJoinedVpcs(instances);
  const errors = validateDesign(design).filter((issue) => issue.severity === 'error').length;
  const all = resourcesOfKind(design, 'ec2Instance');
  const target = all[all.length - 2]!;
  const peer = all[all.length - 1 - 32]!;
  const internetQueryMs = timeQuery(
    () =>
      analyzeReachability(design, {
        from: { kind: 'internet' },
        to: { kind: 'resource', id: target.id },
        protocol: 'tcp',
        port: 443,
      }),
    500,
  );
  const betweenQueryMs = timeQuery(
    () =>
      analyzeReachability(design, {
        from: { kind: 'resource', id: peer.id },
        to: { kind: 'resource', id: target.id },
        protocol: 'tcp',
        port: 22,
      }),
    500,
  );
  const runs: number[] = [];
  let paths = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    paths = analyzeExposure(design).queries;
    runs.push(performance.now() - start);
  }
  const exposureMs = median(runs);
  const worker = createAnalysisApi();
  const workerRuns: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    let heard = 0;
    await worker.exposure(design, () => heard++);
    workerRuns.push(performance.now() - start);
  }
  return {
    workerMs: median(workerRuns),
    instances: all.length,
    resources: Object.keys(design.resources).length,
    exposureMs,
    runs,
    paths,
    perPathUs: (exposureMs * 1000) / paths,
    internetQueryMs,
    betweenQueryMs,
    errors,
  };
}

export const DEFAULT_REACH_SIZES = [1000, 4000, 10_000, 40_000];

/**
 * Before: the branch's starting commit (c319bf7), the same generator and
 * bench (`--rows`), measured on 2026-12-01 on this machine in two sessions
 * about 20 minutes apart: medians of 6 runs at 1,000 and 4,000 instances, 4 at
 * 10,000 (15.4 s to 31.8 s) and one run at 40,000.
 */
const BEFORE: Record<number, { ms: number; paths: number }> = {
  1000: { ms: 1556, paths: 89_760 },
  4000: { ms: 4899, paths: 89_760 },
  10_000: { ms: 27_084, paths: 179_520 },
  40_000: { ms: 899_688, paths: 718_080 },
};

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function singleVpcRows(): string[] {
  const rows: string[] = [];
  for (const count of [10, 100, 1000]) {
    const design = generateInstances(count);
    const instances = resourcesOfKind(design, 'ec2Instance');
    const target = instances[instances.length - 1]!;
    const peer = instances[0]!;
    const toInternet = timeQuery(
      () =>
        analyzeReachability(design, {
          from: { kind: 'internet' },
          to: { kind: 'resource', id: target.id },
          protocol: 'tcp',
          port: 443,
        }),
      200,
    );
    const between = timeQuery(
      () =>
        analyzeReachability(design, {
          from: { kind: 'resource', id: peer.id },
          to: { kind: 'resource', id: target.id },
          protocol: 'tcp',
          port: 8080,
        }),
      200,
    );
    const runs: number[] = [];
    let queries = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      queries = analyzeExposure(design).queries;
      runs.push(performance.now() - start);
    }
    rows.push(
      `| ${instances.length} | ${Object.keys(design.resources).length} | ${toInternet.toFixed(3)} | ${between.toFixed(3)} | ${median(runs).toFixed(0)} | ${fmt(queries)} |`,
    );
  }
  return rows;
}

/** The Reachability section of docs/benchmarks.md, from "## Reachability" to the next section. */
export async function reachabilitySection(
  sizes = DEFAULT_REACH_SIZES,
  repeats = 5,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  // Warm the JIT on a small design first, so the first size is not charged for it.
  await measureExposure(500, 2);
  const rows: ExposureRow[] = [];
  for (const size of sizes) {
    const row = await measureExposure(size, size >= 40_000 ? Math.min(repeats, 3) : repeats);
    log(JSON.stringify(row));
    rows.push(row);
  }
  const first = rows[0]!;
  const scaleRows = rows.map((r) => {
    const before = BEFORE[r.instances];
    const beforeCells = before
      ? `${fmt(before.ms)} | ${fmt((before.ms * 1000) / before.paths, 1)} | ${fmt(before.ms / r.exposureMs, 0)}×`
      : '– | – | –';
    return `| ${fmt(r.instances)} | ${fmt(r.resources)} | ${fmt(r.paths)} | ${fmt(r.exposureMs)} | ${fmt(r.workerMs ?? 0)} | ${fmt(r.perPathUs, 1)} | ${fmt(r.perPathUs / first.perPathUs, 2)}× | ${beforeCells} | ${r.internetQueryMs.toFixed(4)} | ${r.betweenQueryMs.toFixed(4)} |`;
  });
  const ruleDesign = bigRuleDesign(10_000);
  const timed = (perPort: boolean) => {
    const start = performance.now();
    const report = analyzeExposure(ruleDesign, { perPort });
    return { ms: performance.now() - start, queries: report.queries };
  };
  const byAtom = timed(false);
  const byPort = timed(true);
  const largest = rows[rows.length - 1]!;
  return `## Reachability (src/engine/reach)

A query is a full forward-and-return path analysis. Exposure checks every instance against the internet, each on-premises network and a host in each other subnet of its VPC and of the VPCs an active peering or a transit gateway joins to it (\`host-in:<subnet>\`, a host with no groups of its own), on every port its groups open; it answers once per class of instances that share subnet, groups, public address, state and address atom, once per class of source subnets that share VPC, route table, network ACL, zone and address atom, and once per port-range atom. In the app it runs in the Web Worker in slices of 30 ms, reporting progress and stopping at the next slice on Cancel or a newer request; \`nimbus exposure\` runs the same function in one go. Measured by \`npx tsx bench/reach.ts\` (no browser), medians of ${repeats} runs (3 at 40,000).

### At account scale

\`generateJoinedVpcs(n)\` (bench/generate.ts): n instances across 20 VPCs of /16, the first 10 attached to one transit gateway (default table, associated and propagating, routes to each other in their private tables) and the other 10 peered in pairs (routes to the partner), each with an internet gateway, 32 subnets of /24 over two zones (even ones public, odd ones private behind a custom ACL of 5 inbound rules), web, app and database groups, and services of up to 8 instances per subnet, each with a group of its own that opens its port to the VPC and to its members; the first VPC has a virtual private gateway with a Site-to-Site VPN to an on-premises network, propagated into its private table. Paths: path analyses exposure made. Worker call: what the worker does for the page, parsing the design (the worker trusts nothing it did not parse) and then exposure in slices, in Node. Per path: exposure ms over paths; "vs ${fmt(first.instances)}" compares it with the smallest size, so a flat column means the cost of a path does not grow with the design. Before: the starting commit (c319bf7) with the same VPCs unjoined (it had no peering or transit gateways), measured first on the same day; there a host in another subnet was sent as an address that resolved to the internet and failed at the first hop, so its paths were short and few, and the ratio understates the gain.

| instances | resources | paths | exposure ms | worker call ms | µs per path | per path vs ${fmt(first.instances)} | before ms | before µs per path | before / now | internet → instance, median ms | instance → instance, median ms |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${scaleRows.join('\n')}

Targets: 10,000 instances under 1 s and 40,000 under 5 s in the worker, a single query under 1 ms, and the time per path flat. At ${fmt(largest.instances)} instances the worker call took ${fmt(largest.workerMs ?? 0)} ms. Before, a path cost more the larger the design (${fmt((BEFORE[1000]!.ms * 1000) / BEFORE[1000]!.paths, 1)} µs at 1,000 instances, ${fmt((BEFORE[10_000]!.ms * 1000) / BEFORE[10_000]!.paths, 1)} µs at 10,000): resolving a subnet's host by address scanned every instance, and finding a VPC's gateways, a gateway's links and an instance's subnet scanned their kinds. Now those are maps built once per design (\`designIndex\`, src/engine/designIndex.ts), each VPC's sources are worked out once, and a class's open ports are computed once per source. The figures are from a shared 2-core machine; the ratios say more than the absolute times.

### One VPC

Generated designs (\`generateInstances\`): VPCs of 32 subnets with 4 instances each, a web security group with 4 rules (one naming itself), a custom ACL with 4 inbound and 1 outbound rules.

| instances | resources | internet → instance, median ms | instance → instance, median ms | full exposure ms | paths in exposure |
| --- | --- | --- | --- | --- | --- |
${singleVpcRows().join('\n')}

History (2026-11-30): the first version took 3,015 ms for full exposure at 1,019 instances (129,940 path analyses). Caching parsed CIDRs (src/net/cidr.ts) and answering once for instances that share subnet, groups, public address and state brought it to about 400 ms (32,516 analyses); a single query went from 0.018 to about 0.005 ms.

### A group of 10,000 rules

Exposure of a design of ${Object.keys(ruleDesign.resources).length} resources whose web security group holds 10,004 inbound rules (10,000 of them single TCP ports 10000-19999 in four blocks of 2,500, one client range each, as generated rule sets list them):

| asked | path analyses | ms |
| --- | --- | --- |
| once per port-range atom (\`portAtomStarts\`) | ${fmt(byAtom.queries)} | ${byAtom.ms.toFixed(0)} |
| once per port (before) | ${fmt(byPort.queries)} | ${byPort.ms.toFixed(0)} |

Atoms make it ${(byPort.ms / byAtom.ms).toFixed(0)}× faster here. Rules on scattered single ports that no other rule of the same peer touches stay one atom each, so such a group still costs one analysis per port.
`;
}

/** Replaces the Reachability section of the benchmarks page (up to the next "## " heading). */
export function replaceReachabilitySection(page: string, section: string): string {
  const start = page.indexOf('## Reachability');
  const next = page.indexOf('\n## ', start + 1);
  if (start < 0 || next < 0) throw new Error('docs/benchmarks.md has no Reachability section followed by another');
  return page.slice(0, start) + section + page.slice(next);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.env.NIMBUS_REACH_SIZES?.split(',').map(Number) ?? DEFAULT_REACH_SIZES;
  const repeats = Number(process.env.NIMBUS_REACH_REPEATS ?? 5);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (process.argv.includes('--rows')) {
    for (const size of sizes) process.stdout.write(`${JSON.stringify(await measureExposure(size, repeats))}\n`);
  } else {
    const section = await reachabilitySection(sizes, repeats, log);
    if (process.argv.includes('--write')) {
      const path = 'docs/benchmarks.md';
      writeFileSync(path, replaceReachabilitySection(readFileSync(path, 'utf8'), section));
      log(`wrote the Reachability section of ${path}`);
    } else process.stdout.write(section);
  }
}
