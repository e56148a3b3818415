import { defaultHealthCheck, type HealthCheck, type Listener, type LoadBalancer, type TargetGroup } from '../domain';
import type { HaData } from './awsSchemasHa';
import { unique, type HaImportHooks } from './awsImportHaHooks';
import { importDatabases } from './awsImportRds';
import { importAutoScaling } from './awsImportAutoScaling';

/**
 * Load balancers (ELBv2), target groups, listeners and target health; Auto
 * Scaling groups and their launch templates (`awsImportAutoScaling.ts`) and
 * RDS (`awsImportRds.ts`), mapped onto a design the base importer has filled
 * with VPCs, subnets, groups and instances. What Nimbus does not model is
 * named in a note.
 */

/**
 * A design id from an ELB ARN: `prefix-<name>-<hash>` from its last two path
 * parts (`...:loadbalancer/app/web/50dc6c495c0c9188` → `elb-web-50dc6c495c0c9188`),
 * the same for every import of the same ARN.
 */
export function arnId(prefix: string, arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const parts = resource.split('/').filter(Boolean);
  const tail = parts.length >= 2 ? parts.slice(-2) : parts.length === 1 ? parts : [arn];
  return `${prefix}-${tail.join('-').replace(/[^A-Za-z0-9-]/g, '-')}`;
}

const LISTENER_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'TLS', 'TCP_UDP'] as const;
const isListenerProtocol = (p: string | undefined): p is Listener['protocol'] =>
  (LISTENER_PROTOCOLS as readonly string[]).includes(p ?? '');

/** Maps everything of high availability; returns the interfaces it accounts for (load balancer nodes). */
export function importHa(hooks: HaImportHooks): { interfaces: Set<string> } {
  const interfaces = new Set<string>();
  const groupIds = importTargetGroups(hooks);
  importLoadBalancers(hooks, groupIds, interfaces);
  importAutoScaling(hooks, groupIds);
  importDatabases(hooks);
  return { interfaces };
}

function healthCheckOf(group: HaData['TargetGroups'][number], protocol: TargetGroup['protocol']): HealthCheck {
  const base = defaultHealthCheck(protocol);
  const checkProtocol = group.HealthCheckProtocol;
  const port = group.HealthCheckPort && /^\d+$/.test(group.HealthCheckPort) ? Number(group.HealthCheckPort) : null;
  return {
    enabled: group.HealthCheckEnabled ?? base.enabled,
    protocol:
      checkProtocol === 'HTTP' || checkProtocol === 'HTTPS' || checkProtocol === 'TCP' ? checkProtocol : base.protocol,
    path: group.HealthCheckPath ?? base.path,
    port: port ?? 'traffic-port',
    intervalSeconds: group.HealthCheckIntervalSeconds ?? base.intervalSeconds,
    timeoutSeconds: group.HealthCheckTimeoutSeconds ?? base.timeoutSeconds,
    healthyThreshold: group.HealthyThresholdCount ?? base.healthyThreshold,
    unhealthyThreshold: group.UnhealthyThresholdCount ?? base.unhealthyThreshold,
  };
}

type HealthDescription = HaData['TargetHealthDescriptions'][number];

/**
 * Plain `describe-target-health` output, attributed to a group by its file's
 * name (the group's name or its ARN's id in it, the longest that matches), or
 * to the only group of the files.
 */
function plainTargetHealth(data: HaData, notes: string[]) {
  const byFile = new Map<string, HealthDescription[]>();
  for (const d of data.TargetHealthDescriptions) {
    const file = d.SourceFile ?? '';
    byFile.set(file, [...(byFile.get(file) ?? []), d]);
  }
  const groups = unique(data.TargetGroups, (g) => g.TargetGroupArn);
  const out: Array<{ TargetGroupArn: string; TargetHealthDescriptions: HealthDescription[] }> = [];
  for (const [file, descriptions] of byFile) {
    const base = file.split('/').pop() ?? file;
    const named = groups
      .filter((g) => {
        const hash = g.TargetGroupArn.split('/').pop();
        return base.includes(g.TargetGroupName) || (!!hash && base.includes(hash));
      })
      .sort((a, b) => b.TargetGroupName.length - a.TargetGroupName.length)[0];
    const group = named ?? (groups.length === 1 ? groups[0] : undefined);
    if (group) out.push({ TargetGroupArn: group.TargetGroupArn, TargetHealthDescriptions: descriptions });
    else
      notes.push(
        `${file}: ${descriptions.length} targets from describe-target-health, which does not name its target group, and the file's name names none of the ${groups.length} groups; not registered (name the file after its group, e.g. target-health-<group name>.json)`,
      );
  }
  return out;
}

/** Target groups by ARN → design id (only those imported). */
function importTargetGroups({ data, add, known, notes }: HaImportHooks): Map<string, string> {
  const ids = new Map<string, string>();
  const health = unique([...data.LoadBalancerTargetHealth, ...plainTargetHealth(data, notes)], (h) => h.TargetGroupArn);
  let imported = 0;
  for (const group of unique(data.TargetGroups, (g) => g.TargetGroupArn)) {
    const type = group.TargetType ?? 'instance';
    const what = `target group ${group.TargetGroupName}`;
    if (type !== 'instance' && type !== 'ip' && type !== 'lambda') {
      notes.push(`${what}: target type ${type}, which Nimbus does not model; skipped`);
      continue;
    }
    if (!known(group.VpcId)) {
      notes.push(
        `${what}: ${group.VpcId ? `its VPC ${group.VpcId} is not in the files` : 'it has no VPC (a Lambda target group), and Nimbus places target groups in a VPC'}; skipped`,
      );
      continue;
    }
    const protocol = isListenerProtocol(group.Protocol) ? group.Protocol : 'HTTP';
    if (group.Protocol && protocol !== group.Protocol)
      notes.push(`${what}: protocol ${group.Protocol} is not modelled; shown as HTTP`);
    const id = arnId('tg', group.TargetGroupArn);
    const registered = health.find((h) => h.TargetGroupArn === group.TargetGroupArn)?.TargetHealthDescriptions ?? [];
    const states = new Map<string, number>();
    for (const d of registered) {
      const state = d.TargetHealth?.State ?? 'unknown';
      const reason = d.TargetHealth?.Reason ? ` (${d.TargetHealth.Reason})` : '';
      states.set(`${state}${reason}`, (states.get(`${state}${reason}`) ?? 0) + 1);
    }
    if (states.size > 0)
      notes.push(
        `${what}: AWS reported ${[...states].map(([s, n]) => `${n} ${s}`).join(', ')}; a design holds no health state, so the simulation starts each target afresh and runs the group's health checks itself`,
      );
    ids.set(group.TargetGroupArn, id);
    imported += 1;
    add({
      kind: 'targetGroup',
      id: id as never,
      name: group.TargetGroupName,
      vpcId: group.VpcId as never,
      targetType: type,
      protocol,
      port: group.Port ?? 80,
      healthCheck: healthCheckOf(group, protocol),
      targetIds: type === 'ip' ? [] : registered.map((d) => d.Target.Id),
      targetIps: type === 'ip' ? registered.map((d) => d.Target.Id) : [],
      // describe-target-group-attributes is not read: AWS's default delay (ELB User Guide, "Deregistration delay").
      deregistrationDelaySeconds: 300,
    });
  }
  if (imported > 0)
    notes.push(
      `target groups: deregistration delays are AWS's default of 300 s (Nimbus does not read describe-target-group-attributes)`,
    );
  return ids;
}

function importLoadBalancers(hooks: HaImportHooks, groupIds: Map<string, string>, interfaces: Set<string>): void {
  const { data, add, known, notes } = hooks;
  const listeners = unique(
    [...data.Listeners, ...data.LoadBalancerListeners.flatMap((l) => l.Listeners)],
    (l) => l.ListenerArn ?? `${l.LoadBalancerArn} ${l.Protocol} ${l.Port}`,
  );
  if (listeners.length > 0 && data.Rules.length === 0)
    notes.push(
      'listener rules: no describe-rules output, so any rule beyond a listener’s default action is unknown (Nimbus models each listener’s default action)',
    );
  for (const lb of unique(data.LoadBalancers, (l) => l.LoadBalancerArn)) {
    const what = `load balancer ${lb.LoadBalancerName}`;
    if (lb.Type !== 'application' && lb.Type !== 'network') {
      const count = listeners.filter((l) => l.LoadBalancerArn === lb.LoadBalancerArn).length;
      notes.push(
        `${what}: a ${lb.Type} load balancer, which Nimbus does not model; skipped with its ${count} listener${count === 1 ? '' : 's'}`,
      );
      continue;
    }
    if (!known(lb.VpcId)) {
      notes.push(`${what}: its VPC ${lb.VpcId ?? '?'} is not in the files; skipped`);
      continue;
    }
    const id = arnId('elb', lb.LoadBalancerArn);
    // A node's interface is described "ELB app/<name>/<hash>" or "ELB net/<name>/<hash>" (its ARN's tail).
    const tail = lb.LoadBalancerArn.split(':loadbalancer/')[1] ?? '';
    const tag = `ELB ${tail}`;
    const nodes = data.NetworkInterfaces.filter((n) => n.Description === tag);
    nodes.forEach((n) => interfaces.add(n.NetworkInterfaceId));
    const subnetMappings: LoadBalancer['subnetMappings'] = lb.AvailabilityZones.filter((z) => z.SubnetId).map((z) => {
      const address = z.LoadBalancerAddresses[0];
      const node = nodes.find((n) => n.SubnetId === z.SubnetId);
      if (address?.IpAddress && !(address.AllocationId && known(address.AllocationId)))
        notes.push(
          `${what}: its node in ${z.SubnetId} has the public address ${address.IpAddress}${address.AllocationId ? ` of Elastic IP ${address.AllocationId}, which is not in the files (describe-addresses)` : ", AWS's own rather than an Elastic IP"}; Nimbus shows the node without it`,
        );
      return {
        subnetId: z.SubnetId as never,
        privateIp: address?.PrivateIPv4Address ?? node?.PrivateIpAddress ?? null,
        elasticIpId: (address?.AllocationId && known(address.AllocationId) ? address.AllocationId : null) as never,
      };
    });
    const crossZone = data.LoadBalancerAttributes.find(
      (a) => a.LoadBalancerArn === lb.LoadBalancerArn,
    )?.Attributes.find((a) => a.Key === 'load_balancing.cross_zone.enabled')?.Value;
    const own = listeners.filter((l) => l.LoadBalancerArn === lb.LoadBalancerArn);
    const mapped: Listener[] = [];
    for (const listener of own) {
      const where = `${what}: the listener on ${listener.Protocol ?? '?'} ${listener.Port ?? '?'}`;
      if (!isListenerProtocol(listener.Protocol) || listener.Port === undefined) {
        notes.push(`${where} is not one Nimbus models; skipped`);
        continue;
      }
      const forward = listener.DefaultActions.find((a) => a.Type === 'forward');
      const arns = forward
        ? forward.TargetGroupArn
          ? [forward.TargetGroupArn]
          : (forward.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn)
        : [];
      if (!forward)
        notes.push(
          `${where} has no forward action (${listener.DefaultActions.map((a) => a.Type).join(', ') || 'none'}); Nimbus models the default forward action only, so it forwards nowhere`,
        );
      else if (arns.length > 1)
        notes.push(`${where} forwards to ${arns.length} weighted target groups; Nimbus keeps the first`);
      const groupId = arns[0] ? (groupIds.get(arns[0]) ?? null) : null;
      if (arns[0] && !groupId)
        notes.push(`${where} forwards to ${arns[0]}, which is not in the files; it forwards nowhere`);
      mapped.push({ protocol: listener.Protocol, port: listener.Port, targetGroupId: groupId as never });
    }
    // A rule's ARN carries its load balancer's: listener-rule/app/<name>/<hash>/<listener>/<rule>.
    const rules = data.Rules.filter(
      (r) => !r.IsDefault && r.Priority !== 'default' && r.RuleArn.includes(`:listener-rule/${tail}/`),
    );
    if (rules.length > 0)
      notes.push(
        `${what}: ${rules.length} listener rule${rules.length === 1 ? '' : 's'} beyond the default actions skipped (Nimbus models each listener's default action)`,
      );
    add({
      kind: 'loadBalancer',
      id: id as never,
      name: lb.LoadBalancerName,
      type: lb.Type,
      scheme: lb.Scheme === 'internal' ? 'internal' : 'internet-facing',
      vpcId: lb.VpcId as never,
      subnetMappings,
      securityGroupIds: lb.SecurityGroups as never[],
      listeners: mapped,
      crossZone: lb.Type === 'application' || crossZone === 'true',
    });
  }
}
