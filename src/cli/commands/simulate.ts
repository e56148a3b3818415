import { resourceById } from '../../domain';
import { Simulation } from '../../sim/simulation';
import { badInput, BAD_INPUT, printJson, readDesignArgument } from '../io';
import { integerOption, readOptions } from '../options';
import type { Subcommand } from '../subcommand';

const MAX_DURATION = 30 * 86_400;
/** The random source reads 32 bits of the seed; a larger one would repeat a smaller one's run. */
const MAX_SEED = 2 ** 32 - 1;

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;
/** Figures another part of the summary may not carry yet print as a dash. */
const orDash = (n: number | null | undefined, unit: string) => (typeof n === 'number' ? `${n}${unit}` : '–');
const count = (n: number) => n.toLocaleString('en-US');

/** `nimbus simulate <design> --duration <seconds> [--seed N] [--json]`: the same core as the app, headless. */
export const simulateCommand: Subcommand = {
  name: 'simulate',
  usage: 'simulate <design.json> --duration <seconds> [--seed N] [--json]',
  summary: [
    'run the simulation headless: instance states and cost, Lambda invocations, throttles, cold starts,',
    "requests of each flow delivered or dropped, availability and recovery under the design's faults,",
    'Auto Scaling groups and RDS databases',
  ],
  readsOptions: true,
  async run(args, { io, json }) {
    const { positional, options, error } = readOptions(args, ['duration', 'seed']);
    const fail = (message: string) => badInput(io, 'simulate', message);
    if (error) return fail(error);
    if (positional.length !== 1) return fail('give one design, e.g. nimbus simulate design.json --duration 3600');
    // Required: absent (undefined) and refused (null) get the same answer.
    const duration = integerOption(options, 'duration', { min: 1, max: MAX_DURATION });
    if (duration == null)
      return fail('--duration must be a whole number of seconds, more than 0 and at most 30 days (2592000)');
    const seed = integerOption(options, 'seed', { min: 0, max: MAX_SEED }, 1);
    if (seed === null) return fail(`--seed must be a whole number 0-${MAX_SEED}, not "${options.get('seed')}"`);
    const design = await readDesignArgument('simulate', positional[0]!, io);
    if (!design) return BAD_INPUT;
    const faults = design.simulation?.faults?.length ?? 0;
    const sim = new Simulation(design, { seed });
    sim.runUntil(duration);
    const summary = sim.summary();
    if (json) {
      printJson(io, summary);
      return 0;
    }
    io.out(
      `${design.name}: ${duration} s simulated (seed ${seed}), total cost ${usd(summary.totalCostUsd)}, now ${usd(summary.costRatePerHour)}/h.`,
    );
    for (const i of summary.instances) {
      io.out(`  ${i.name} (${i.id}): ${i.state}; billed ${i.billedSeconds} s, ${usd(i.costUsd)}`);
      io.out(`    ${i.transitions.map((t) => `${t.at}s ${t.state}`).join(' → ')}`);
    }
    for (const f of summary.functions) {
      io.out(
        `  ${f.name}: ${count(f.invocations)} invocations, ${count(f.throttles)} throttled${f.throttleReason ? ` (${f.throttleReason})` : ''}, ${count(f.coldStarts)} cold starts, peak concurrency ${f.peakConcurrency}, ${usd(f.costUsd)}${f.freeRequests > 0 ? ` after the free tier (${count(f.freeRequests)} requests, ${count(f.freeGbSeconds)} GB-s)` : ''}`,
      );
    }
    for (const f of summary.functions.filter((f) => f.errors > 0 || f.asyncFailed > 0))
      io.out(
        `    ${count(f.errors)} function errors; asynchronous: ${count(f.asyncRetried)} retries, ${count(f.asyncFailed)} events given up (${count(f.asyncExpired)} past the maximum event age) → ${f.onFailure}`,
      );
    for (const t of summary.dataTransfer) io.out(`  ${t.line}: ${t.gb.toFixed(3)} GB, ${usd(t.costUsd)}`);
    for (const s of summary.services) {
      io.out(
        `  ${s.name} (${s.launchType}): ${s.running} of ${s.desired} tasks running${s.waitingReason ? ` (waiting: ${s.waitingReason})` : ''}, ${usd(s.costUsd)}`,
      );
    }
    for (const f of summary.flows) {
      const drops = Object.entries(f.droppedBy).map(
        ([id, n]) => `${count(n)} at ${resourceById(design, id)?.name ?? id}`,
      );
      io.out(
        `  flow ${f.name}: ${count(f.sent)} sent, ${count(f.delivered)} delivered, ${count(f.droppedForward)} dropped on the way, ${count(f.droppedReturn)} on the way back${drops.length > 0 ? ` (${drops.join(', ')})` : ''}${f.lastRttMs === null ? '' : `; round trip ${f.lastRttMs} ms`}`,
      );
      if (faults > 0) {
        const more = f as { availabilityPercent?: number | null; recoverySeconds?: number | null };
        io.out(
          `    availability ${orDash(more.availabilityPercent, ' %')}, recovery ${orDash(more.recoverySeconds, ' s')}`,
        );
      }
    }
    for (const g of summary.autoScalingGroups) {
      const zones = Object.entries(g.byZone).map(([zone, n]) => `${n} in ${resourceById(design, zone)?.name ?? zone}`);
      io.out(
        `  group ${g.name}: ${g.inService} in service (min ${g.min}, desired ${g.desired}, max ${g.max}), ${count(g.launched)} launched in all${zones.length > 0 ? `; ${zones.join(', ')}` : ''}`,
      );
    }
    for (const d of summary.databases)
      io.out(
        `  database ${d.name}: ${d.status} (${d.serving} serving), ${count(d.failovers)} failovers, ${usd(d.costUsd)}`,
      );
    for (const c of summary.eks ?? []) {
      io.out(`  EKS cluster ${c.name}: control plane ${usd(c.controlPlaneUsdPerHour)}/h`);
      for (const g of c.nodeGroups)
        io.out(`    node group ${g.name}: ${g.running} of ${g.desired} nodes running, ${usd(g.costUsd)}`);
      for (const d of c.deployments)
        io.out(
          `    deployment ${d.name}: ${d.running} of ${d.replicas} pods running on ${d.on === 'fargate' ? `Fargate (${d.fargateSize ?? 'no size'}), ${usd(d.costUsd)}` : 'nodes'}${d.reason ? `; Pending: ${d.reason}` : ''}`,
        );
    }
    for (const entry of summary.log.filter((l) => l.level === 'error')) io.out(`  ${entry.at}s error: ${entry.text}`);
    return 0;
  },
};
