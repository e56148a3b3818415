import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../scenarios/templates';
import {
  ECS_MAX_TASKS_PER_SERVICE,
  EKS_MAX_NODES_PER_NODE_GROUP,
  LAMBDA_MAX_ACCOUNT_CONCURRENCY,
  MAX_CANVAS_EXTENT,
  MAX_LOAD_PER_SECOND,
  MAX_NACL_RULES_PER_DIRECTION_RAISED,
  MAX_ROUTES_PER_TABLE_RAISED,
  MAX_SG_RULES_PER_DIRECTION_RAISED,
  MAX_SG_RULES_READABLE,
  MAX_SIMULATION_ACTIONS,
} from './catalogs/limits';
import { parseDesign } from './parse';
import { startingLoadProfile } from './common';
import { startingTargetTracking } from './kinds/ecsService';
import { EcsServiceSchema } from './kinds/ecsService.schema';

type Doc = {
  resources: Record<string, Record<string, unknown>>;
  layout: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

const doc = (template: string): Doc =>
  JSON.parse(JSON.stringify(TEMPLATES.find((t) => t.id === template)!.build())) as Doc;

/** What parseDesign set aside, by id, with its reason; the rest must still open. */
function setAsideOf(input: Doc): Record<string, string> {
  const parsed = parseDesign(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return Object.fromEntries(parsed.setAside.map((r) => [r.id, r.reason]));
}

const rules = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
const sgRule = () => ({ protocol: 'tcp', ports: { from: 443, to: 443 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' } });
const aclRule = (i: number) => ({
  ruleNumber: i + 1,
  protocol: 'all',
  ports: null,
  cidr: '0.0.0.0/0',
  action: 'allow',
});

describe('bounds on counts: a value past AWS quota sets the resource aside, naming the quota', () => {
  it('an ECS service asking for 100,000,000 tasks is set aside, past "Tasks per service"; the rest opens', () => {
    const input = doc('containers');
    input.resources['ecssvc-1']!.desiredCount = 100_000_000;
    expect(setAsideOf(input)).toEqual({
      'ecssvc-1': 'desiredCount: must be at most 5,000 (Amazon ECS quota "Tasks per service")',
    });
    const parsed = parseDesign(input);
    expect(parsed.ok && Object.keys(parsed.design.resources)).toContain('vpc-1');
  });

  it('a scaling maximum of 2e9 tasks is set aside too; the quota itself reads', () => {
    const input = doc('containers');
    input.resources['ecssvc-1']!.scaling = { targetRequestsPerTask: 1e-9, minTasks: 1, maxTasks: 2e9 };
    expect(setAsideOf(input)).toEqual({
      'ecssvc-1': 'scaling.maxTasks: must be at most 5,000 (Amazon ECS quota "Tasks per service")',
    });
    input.resources['ecssvc-1']!.scaling = { targetRequestsPerTask: 1e-9, minTasks: 1, maxTasks: 5000 };
    input.resources['ecssvc-1']!.desiredCount = ECS_MAX_TASKS_PER_SERVICE;
    expect(setAsideOf(input)).toEqual({});
  });

  it("target tracking as Nimbus first proposes it stays within the quota, whatever the service's count", () => {
    const input = doc('containers');
    const service = { ...input.resources['ecssvc-1'], desiredCount: ECS_MAX_TASKS_PER_SERVICE };
    const scaling = startingTargetTracking(ECS_MAX_TASKS_PER_SERVICE);
    expect(scaling).toMatchObject({ minTasks: 5000, maxTasks: 5000 });
    expect(EcsServiceSchema.safeParse({ ...service, scaling }).success).toBe(true);
    expect(startingTargetTracking(2)).toMatchObject({ minTasks: 2, maxTasks: 10 });
  });

  it('EKS node group sizes', () => {
    const input = doc('eks');
    input.resources['eks-1']!.compute = {
      type: 'nodeGroup',
      instanceType: 'm7g.large',
      minSize: 1,
      desiredSize: 2,
      maxSize: EKS_MAX_NODES_PER_NODE_GROUP + 1,
    };
    expect(setAsideOf(input)['eks-1']).toMatch(
      /^compute\.maxSize: must be at most 5,000 .*"Nodes per managed node group"/,
    );
  });

  it("Lambda reserved and provisioned concurrency, and the account's limit", () => {
    const input = doc('serverless-api');
    input.resources['fn-1']!.reservedConcurrency = LAMBDA_MAX_ACCOUNT_CONCURRENCY + 1;
    expect(setAsideOf(input)['fn-1']).toMatch(
      /^reservedConcurrency: must be at most 100,000 .*"Concurrent executions"/,
    );
    input.resources['fn-1']!.reservedConcurrency = null;
    input.resources['fn-1']!.provisionedConcurrency = 1e12;
    expect(setAsideOf(input)['fn-1']).toMatch(/^provisionedConcurrency: must be at most 100,000/);

    const account = doc('serverless-api');
    account.simulation = { accountConcurrency: 2e9 };
    expect(parseDesign(account)).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^simulation\.accountConcurrency: must be at most 100,000 .*"Concurrent executions"/),
      ],
    });
  });

  it('rules per security group (past AWS’s 1,000 still read, up to Nimbus’s 10,000) and per network ACL', () => {
    const input = doc('two-tier');
    input.resources['sg-2']!.inbound = rules(MAX_SG_RULES_PER_DIRECTION_RAISED + 1, sgRule);
    input.resources['sg-3']!.outbound = rules(MAX_SG_RULES_READABLE + 1, sgRule);
    input.resources['acl-1']!.inbound = rules(MAX_NACL_RULES_PER_DIRECTION_RAISED, aclRule);
    expect(setAsideOf(input)).toEqual({
      'sg-3':
        "outbound: must be at most 10,000 (rules: Nimbus's bound, ten times AWS's maximum of 1,000 per direction)",
      'acl-1':
        'inbound: must be at most 39 (numbered rules: Amazon VPC quota "Rules per network ACL" raised to 40, the final * rule included)',
    });
  });

  it('routes per route table', () => {
    const input = doc('two-tier');
    input.resources['rtb-2']!.routes = rules(MAX_ROUTES_PER_TABLE_RAISED + 1, (i) => ({
      destination: `10.${i >> 8}.${i & 255}.0/24`,
      target: 'local',
    }));
    expect(setAsideOf(input)).toEqual({
      'rtb-2': 'routes: must be at most 1,000 (routes: Amazon VPC quota "Routes per route table" at its maximum)',
    });
  });

  it('offered loads: trigger events, service requests and a spike peak', () => {
    const input = doc('serverless-api');
    input.resources['trigger-1']!.eventsPerSecond = 1e300;
    expect(setAsideOf(input)['trigger-1']).toBe(
      "eventsPerSecond: must be at most 1,000,000 (Nimbus's most events a second)",
    );
    const service = doc('containers');
    service.resources['ecssvc-1']!.load = { shape: 'spike', peak: MAX_LOAD_PER_SECOND * 10, from: 0, to: 1e308 };
    expect(setAsideOf(service)['ecssvc-1']).toMatch(/^load\.peak: must be at most 1,000,000/);
    // The inspector's starting spike stays within the bound whatever the rate.
    expect(startingLoadProfile('spike', MAX_LOAD_PER_SECOND, 0)).toMatchObject({ peak: MAX_LOAD_PER_SECOND });
  });

  it('simulation actions and flow rates refuse the document, as any unreadable settings do', () => {
    const actions = doc('single-web-server');
    actions.simulation = {
      actions: rules(MAX_SIMULATION_ACTIONS + 1, (i) => ({ at: i, instanceId: 'i-1', action: 'reboot' })),
    };
    const refused = parseDesign(actions);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors).toEqual([
      "simulation.actions: must be at most 100,000 (actions: Nimbus's most scheduled actions)",
    ]);
    const late = doc('single-web-server');
    late.simulation = { actions: [{ at: 1e308, instanceId: 'i-1', action: 'stop' }] };
    expect(parseDesign(late).ok).toBe(false);
    const flows = doc('single-web-server');
    (flows.flows as Array<Record<string, unknown>>)[0]!.ratePerSecond = 1e9;
    expect(parseDesign(flows)).toMatchObject({
      ok: false,
      errors: ["flows.0.ratePerSecond: must be at most 100,000 (Nimbus's most requests a second for one flow)"],
    });
  });
});

describe('bounds on layout: a position or size past the canvas extent sets its resource aside', () => {
  it('x = 1e308 and a width of 1e308 are set aside with their layout; the rest opens and keeps its places', () => {
    const input = doc('two-tier');
    input.layout['subnet-1'] = { x: 1e308, y: 0, parentId: 'az-1' };
    input.layout['vpc-1'] = { x: 0, y: 0, parentId: 'region-1', width: 1e308, height: 400 };
    const parsed = parseDesign(input);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(Object.fromEntries(parsed.setAside.map((r) => [r.id, r.reason]))).toEqual({
      'subnet-1': "layout x: must be at most 1,000,000 (Nimbus's canvas extent)",
      'vpc-1': "layout width: must be at most 1,000,000 (Nimbus's canvas extent)",
    });
    expect(parsed.setAside.find((r) => r.id === 'subnet-1')?.issues).toEqual([
      "layout.subnet-1.x: must be at most 1,000,000 (Nimbus's canvas extent)",
    ]);
    expect(parsed.design.setAside?.layout).toMatchObject({ 'subnet-1': { x: 1e308 } });
    expect(parsed.design.layout['subnet-1']).toBeUndefined();
    expect(parsed.design.resources['subnet-2']).toBeDefined();
  });

  it('a negative position past the extent, a zero size, and the extent itself', () => {
    const input = doc('two-tier');
    input.layout['subnet-1'] = { x: -MAX_CANVAS_EXTENT * 2, y: 0, parentId: 'az-1' };
    input.layout['subnet-2'] = { x: 0, y: 0, parentId: 'az-1', width: 0 };
    input.layout['subnet-3'] = { x: MAX_CANVAS_EXTENT, y: -MAX_CANVAS_EXTENT, parentId: 'az-2' };
    const reasons = setAsideOf(input);
    expect(reasons['subnet-1']).toBe("layout x: must be at least -1,000,000 (Nimbus's canvas extent)");
    expect(reasons['subnet-2']).toMatch(/^layout width: /);
    expect(reasons['subnet-3']).toBeUndefined();
  });
});
