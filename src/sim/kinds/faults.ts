import { getResource, resourcesOfKind, type Design, type FaultEvent, type LiveFault } from '../../domain';
import type { EventHandler, FrameParts, SimContext, SimulatedKind } from '../kind';
import type { ActionResult, FaultAction, FaultsFrame } from '../protocol';

/** A fault in effect: what failed, since when and until when (null: until recovered). */
interface ActiveFault {
  serial: number;
  fault: Exclude<LiveFault['fault'], 'dbFailover'>;
  targetId: string;
  /** A route deletion's destination. */
  destination: string | null;
  since: number;
  until: number | null;
}

type FaultTimerEvent = { kind: 'inject'; fault: FaultEvent } | { kind: 'end'; serial: number };

/** The resource a fault names: a zone, an instance, a NAT gateway or a DB instance. */
export function faultTargetId(fault: LiveFault): string {
  switch (fault.fault) {
    case 'zoneOutage':
      return fault.zoneId;
    case 'instanceFailure':
      return fault.instanceId;
    case 'natGatewayFailure':
      return fault.natGatewayId;
    case 'dbFailover':
      return fault.dbInstanceId;
    case 'routeDeletion':
      return fault.tableId;
  }
}

/**
 * The faults in effect (`design.simulation.faults` at their times, and live
 * ones): which zones are down, which instances are impaired, which NAT
 * gateways forward nothing. The kind only keeps the record; the Simulation
 * rebuilds the design the other kinds see when it changes (`onChange`), and a
 * DB failover goes to the databases (`onDbFailover`).
 */
export class Faults implements SimulatedKind, EventHandler<FaultTimerEvent> {
  private readonly active: ActiveFault[] = [];
  private serial = 0;
  private design: Design;
  private zonesDownCache: readonly string[] = [];
  private impairedCache = new Set<string>();
  /** When each impaired instance became impaired (kept while it stays impaired). */
  private impairedSince = new Map<string, number>();
  private failedNatCache = new Set<string>();

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    private readonly hooks: {
      onChange: () => void;
      onDbFailover: (dbInstanceId: string) => ActionResult;
    },
  ) {
    this.design = design;
    for (const fault of design.simulation?.faults ?? [])
      ctx.schedule<FaultTimerEvent>(Math.max(fault.at, 0), this, { kind: 'inject', fault });
  }

  /** Follows the design the kinds see (with group instances), so a zone's new instances are impaired too. */
  sync(design: Design): void {
    this.design = design;
    this.refresh();
  }

  handle(event: FaultTimerEvent): void {
    if (event.kind === 'inject') {
      const { at, ...fault } = event.fault;
      void at;
      const result = this.apply({ kind: 'inject', fault: fault as LiveFault });
      if (!result.ok)
        this.ctx.say(
          'error',
          faultTargetId(fault as LiveFault),
          `Scheduled fault not injected: ${result.code}: ${result.message}`,
        );
      return;
    }
    const index = this.active.findIndex((f) => f.serial === event.serial);
    if (index >= 0) this.end([this.active[index]!]);
  }

  /** Injects a fault now or recovers every fault on a target; refused when the target does not exist. */
  apply(action: FaultAction): ActionResult {
    if (action.kind === 'recover') {
      const ended = this.active.filter((f) => f.targetId === action.targetId);
      if (ended.length === 0)
        return { ok: false, code: 'NoActiveFault', message: `No fault is in effect on ${action.targetId}.` };
      this.end(ended);
      return { ok: true };
    }
    const fault = action.fault;
    const targetId = faultTargetId(fault);
    if (fault.fault === 'dbFailover') return this.hooks.onDbFailover(targetId);
    const destination = fault.fault === 'routeDeletion' ? fault.destination : null;
    const name = this.nameOf(fault.fault, targetId, destination);
    if (name === null)
      return {
        ok: false,
        code: 'ResourceNotFound',
        message:
          destination === null
            ? `No ${kindWords[fault.fault]} ${targetId} in the design.`
            : `No route to ${destination} in route table ${targetId}.`,
      };
    const until = fault.durationSeconds === null ? null : this.ctx.now + fault.durationSeconds;
    const record: ActiveFault = {
      serial: ++this.serial,
      fault: fault.fault,
      targetId,
      destination,
      since: this.ctx.now,
      until,
    };
    this.active.push(record);
    if (until !== null) this.ctx.schedule<FaultTimerEvent>(until, this, { kind: 'end', serial: record.serial });
    const lasting = until === null ? 'until recovered' : `for ${fault.durationSeconds} s`;
    this.ctx.say('error', targetId, `${injectedWords[fault.fault](name)} (${lasting}).`);
    this.refresh();
    this.hooks.onChange();
    return { ok: true };
  }

  /** Availability Zone ids that are out now. */
  get zonesDown(): readonly string[] {
    return this.zonesDownCache;
  }

  /** Whether an instance fails its status checks now (it failed, or its zone is down). */
  isImpaired(instanceId: string): boolean {
    return this.impairedCache.has(instanceId);
  }

  /**
   * When the instance's EC2 status check failed: the first one-minute check
   * after it became impaired (null while it passes, or before that check).
   * Amazon EC2 User Guide, "Status checks for Amazon EC2 instances": "Status
   * checks are performed every minute, returning a pass or a fail status."
   * Nimbus runs every instance's checks on the same minutes of the run.
   */
  statusCheckFailedAt(instanceId: string): number | null {
    const since = this.impairedSince.get(instanceId);
    if (since === undefined) return null;
    const check = (Math.floor(since / STATUS_CHECK_SECONDS) + 1) * STATUS_CHECK_SECONDS;
    return this.ctx.now >= check ? check : null;
  }

  /** Whether a NAT gateway forwards nothing now (it failed, or its zone is down). */
  isNatFailed(natGatewayId: string): boolean {
    return this.failedNatCache.has(natGatewayId);
  }

  /** Resources out of service now: impaired instances and failed NAT gateways. */
  outOfService(): string[] {
    return [...this.impairedCache, ...this.failedNatCache];
  }

  /** Whether a subnet's zone is down. */
  subnetDown(subnetId: string): boolean {
    const subnet = getResource(this.design, subnetId, 'subnet');
    return subnet !== undefined && this.zonesDownCache.includes(subnet.azId);
  }

  /**
   * The design without the NAT gateways that forward nothing, so routes to
   * them are blackholes (as for a deleted gateway), and without the deleted
   * routes; the same object when none failed.
   */
  withoutFailures(design: Design): Design {
    const deleted = this.active.filter((f) => f.fault === 'routeDeletion');
    if (this.failedNatCache.size === 0 && deleted.length === 0) return design;
    const resources = { ...design.resources };
    for (const id of this.failedNatCache) delete resources[id];
    for (const f of deleted) {
      const table = getResource(design, f.targetId, 'routeTable');
      if (table)
        resources[table.id] = { ...table, routes: table.routes.filter((r) => r.destination !== f.destination) };
    }
    return { ...design, resources };
  }

  costs() {
    return [];
  }

  frame(): Pick<FrameParts, 'faults'> {
    const faults: FaultsFrame = {
      zonesDown: [...this.zonesDownCache],
      active: this.active.map((f) => ({ fault: f.fault, targetId: f.targetId, since: f.since, until: f.until })),
    };
    return { faults };
  }

  summary() {
    return {};
  }

  private end(ended: readonly ActiveFault[]): void {
    for (const fault of ended) {
      this.active.splice(this.active.indexOf(fault), 1);
      const name = this.nameOf(fault.fault, fault.targetId, fault.destination) ?? fault.targetId;
      this.ctx.say('info', fault.targetId, `${recoveredWords[fault.fault](name)}.`);
    }
    this.refresh();
    this.hooks.onChange();
  }

  private refresh(): void {
    const zones = new Set<string>();
    const impaired = new Set<string>();
    const nats = new Set<string>();
    for (const f of this.active) {
      if (f.fault === 'zoneOutage') zones.add(f.targetId);
      else if (f.fault === 'instanceFailure') impaired.add(f.targetId);
      else if (f.fault === 'natGatewayFailure') nats.add(f.targetId);
    }
    if (zones.size > 0) {
      const subnetsDown = new Set(
        resourcesOfKind(this.design, 'subnet')
          .filter((s) => zones.has(s.azId))
          .map((s) => s.id),
      );
      for (const instance of resourcesOfKind(this.design, 'ec2Instance'))
        if (subnetsDown.has(instance.subnetId)) impaired.add(instance.id);
      for (const nat of resourcesOfKind(this.design, 'natGateway')) if (subnetsDown.has(nat.subnetId)) nats.add(nat.id);
    }
    this.zonesDownCache = [...zones].sort();
    this.impairedCache = impaired;
    const since = new Map<string, number>();
    for (const id of impaired) since.set(id, this.impairedSince.get(id) ?? this.ctx.now);
    this.impairedSince = since;
    this.failedNatCache = nats;
  }

  private nameOf(fault: ActiveFault['fault'], id: string, destination: string | null): string | null {
    if (fault === 'routeDeletion') {
      const table = getResource(this.design, id, 'routeTable');
      const held = table?.routes.some((r) => r.destination === destination);
      return table && held ? `the route to ${destination} in ${table.name}` : null;
    }
    const kind = { zoneOutage: 'availabilityZone', instanceFailure: 'ec2Instance', natGatewayFailure: 'natGateway' }[
      fault
    ] as 'availabilityZone' | 'ec2Instance' | 'natGateway';
    const resource = getResource(this.design, id, kind);
    if (!resource) return null;
    return resource.kind === 'availabilityZone' ? resource.zoneName : resource.name;
  }
}

/** EC2 runs its status checks once a minute (Amazon EC2 User Guide, "Status checks for Amazon EC2 instances"). */
const STATUS_CHECK_SECONDS = 60;

const kindWords: Record<LiveFault['fault'], string> = {
  zoneOutage: 'Availability Zone',
  instanceFailure: 'instance',
  natGatewayFailure: 'NAT gateway',
  dbFailover: 'DB instance',
  routeDeletion: 'route table',
};

const injectedWords: Record<ActiveFault['fault'], (name: string) => string> = {
  zoneOutage: (zone) =>
    `Fault: Availability Zone ${zone} is down. Its instances fail their status checks, its NAT gateways and load balancer nodes stop, and its subnets carry no traffic`,
  instanceFailure: (name) => `Fault: ${name} fails its status checks (impaired); it stays running and billed`,
  natGatewayFailure: (name) => `Fault: NAT gateway ${name} forwards nothing; routes to it are blackholes`,
  routeDeletion: (route) => `Fault: ${route} is deleted; what it carried takes the next route that matches, or none`,
};

const recoveredWords: Record<ActiveFault['fault'], (name: string) => string> = {
  zoneOutage: (zone) => `Recovered: Availability Zone ${zone} is back`,
  instanceFailure: (name) => `Recovered: ${name} passes its status checks again`,
  natGatewayFailure: (name) => `Recovered: NAT gateway ${name} forwards again`,
  routeDeletion: (route) => `Recovered: ${route} is back`,
};
