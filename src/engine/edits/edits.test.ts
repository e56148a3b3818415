import { describe, expect, it } from 'vitest';
import { FARGATE_TASK_SIZES, idSourceFor, resourcesOfKind, type Design, type Resource } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { sampleDesign } from '../testing/sampleDesign';
import { validateDesign } from '../validate';
import {
  deleteResources,
  duplicateResources,
  setInstanceSecurityGroup,
  setLoadShape,
  setMainRouteTable,
  setServiceScaling,
  setTaskCpu,
  setVpcCidrs,
} from './index';

const template = (id: string): Design => TEMPLATES.find((t) => t.id === id)!.build();
const onlyOf = <K extends Resource['kind']>(design: Design, kind: K) => resourcesOfKind(design, kind)[0]!;
const afterDelete = (design: Design, ids: string[]): Design => {
  const result = deleteResources(design, ids);
  if (!result.ok) throw new Error(result.reason);
  return result.design;
};

describe('deleting resources follows each kind’s declared references', () => {
  it('a virtual private gateway takes its VPN connections, detaches Direct Connect and leaves route propagation', () => {
    const design = template('hybrid');
    const vgw = onlyOf(design, 'virtualPrivateGateway');
    expect(resourcesOfKind(design, 'vpnConnection').length).toBeGreaterThan(0);
    const next = afterDelete(design, [vgw.id]);
    expect(resourcesOfKind(next, 'vpnConnection')).toEqual([]);
    for (const link of resourcesOfKind(next, 'directConnectConnection')) expect(link.vpnGatewayId).toBeNull();
    for (const table of resourcesOfKind(next, 'routeTable')) expect(table.propagatingGatewayIds).not.toContain(vgw.id);
    expect(validateDesign(next).map((f) => f.code)).not.toContain('REFERENCE_MISSING');
  });

  it('a function takes its triggers with it', () => {
    const design = template('serverless-api');
    const fn = onlyOf(design, 'lambdaFunction');
    expect(resourcesOfKind(design, 'lambdaTrigger').some((t) => t.functionId === fn.id)).toBe(true);
    const next = afterDelete(design, [fn.id]);
    expect(resourcesOfKind(next, 'lambdaTrigger').filter((t) => t.functionId === fn.id)).toEqual([]);
  });

  it('a deleted group stays named in another group’s rule, and validation says so', () => {
    const start = sampleDesign();
    const group = onlyOf(start, 'securityGroup');
    const copied = duplicateResources(start, [group.id], idSourceFor(start));
    if (!copied.ok) throw new Error(copied.reason);
    const copy = resourcesOfKind(copied.design, 'securityGroup').find((g) => g.id !== group.id)!;
    // The copy keeps the default group's rule that allows traffic from the original group.
    expect(copy.inbound.some((r) => r.peer.type === 'securityGroup' && r.peer.groupId === group.id)).toBe(true);
    const next = afterDelete(copied.design, [group.id]);
    const kept = resourcesOfKind(next, 'securityGroup')[0]!;
    expect(kept.inbound.some((r) => r.peer.type === 'securityGroup' && r.peer.groupId === group.id)).toBe(true);
    expect(
      validateDesign(next)
        .filter((f) => f.code === 'SG_RULE_GROUP_MISSING')
        .map((f) => f.resourceId),
    ).toEqual([kept.id]);
  });

  it('leaves no reference naming a deleted resource, in any template, whichever resource goes', () => {
    for (const t of TEMPLATES) {
      const design = t.build();
      for (const id of Object.keys(design.resources)) {
        const next = afterDelete(design, [id]);
        const dangling = validateDesign(next).filter((f) => f.code.startsWith('REFERENCE_'));
        expect(dangling, `${t.id}: deleting ${id}`).toEqual([]);
        for (const [key, entry] of Object.entries(next.layout)) {
          expect(next.resources[key], `${t.id}: layout of ${key} after deleting ${id}`).toBeDefined();
          if (entry.parentId) expect(next.resources[entry.parentId]).toBeDefined();
        }
      }
    }
  });
});

describe('duplicating follows each kind’s spec', () => {
  it('a route table copy has no associations and is not main; gateways are not copied', () => {
    const design = sampleDesign();
    const main = resourcesOfKind(design, 'routeTable').find((t) => t.main)!;
    const igw = onlyOf(design, 'internetGateway');
    const result = duplicateResources(design, [main.id, igw.id], idSourceFor(design));
    if (!result.ok) throw new Error(result.reason);
    const tables = resourcesOfKind(result.design, 'routeTable');
    const copy = tables.find((t) => t.name === `${main.name} copy`)!;
    expect(copy).toMatchObject({ main: false, subnetIds: [], vpcId: main.vpcId });
    expect(resourcesOfKind(result.design, 'internetGateway')).toHaveLength(1);
    expect(result.message).toBe('Duplicated 1 resource.');
  });

  it('an instance copy gets a free address in its subnet and no Elastic IP', () => {
    const design = sampleDesign();
    const web = resourcesOfKind(design, 'ec2Instance')[0]!;
    const result = duplicateResources(design, [web.id], idSourceFor(design));
    if (!result.ok) throw new Error(result.reason);
    const copy = resourcesOfKind(result.design, 'ec2Instance').find((i) => i.name === `${web.name} copy`)!;
    expect(copy.subnetId).toBe(web.subnetId);
    expect(copy.privateIp).not.toBe(web.privateIp);
    expect(copy.elasticIpId).toBeNull();
    expect(validateDesign(result.design).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses when nothing selected can be copied', () => {
    const design = sampleDesign();
    expect(duplicateResources(design, [onlyOf(design, 'vpc').id], idSourceFor(design))).toMatchObject({ ok: false });
  });
});

describe('VPC edits', () => {
  it('changing the CIDRs keeps every table’s local routes in step', () => {
    const design = sampleDesign();
    const vpc = onlyOf(design, 'vpc');
    const next = setVpcCidrs(design, vpc.id, '10.0.0.0/16', ['10.1.0.0/16']);
    for (const table of resourcesOfKind(next, 'routeTable'))
      expect(table.routes.filter((r) => r.target === 'local').map((r) => r.destination)).toEqual([
        '10.0.0.0/16',
        '10.1.0.0/16',
      ]);
    expect(setVpcCidrs(design, 'vpc-none', '10.0.0.0/16', [])).toBe(design);
  });

  it('making a table main unsets the previous main table of the same VPC', () => {
    const design = sampleDesign();
    const other = resourcesOfKind(design, 'routeTable').find((t) => !t.main)!;
    const next = setMainRouteTable(design, other.id);
    expect(
      resourcesOfKind(next, 'routeTable')
        .filter((t) => t.main)
        .map((t) => t.id),
    ).toEqual([other.id]);
  });
});

describe('resource edits the inspector names', () => {
  it('puts an instance in a group once and takes it out again', () => {
    const design = sampleDesign();
    const web = resourcesOfKind(design, 'ec2Instance')[0]!;
    const group = onlyOf(design, 'securityGroup');
    const twice = setInstanceSecurityGroup(
      setInstanceSecurityGroup(design, web.id, group.id, true),
      web.id,
      group.id,
      true,
    );
    expect(twice.resources[web.id]).toMatchObject({ securityGroupIds: [group.id] });
    const out = setInstanceSecurityGroup(twice, web.id, group.id, false);
    expect(out.resources[web.id]).toMatchObject({ securityGroupIds: [] });
  });

  it('starts target tracking from the service’s desired count, within the domain’s starting bounds', () => {
    const design = template('containers');
    const service = onlyOf(design, 'ecsService');
    const on = setServiceScaling(design, service.id, true);
    expect(on.resources[service.id]).toMatchObject({
      scaling: { targetRequestsPerTask: 100, minTasks: Math.max(1, service.desiredCount) },
    });
    expect(setServiceScaling(on, service.id, false).resources[service.id]).toMatchObject({ scaling: null });
  });

  it('a spike picked at simulated second 30.2 starts at 31 and lasts two minutes', () => {
    const design = template('serverless-api');
    const trigger = onlyOf(design, 'lambdaTrigger');
    const next = setLoadShape(design, trigger.id, 'spike', 30.2);
    expect(next.resources[trigger.id]).toMatchObject({ load: { shape: 'spike', from: 31, to: 151 } });
    expect(setLoadShape(design, 'nothing', 'spike', 0)).toBe(design);
  });
});

describe('task size', () => {
  it('moving a Fargate service to 4 vCPU moves 512 MiB to the smallest memory Fargate allows there', () => {
    const design = template('containers');
    const service = resourcesOfKind(design, 'ecsService').find((s) => s.launchType === 'FARGATE')!;
    const next = setTaskCpu(
      { ...design, resources: { ...design.resources, [service.id]: { ...service, taskMemory: 512 } } },
      service.id,
      4096,
    );
    expect(next.resources[service.id]).toMatchObject({ taskCpu: 4096, taskMemory: FARGATE_TASK_SIZES.get(4096)![0] });
  });
});

describe('repairReferences', () => {
  it('clears what names nothing, skips what can’t exist without it and notes each, including what went along', async () => {
    const { repairReferences } = await import('./repairReferences');
    const design = template('hybrid');
    const vgw = onlyOf(design, 'virtualPrivateGateway');
    const { [vgw.id]: _gone, ...rest } = design.resources;
    const result = repairReferences({ ...design, resources: rest });
    expect(resourcesOfKind(result.design, 'vpnConnection')).toEqual([]);
    for (const link of resourcesOfKind(result.design, 'directConnectConnection')) expect(link.vpnGatewayId).toBeNull();
    for (const vpn of resourcesOfKind(design, 'vpnConnection')) expect(result.notes.join('\n')).toContain(vpn.id);
    expect(validateDesign(result.design).map((f) => f.code)).not.toContain('REFERENCE_MISSING');
  });
});
