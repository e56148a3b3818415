import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { EcsService, SecurityGroup } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { analysisApi } from './analysisApi';
import type { SimFrame } from './protocol';

/** Designs cross the worker boundary as plain data: flows must survive parsing on the way in. */
const web = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the worker API carries flows', () => {
  it('loads and syncs designs with their flows; frames report them', () => {
    const frames: SimFrame[] = [];
    expect(analysisApi.simLoad(plain(web), 1, (f) => frames.push(f))).toEqual({ ok: true });
    expect(frames.at(-1)!.traffic.paths['flow-1']).toMatchObject({ reachable: true, version: 1 });
    analysisApi.simStep(2);
    expect(frames.at(-1)!.traffic.flows).toEqual([
      expect.objectContaining({ id: 'flow-1', name: 'Internet users → Web server :443', sent: 100, delivered: 100 }),
    ]);
    expect(frames.at(-1)!.traffic.packets).toHaveLength(8);
    const closed = produce(web, (draft) => {
      const group = Object.values(draft.resources).find((r) => r.name === 'web') as SecurityGroup;
      group.inbound = [];
    });
    analysisApi.simSync(plain(closed));
    expect(frames.at(-1)!.traffic.paths['flow-1']).toMatchObject({ reachable: false, version: 2 });
    // The verdict changes with the edit, and the frame sent for it carries the log line.
    expect(frames.at(-1)!.log.map((l) => l.text)).toEqual([
      'internet → Web server :443 now dropped at security groups of Web server (inbound) (ENI_SG_RULES_MISMATCH).',
    ]);
    analysisApi.simStep(1);
    expect(frames.at(-1)!.traffic.flows[0]).toMatchObject({ sent: 150, delivered: 100, droppedForward: 50 });
    analysisApi.simPause();
  });
});

describe('the worker API follows edits of simulated resources', () => {
  it("an ECS service's desired count edited in the editor reaches the running simulation", () => {
    const containers = TEMPLATES.find((t) => t.id === 'containers')!.build();
    const frames: SimFrame[] = [];
    expect(analysisApi.simLoad(plain(containers), 1, (f) => frames.push(f))).toEqual({ ok: true });
    analysisApi.simStep(60);
    expect(frames.at(-1)!.services[0]).toMatchObject({ desired: 3, running: 3 });
    const scaledUp = produce(containers, (draft) => {
      const service = Object.values(draft.resources).find((r) => r.kind === 'ecsService') as EcsService;
      service.desiredCount = 7;
    });
    analysisApi.simSync(plain(scaledUp));
    analysisApi.simStep(60);
    expect(frames.at(-1)!.services[0]).toMatchObject({ desired: 7, running: 7 });
    analysisApi.simPause();
  });
});
