import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { ClientVpnEndpoint, Design, SecurityGroup } from '../../domain';
import { evaluateCheck, evaluateGoals } from './evaluate';
import { LESSONS } from './lessons';
import { parseLesson } from './schema';

const lesson = LESSONS.find((l) => l.id === 'client-vpn')!;
const goal = (id: string) => lesson.goals.find((g) => g.id === id)!.check;
const edit = (design: Design, recipe: (endpoint: ClientVpnEndpoint, app: SecurityGroup) => void) =>
  produce(design, (d) => {
    const endpoint = d.resources['admin-vpn'] as ClientVpnEndpoint;
    const app = Object.values(d.resources).find((r) => r.kind === 'securityGroup' && r.name === 'app') as SecurityGroup;
    recipe(endpoint, app);
  });

describe('the clientVpnReaches goal, through the Client VPN challenge', () => {
  it('names each fault in turn: a client CIDR AWS refuses, no association, no authorization rule, a group rule for the client CIDR', () => {
    const start = lesson.start;
    expect(evaluateCheck(start, goal('admins-ssh'))).toMatchObject({ met: false });
    // AWS would not create an endpoint with a /24 client CIDR, so no user exists to trace from.
    expect(evaluateCheck(start, goal('admins-ssh')).detail).toContain('client CIDR 172.16.0.0/24 is a /24');
    expect(evaluateCheck(start, goal('valid-client-cidr'))).toMatchObject({ met: false });
    const validCidr = edit(start, (endpoint) => void (endpoint.clientCidr = '172.16.0.0/22'));
    expect(evaluateCheck(validCidr, goal('admins-ssh')).detail).toContain('no target network associated');

    const associated = edit(start, (endpoint) => {
      endpoint.clientCidr = '172.16.0.0/22';
      endpoint.targetSubnetIds.push('subnet-private' as never);
    });
    expect(evaluateCheck(associated, goal('valid-client-cidr')).met).toBe(true);
    expect(evaluateCheck(associated, goal('admins-ssh')).detail).toContain('CLIENT_VPN_NOT_AUTHORIZED');

    // A rule for another group is not enough: the simulated user is in "admins".
    const otherGroup = edit(associated, (endpoint) => {
      endpoint.authorizationRules.push({ destinationCidr: '10.0.0.0/16', accessGroup: 'developers' });
    });
    expect(evaluateCheck(otherGroup, goal('admins-ssh')).detail).toContain('group developers');

    const authorized = edit(associated, (endpoint) => {
      endpoint.authorizationRules.push({ destinationCidr: '10.0.0.0/16', accessGroup: 'admins' });
    });
    const translated = evaluateCheck(authorized, goal('admins-ssh'));
    expect(translated.met).toBe(false);
    expect(translated.detail).toContain('ENI_SG_RULES_MISMATCH');

    const fixed = edit(authorized, (_, app) => {
      app.inbound = [
        {
          protocol: 'tcp',
          ports: { from: 22, to: 22 },
          peer: { type: 'securityGroup', groupId: 'sg-vpn' as never },
          description: '',
        },
      ];
    });
    expect(evaluateGoals(fixed, lesson.goals).every((g) => g.met)).toBe(true);
  });

  it('is not met when the endpoint is gone, and can ask that a user must not get through', () => {
    const gone = produce(lesson.start, (d) => void delete d.resources['admin-vpn']);
    expect(evaluateCheck(gone, goal('admins-ssh'))).toEqual({
      met: false,
      detail: 'The Client VPN endpoint "admin-vpn" is no longer in the design.',
    });
    const mustNot = {
      type: 'clientVpnReaches' as const,
      endpointId: 'admin-vpn',
      to: 'app-1',
      protocol: 'tcp' as const,
      port: 22,
      expect: 'unreachable' as const,
    };
    const unauthorized = edit(lesson.start, (endpoint) => {
      endpoint.clientCidr = '172.16.0.0/22';
      endpoint.targetSubnetIds.push('subnet-private' as never);
    });
    expect(evaluateCheck(unauthorized, mustNot).met).toBe(true);
  });

  it('a lesson naming an endpoint the start design lacks is refused', () => {
    const raw = JSON.parse(
      JSON.stringify({
        ...lesson,
        goals: [
          {
            id: 'x',
            text: 'x',
            hint: 'x',
            check: { type: 'clientVpnReaches', endpointId: 'nope', to: 'app-1', port: 22 },
          },
          lesson.goals[2],
        ],
      }),
    );
    const parsed = parseLesson(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toContain('no Client VPN endpoint "nope" in the start design');
  });
});
