import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { validateDesign } from '../src/engine';
import { cidr, nextFreeBlock } from '../src/net';
import { generateDesign } from './generate';
import { reachabilitySection } from './reach';
import { runLargeBench, type Step } from './large';
import { canvasSection, runCanvasBench, runSimulationUiBench } from './canvas';
import { runTrafficBench } from './traffic';
import { runOpenFastBench } from './openFast';
import { haSimDesign, runHaSimBench } from './haSim';
import { runSimBench, simDesign } from './sim';
import LZString from 'lz-string';
import { encodeSnapshot } from '../src/share/urlCodec';
import { TEMPLATES } from '../src/scenarios/templates';
import { iacSection } from './iac';

/**
 * `npm run bench`: measures the core analyses and writes docs/benchmarks.md.
 * Figures are medians of repeated runs on this machine; compare ratios, not absolutes.
 */
function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => void, repeats: number): { median: number; worst: number } {
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return { median: median(samples), worst: Math.max(...samples) };
}

const rows: string[] = [];
const sizes = [50, 200, 500, 2000];
const results = sizes.map((size) => {
  const design = generateDesign(size);
  const actual = Object.keys(design.resources).length;
  const t = time(() => validateDesign(design), 30);
  return { size: actual, ...t };
});
const base = results[0]!;
for (const r of results) {
  rows.push(
    `| ${r.size} | ${r.median.toFixed(2)} | ${r.worst.toFixed(2)} | ${(r.median / base.median).toFixed(1)}× | ${(r.size / base.size).toFixed(1)}× |`,
  );
}

const vpc = cidr('10.0.0.0/16');
const taken = Array.from({ length: 4000 }, (_, i) => cidr(`10.0.${Math.floor(i / 16)}.${(i % 16) * 16}/28`));
const freeBlock = time(() => nextFreeBlock([vpc], taken, 24), 50);

let report = `# Benchmarks

Measured by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, on this project's 2-core machine.
Times are medians of repeated runs in milliseconds; the machine is shared, so read the ratios more than the absolute figures.

## Validation (src/engine, runs on every edit)

| resources | median ms | worst ms | time vs smallest | size vs smallest |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Validation must stay cheap enough to run synchronously on every edit (a frame is 16 ms).

## CIDR engine

| operation | median ms | worst ms |
| --- | --- | --- |
| next free /24 in a /16 holding 4,000 /28 subnets | ${freeBlock.median.toFixed(3)} | ${freeBlock.worst.toFixed(3)} |
`;

report += `\n${await reachabilitySection()}`;

// Share links: the fragment length for each template and for generated designs, fflate (used) against lz-string.
const linkRows = [
  ...TEMPLATES.map((t) => ({ name: `template: ${t.name}`, design: t.build() })),
  ...[100, 500].map((n) => ({ name: `generated, ${n} resources`, design: generateDesign(n) })),
].map(({ name, design }) => {
  const fflate = encodeSnapshot(design).length;
  const lz = LZString.compressToEncodedURIComponent(JSON.stringify(design)).length;
  return `| ${name} | ${Object.keys(design.resources).length} | ${JSON.stringify(design).length.toLocaleString('en-US')} | ${fflate.toLocaleString('en-US')} | ${lz.toLocaleString('en-US')} | ${(lz / fflate).toFixed(2)}× |`;
});
report += `
## Share links (src/share/urlCodec.ts)

Characters in the URL fragment: \`n1.\` + base64url(deflate level 9 of the design's JSON) with fflate, next to lz-string's \`compressToEncodedURIComponent\` of the same JSON, the alternative considered. Target: the two-AZ template under 2,000 characters.

| design | resources | JSON characters | fflate link | lz-string link | lz-string / fflate |
| --- | --- | --- | --- | --- | --- |
${linkRows.join('\n')}
`;

report += iacSection();

const simResult = runSimBench();
const haSteady = runHaSimBench(false);
const haFailing = runHaSimBench(true);
const haRow = (r: ReturnType<typeof runHaSimBench>, what: string) =>
  `| high availability: ${r.instances} instances in 4 Auto Scaling groups behind 4 ALBs, 20 flows of 500 requests/s, ${what}, over a simulated day (${r.events.toLocaleString('en-US')} events; best of 3 after a warm-up run) | ${Math.round(r.eventsPerSecond).toLocaleString('en-US')} events/s (${Math.round((r.events / r.eventsPerSecond) * 1000).toLocaleString('en-US')} ms for the day, ${Math.round(86_400 / (r.events / r.eventsPerSecond)).toLocaleString('en-US')}× real time) | 1,000,000 events/s |`;
report += `
## Simulation core (src/sim)

| measure | figure | target |
| --- | --- | --- |
| core throughput, 100 instances stopping and starting every 10 minutes over a simulated day (${simResult.events.toLocaleString('en-US')} events; best of 3 after a warm-up run) | ${Math.round(simResult.eventsPerSecond).toLocaleString('en-US')} events/s | 1,000,000 events/s |
| 100 instances and 10 functions sharing 10,000 requests/s (daily curve), simulated hours per wall-clock second | ${simResult.simHoursPerSecond.toFixed(1)} h/s | |
${haRow(haSteady, 'no faults')}
${haRow(haFailing, 'zone a failing for 30 min every 6 h')}

An event is one taken from the simulation's queue: a tick (one simulated second of every flow, function and service), an instance's transition, a health check of a target group, an Auto Scaling group's monitor or datapoint, a fault. In the high-availability rows, steady stretches cost next to nothing: a second in which every flow does exactly what it did the second before (same paths, counts and outcomes) is only counted, and each part of its figures (counts, availability, data transfer, packets) is added up when something reads it (whole-number counts in bulk, money and GB second by second in the order the ticks would have added them, so results are byte-identical: \`src/sim/steadySkipping.test.ts\` reads such a run and one that does every second at the same uneven times); an Auto Scaling group whose last look found nothing to do, and a target group whose targets all passed their last check, are not looked at or checked again until an instance, a target's health, a fault, a zone or the design changes. Their events stay in the queue, so the count of events is the same as before. What stays heavy is change: every launch, replacement or health change plans the flows again. Planning again no longer walks every target: a walk is remembered per network (every resource but the instances the same objects, \`engine/reach/networkEpoch.ts\`) with its ends' instances and the outages it asked about, and a target's verdict and a flow's plan through a load balancer are reused while what they read is the same objects, so after a change only the instances that changed are walked again (a new network, such as a NAT gateway failing, still starts cold). That is where the row with zone a failing spends its time, so for it the figure that says whether 3600× keeps up is the real-time factor beside it.

History (2026-11-30): the first version allocated a context object per event and reached about 450,000 events/s; reusing one context doubled it.
`;

const simUi = await runSimulationUiBench(simDesign(100, 10, 10_000));
const haUiSteady = await runSimulationUiBench(haSimDesign(4, 50, 20, false));
const haUiFailing = await runSimulationUiBench(haSimDesign(4, 50, 20, true));
const longTaskWords = (r: typeof simUi) =>
  r.longTasks === 0
    ? 'no main-thread task took over 50 ms while it ran (the longtask observer reports only those)'
    : `the longest main-thread task while it ran was ${r.longestTaskMs.toFixed(0)} ms (${r.longTasks} tasks over 50 ms)`;
report += `
While the simulation of that design runs at 3600× in headless Chromium for 10 wall seconds (${simUi.simSeconds.toLocaleString('en-US')} simulated seconds), with the Simulation tab and its chart open: ${longTaskWords(simUi)}; target: none over 50 ms. Pressing Play and opening the tab (worker start-up, the first frame, creating the chart) took one task of ${simUi.startLongestMs.toFixed(0)} ms, measured apart.

The high-availability design of the rows above, the same way (10 wall seconds at 3600×, the Simulation tab open, 200 launched instances drawn on the canvas): without faults (${haUiSteady.simSeconds.toLocaleString('en-US')} simulated seconds), ${longTaskWords(haUiSteady)}; with zone a failing every 6 simulated hours, so about every 6 wall seconds a hundred instances are replaced (${haUiFailing.simSeconds.toLocaleString('en-US')} simulated seconds), ${longTaskWords(haUiFailing)}. Target: none over 50 ms. Before launched instances kept their node objects, the run with failures had 22 tasks over 50 ms, the longest 232 ms.

History: before instance nodes subscribed to their state text only, every frame re-rendered all 100 instance nodes; the longest task while running was 94 ms.
`;

const canvas = await runCanvasBench(
  process.env.NIMBUS_BENCH_SIZES ? process.env.NIMBUS_BENCH_SIZES.split(',').map(Number) : [50, 200, 500, 2000],
);
report += canvasSection(canvas);

const large = await runLargeBench(2000);
const stepRow = (name: string, target: number, r: Step, before: { ms: number; task: number } | null, note = '') =>
  before
    ? `| ${name} | ${r.ms.toFixed(0)} | ${r.longestTaskMs.toFixed(0)} | ${r.longTasks} | ${target} | ${before.ms} | ${before.task} | ${(Math.max(before.task, 50) / Math.max(r.longestTaskMs, 50)).toFixed(1)}×${note} |`
    : `| ${name} | ${r.ms.toFixed(0)} | ${r.longestTaskMs.toFixed(0)} | ${r.longTasks} | ${target} | – | – | –${note} |`;
report += `
## A large design (headless Chromium, built app, 1440×900)

${large.instances.toLocaleString('en-US')} instances, ${large.resources.toLocaleString('en-US')} resources (\`generateInstances(2000)\`), opened by a link of ${large.linkChars.toLocaleString('en-US')} characters. Each step is timed in the page, from the input event to the first frame that shows its result, with the longest main-thread task while it ran (the longtask observer reports tasks over 50 ms; 0 means none). Open: from navigation to the first frame with instances drawn (new nodes are drawn 150 a frame, containers first, so the figure after it is when all are drawn). Click: an instance near the middle, after zooming in on it with the wheel, to the inspector showing it. Keystroke: one letter typed at the end of its name, to the node on the canvas showing the new name. Pan: the design covers the canvas even at the smallest zoom (a drag on it moves a node), so the viewport is dragged on the minimap, about 120 moves; the figure is the worst frame, and the median and p95 frames follow. Play: 8 wall seconds at 60× (${large.play.simSeconds} simulated seconds) after a start-up second measured apart (longest task ${large.play.startLongestMs.toFixed(0)} ms). Rules: on a generated design of 50 resources, a click on its security group of ${large.rules.rules.toLocaleString('en-US')} more rules, to its table in the inspector.

| step | ms | longest task ms | tasks over 50 ms | target: no task over | before ms | before longest task ms | longest task, before / now |
| --- | --- | --- | --- | --- | --- | --- | --- |
${stepRow('open by link', 200, large.open, { ms: 662, task: 986 }, `; every node drawn at ${large.open.allDrawnMs.toFixed(0)} ms`)}
${stepRow('click to inspector', 200, large.click, { ms: 323, task: 330 })}
${stepRow('keystroke in the name', 200, large.keystroke, { ms: 284, task: 280 })}
${stepRow('pan (worst frame)', 200, large.pan, { ms: 117, task: 124 }, `; median frame ${large.pan.medianFrameMs.toFixed(1)} ms, p95 ${large.pan.p95FrameMs.toFixed(1)} ms over ${large.pan.frames} frames`)}
${stepRow('play, 8 s at 60×', 50, large.play, { ms: 8000, task: 0 })}
${stepRow('Tidy up', 50, large.tidy, null, '; target: no task over 50 ms but the one that draws the new positions')}
${stepRow(`open a ${(large.rules.rules + 4).toLocaleString('en-US')}-rule group (ten times AWS's maximum per direction)`, 200, large.rules.open, { ms: 2596, task: 5029 })}

Before: the branch's starting commit (879ae67), measured on 2026-12-01 with this bench about a quarter of an hour before the figures above; the shared machine's load changes from minute to minute (an earlier run of the same commit gave 1,879 ms for the click and 1,707 ms for the keystroke), so compare a row's ratio rather than its absolute times. A ratio counts a step with no long task (or a shorter one) as 50 ms. What changed: opening the design mounted all its nodes in one task (about 850 ms); new nodes are now drawn 150 per frame, containers first (\`canvas/reveal.ts\`); rule tables draw only the rows in view (before, the group of 10,000 rules took 2,596 ms to open with a 5,029 ms task; AWS allows at most 1,000 per direction, so such a group opens with that quota as an error finding); unchanged resources keep their React Flow node objects, so a click or a keystroke re-renders one or two nodes instead of all ${large.resources.toLocaleString('en-US')}. After the canvas work of 2026-12-01 (routed edges, rule chips, zoom-based detail) these steps were slower again; what changed since: the nodes lost the paint layers that work added (see the Canvas section: no visually hidden positioned text, chips as icons far away, one shared chip tooltip, containment on React Flow's node element, no text selection while panning), a design over the routing limit (800 boxes) no longer gathers and keys every box on each click, keystroke and drawn chunk, and the inspector's code is fetched when the page is idle rather than on the first click.

Tidy up (after the keystroke, from the click on its button to the notice that it is done): the tasks over 50 ms were ${large.tidy.tasksMs.length === 0 ? 'none' : large.tidy.tasksMs.map((ms) => ms.toFixed(0)).join(', ') + ' ms'}. ELK lays the design out in its own Web Worker (\`canvas/tidyRunner.ts\`), but building its graph (\`canvas/tidy.ts\` reads the automatic layout of the whole design once), reading its answer and saving the result run on the main thread, besides the one React commit that draws the new positions; ${large.tidy.longTasks <= 1 ? 'so the commit is the only long task' : 'so the target (the commit the only long task) is not met yet: moving the graph building into the worker is the next step'}.
`;

const traffic = await runTrafficBench(50, [4, 16]);
report += `
## Animated traffic (headless Chromium, built app, 1440×900)

A generated design of ${traffic[0]!.resources} resources with an internet node and flows of 200 HTTPS requests a second from the internet to public instances, played at 60×; measuring starts once 200 packets are in flight and lasts 6 seconds. Frames are requestAnimationFrame intervals (16.7 ms is every frame on time at headless Chromium's 60 Hz); main-thread ms per frame is the busy time (CDP \`TaskDuration\`) over the frames drawn, which includes the panel's counters re-rendering ten times a second. Packets are drawn on one <canvas> (src/canvas/traffic/TrafficOverlay.tsx); at most 800 are animated at once.

| flows | packets in flight (median, min) | median frame ms | p95 frame ms | worst frame ms | main-thread ms per frame | frames | tasks over 50 ms |
| --- | --- | --- | --- | --- | --- | --- | --- |
${traffic.map((r) => `| ${r.flows} | ${r.packetsMedian}, ${r.packetsMin} | ${r.frameMedianMs.toFixed(1)} | ${r.frameP95Ms.toFixed(1)} | ${r.frameWorstMs.toFixed(1)} | ${r.busyPerFrameMs.toFixed(1)} | ${r.frames} | ${r.longTasks === 0 ? 'none' : `${r.longTasks} (longest ${r.longestTaskMs.toFixed(0)} ms)`} |`).join('\n')}

Target: median frame under 16 ms with 200 packets in flight. The frame interval cannot go below the 16.7 ms display cap, so the figure that shows the headroom is the main-thread work per frame.
`;

const opening = await runOpenFastBench(5);
// The figures of this section in docs/benchmarks.md at main cc2de51 (2026-12-02), the "before" of issue 19's last step.
const before = { gzipKb: 325, openMs: 978 };
/**
 * The view-link figure of cc2de51 and of the branch that followed, measured in the same minutes
 * (bench/openFastAlone.ts against an export of cc2de51 built the same way, runs alternated), since the
 * shared machine's load moves the absolute figures by more than the change: medians of each run of 5.
 */
const sameMinutes = { before: [1780, 1968, 1551, 1926, 2388], after: [2458, 1551, 1989, 2196, 2281] };
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
report += `
## Opening (headless Chromium, built app, 1440×900)

JavaScript before the canvas: the gzip-compressed size (level 9) of every script the built \`index.html\` needs before the app can draw: its module script (\`main.tsx\`, a few KB), the app it imports at once (\`boot.tsx\`, found through the build's manifest) and every chunk those import statically (${opening.startup.files} files). Code behind any other dynamic \`import()\` (side-panel tabs, the toast stack, template builders, the course, importers, the Share actions with the link codec, image export) is fetched when first used and not counted; nor is the analysis worker's bundle, which only the worker loads, nor AWS's icons, which are SVG files requested by what draws them. Open a view link: a fresh browser context (empty cache, no service worker) navigates to \`#view=\` of the template "${opening.template}", and the figure is \`performance.now()\` when all ${opening.nodes} of its nodes are in the DOM (a MutationObserver); median of 5 loads.

| measure | now | before | now / before | target |
| --- | --- | --- | --- | --- |
| JavaScript before the canvas, KB gzip | ${kb(opening.startup.gzipBytes)} (${kb(opening.startup.bytes)} KB uncompressed) | ${before.gzipKb} | ${(opening.startup.gzipBytes / 1024 / before.gzipKb).toFixed(2)}× | under 200 |
| navigation to a view link's design drawn, ms (median of 5; ${opening.openMs.map((ms) => ms.toFixed(0)).join(', ')}) | ${opening.medianOpenMs.toFixed(0)} | ${before.openMs} | ${(opening.medianOpenMs / before.openMs).toFixed(2)}× | under 400 |
| the same, before and after measured in the same minutes (medians of ${sameMinutes.before.length} alternated runs of 5: before ${sameMinutes.before.join(', ')}; after ${sameMinutes.after.join(', ')}) | ${median(sameMinutes.after)} | ${median(sameMinutes.before)} | ${(median(sameMinutes.after) / median(sameMinutes.before)).toFixed(2)}× | under 400 |

Before: main at cc2de51 on 2026-12-02, the figures this section gave then (325 KB, 978 ms). The machine is shared by several builds and test runs, so the absolute times move by half a second from minute to minute. The same-minutes row was measured at a load average near 20 on 2 cores (2026-12-02, 02:10-02:17 UTC, the page's entry then waiting up to 1 s for the worker): its medians do not show a gain (the ranges overlap entirely), so the view-link time is not shown to have improved; measure again on a quiet machine. Earlier (main at 5e24251, 2026-12-01): one chunk of 1.4 MB, 436 KB gzip, 1,187 ms.

What changed for opening a view link (\`bench/openTimeline.ts\` prints, for one load, when each script arrives, when the worker is created and first answers, and when the nodes are drawn): the worker was created only once the whole first JavaScript had loaded (main.tsx's first import still waited for every module of the graph), and then its two scripts waited behind the app's thirty on the browser's six HTTP/1.1 connections to the preview server, so it answered after the canvas was ready (in one traced load its second script was requested 1.6 s after navigation). Now \`main.tsx\` is a few KB that starts the worker and imports the app once the worker's first script has run (a few hundred ms, half a second at most), so the link is decoded while the app loads. The worker's build gets the pure layers' no-side-effects rule too, so its first scripts fell from 324 to 179 KB (94 to 49 KB gzip). The first JavaScript lost the link codec and fflate (the Share actions are fetched on first use) and AWS's icons (now SVG files; the palette asks for its icons once the page is idle). Since then (branch firstjs, 2026-12-02, measured with \`npx vite build --sourcemap && npx tsx scripts/first-js.ts dist 60\`): 312 KB at its start; each kind's schema moved to \`<kind>.schema.ts\` beside its spec, and the readers of stored text (zod, the design schema, migrations, salvage) load beside the app instead of in it, the library opening once they are here: 278 KB; Radix's header and canvas menus fetched when the page is idle or on first use: 269 KB; the traffic overlay fetched when a simulation first sends traffic: 266.5 KB (797 KB minified, 29 files). What is left: react-dom (65 KB), React Flow with d3 (57 KB), Nimbus's own code (82 KB in all: the kinds' specs and views 16 KB, the action table, the library store, the catalogs, the canvas's nodes, connections, 3 KB each), Radix's tooltip and tabs with floating-ui (25 KB: a tooltip wraps every header button, so fetching it later would remount those buttons, losing a focus or a half-typed field, unless the hints move to one shared tooltip as the rule chips' did), react-resizable-panels (16 KB), lucide (6 KB) and immer (4 KB). The view-link time was not shown to change (medians of 5 loads, before and after alternated, \`bench/openFastAlone.ts\`: at a load average of 14-15, before 1,532 and 1,770 ms, after the readers change 2,090 and 1,127 ms; at 4.5-6 with every change of the branch, before 1,446 and 1,283 ms, after 1,085 and 1,295 ms; the ranges overlap). Opening an autosaved design was not timed: its design is drawn once the readers' chunk has arrived, which is fetched with the app's.
`;

mkdirSync('docs', { recursive: true });
writeFileSync('docs/benchmarks.md', report);
process.stdout.write(report);
