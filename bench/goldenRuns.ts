import { createHash } from 'node:crypto';
import { haSimDesign } from './haSim';
import { simDesign } from './sim';
import { simulationSettings, type Design } from '../src/domain';
import { highlyAvailableWebApp, singleZoneWebApp } from '../src/scenarios/haTemplates';
import { buildFrame } from '../src/sim/frame';
import { Simulation } from '../src/sim/simulation';

/**
 * Runs whose output must not change when the core is made faster: the same
 * design and seed give the same `nimbus simulate --json` summary and the same
 * frames, byte for byte. `src/sim/goldenRuns.test.ts` compares their digests with the
 * ones recorded before the speed work (`src/sim/testing/golden.json`); `npx tsx
 * bench/simGolden.ts` prints them again, and writes each run's JSON for a diff.
 */
export interface GoldenRun {
  name: string;
  design: () => Design;
  seconds: number;
  /** Read a frame every this many simulated seconds as the worker does at 3600× (0: never, as the CLI). */
  frameEvery: number;
}

const withZoneOutage = (design: Design, at: number, durationSeconds: number): Design => {
  const zone = Object.values(design.resources).find((r) => r.kind === 'availabilityZone');
  if (!zone) throw new Error(`${design.name} has no zone to fail`);
  const simulation = design.simulation ?? simulationSettings();
  return {
    ...design,
    simulation: {
      ...simulation,
      faults: [...simulation.faults, { at, fault: 'zoneOutage', zoneId: zone.id, durationSeconds }],
    },
  };
};

export const GOLDEN_RUNS: readonly GoldenRun[] = [
  {
    name: 'bench HA, zone a failing',
    design: () => haSimDesign(4, 50, 20, true, false),
    seconds: 86_400,
    frameEvery: 0,
  },
  { name: 'bench HA, no faults', design: () => haSimDesign(4, 50, 20, false, false), seconds: 86_400, frameEvery: 0 },
  {
    name: 'bench HA, zone a failing, frames',
    design: () => haSimDesign(4, 50, 20, true, false),
    seconds: 30_000,
    frameEvery: 360,
  },
  {
    name: 'bench HA served, zone a failing',
    design: () => haSimDesign(4, 50, 20, true),
    seconds: 86_400,
    frameEvery: 0,
  },
  { name: 'bench HA served, no faults', design: () => haSimDesign(4, 50, 20, false), seconds: 86_400, frameEvery: 0 },
  {
    name: 'bench HA served, zone a failing, frames',
    design: () => haSimDesign(4, 50, 20, true),
    seconds: 30_000,
    frameEvery: 360,
  },
  {
    name: 'HA template, zone outage, frames',
    design: () => withZoneOutage(highlyAvailableWebApp(), 900, 1200),
    seconds: 4 * 3600,
    frameEvery: 60,
  },
  {
    name: 'single-zone template, zone outage',
    design: () => withZoneOutage(singleZoneWebApp(), 900, 1200),
    seconds: 4 * 3600,
    frameEvery: 0,
  },
  { name: 'core bench, stop and start', design: () => simDesign(100, 0, 0, true), seconds: 86_400, frameEvery: 0 },
  { name: 'instances and functions', design: () => simDesign(20, 4, 2_000), seconds: 3 * 3600, frameEvery: 600 },
];

export interface GoldenOutput {
  summary: string;
  frames: string;
}

/** The run's summary JSON and its frames' JSON, as the CLI and the worker would produce them. */
export function goldenOutput(run: GoldenRun): GoldenOutput {
  const sim = new Simulation(run.design(), { seed: 1 });
  const frames: unknown[] = [];
  let logSent = 0;
  if (run.frameEvery > 0)
    for (let at = run.frameEvery; at <= run.seconds; at += run.frameEvery) {
      sim.runUntil(at);
      frames.push(buildFrame(sim, true, 3600, logSent));
      logSent = sim.log.length;
    }
  sim.runUntil(run.seconds);
  return { summary: JSON.stringify(sim.summary(), null, 2), frames: JSON.stringify(frames) };
}

export const digest = (text: string): string => createHash('sha256').update(text).digest('hex');
