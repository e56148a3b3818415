import { resourcesOfKind, type Design } from '../../domain';
import {
  applyServiceEdits,
  createServiceSim,
  fargateCost,
  fargateRate,
  serviceSummary,
  stopService,
  taskCount,
  tickServices,
  type ServiceSim,
} from '../containers';
import { RemovedCosts, round, type FrameParts, type ResourceCost, type SimContext, type SimulatedKind } from '../kind';
import type { ServiceFrame } from '../protocol';
import type { Ec2Instances } from './ec2Instances';

export type ServiceSummary = ServiceFrame & { costUsd: number };

/** The design's ECS services: tasks on Fargate, or placed on the design's container instances. */
export class EcsServices implements SimulatedKind {
  readonly sims: ServiceSim[] = [];
  /** What deleted services cost while they existed. */
  private readonly removed = new RemovedCosts();

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    private readonly instances: Ec2Instances,
  ) {
    for (const service of resourcesOfKind(design, 'ecsService')) this.sims.push(createServiceSim(service));
  }

  /** New services start their tasks at the next second; a deleted one stops them now; edits take effect. */
  sync(design: Design): void {
    const previous = new Map(this.sims.map((s) => [s.service.id as string, s]));
    this.sims.length = 0;
    const log = (id: string, text: string) => this.ctx.say('info', id, text);
    for (const service of resourcesOfKind(design, 'ecsService')) {
      const kept = previous.get(service.id);
      previous.delete(service.id);
      if (kept) applyServiceEdits(kept, service, this.ctx.now, log);
      this.sims.push(kept ?? createServiceSim(service));
    }
    for (const gone of previous.values()) {
      const stopped = taskCount(gone);
      stopService(gone, this.ctx.now);
      this.removed.add({
        id: gone.service.id,
        name: gone.service.name,
        total: fargateCost(gone, this.ctx.now),
        ratePerHour: 0,
      });
      if (stopped > 0) log(gone.service.id, `${gone.service.name} was deleted: its ${stopped} tasks stop.`);
    }
  }

  tick(): void {
    if (this.sims.length > 0)
      tickServices(this.sims, this.instances.containerHosts, this.ctx.now, this.ctx.random, (id, text) =>
        this.ctx.say('info', id, text),
      );
  }

  costs(now: number): ResourceCost[] {
    return this.removed.withLive([
      ...this.sims.map((s) => ({
        id: s.service.id,
        name: s.service.name,
        total: fargateCost(s, now),
        ratePerHour: fargateRate(s),
      })),
    ]);
  }

  summary(now: number): { services: ServiceSummary[] } {
    return { services: this.sims.map((s) => ({ ...serviceSummary(s), costUsd: round(fargateCost(s, now)) })) };
  }

  frame(): Pick<FrameParts, 'services'> {
    return { services: this.sims.map(serviceSummary) };
  }
}
