import { PRICES, resourcesOfKind, type Design, type EbsVolume } from '../../domain';
import type { ResourceCost, SimContext, SimulatedKind } from '../kind';
import type { Ec2Instances } from './ec2Instances';

interface VolumeBill {
  id: string;
  name: string;
  usdPerHour: number;
  /** Billing at `usdPerHour` runs from here; null once the volume is gone. */
  since: number | null;
  /** Billed before `since`: at an earlier size or type, or before it was deleted. */
  earlierUsd: number;
  attachedTo: string | null;
  deleteOnTermination: boolean;
}

/** Storage per GB-month, by the hour (Amazon EBS pricing bills provisioned GB-months, pro rata). */
const hourlyRate = (volume: EbsVolume) =>
  (PRICES.ebsGbMonthByType[volume.volumeType] * volume.sizeGiB) / PRICES.hoursPerMonth;

/**
 * EBS volumes bill for their provisioned size for as long as they exist,
 * attached or not. When its instance terminates, a volume marked "delete on
 * termination" goes with it; any other stays, detached, and keeps billing
 * (EC2 User Guide, "Preserve data when an instance is terminated").
 */
export class EbsVolumes implements SimulatedKind {
  private readonly bills = new Map<string, VolumeBill>();

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    private readonly instances: Ec2Instances,
  ) {
    for (const volume of resourcesOfKind(design, 'ebsVolume')) this.bills.set(volume.id, this.billFor(volume, 0));
  }

  sync(design: Design): void {
    const now = this.ctx.now;
    const present = new Set<string>();
    for (const volume of resourcesOfKind(design, 'ebsVolume')) {
      present.add(volume.id);
      const bill = this.bills.get(volume.id);
      if (!bill) {
        this.bills.set(volume.id, this.billFor(volume, now));
        continue;
      }
      if (bill.since === null) continue;
      const rate = hourlyRate(volume);
      if (rate !== bill.usdPerHour) {
        bill.earlierUsd = billed(bill, now);
        bill.usdPerHour = rate;
        bill.since = now;
      }
      Object.assign(bill, {
        name: volume.name,
        attachedTo: volume.attachedInstanceId,
        deleteOnTermination: volume.deleteOnTermination,
      });
    }
    for (const bill of this.bills.values()) if (!present.has(bill.id) && bill.since !== null) this.end(bill, now);
  }

  /** An instance changed state: volumes of a terminated instance are deleted with it or detached. */
  liveStateChanged(): void {
    for (const bill of this.bills.values()) {
      if (bill.since === null || bill.attachedTo === null) continue;
      const instance = this.instances.sims.get(bill.attachedTo);
      if (!instance || instance.terminatedAt === null) continue;
      const name = instance.name;
      bill.attachedTo = null;
      if (bill.deleteOnTermination) {
        this.end(bill, instance.terminatedAt);
        this.ctx.say('info', bill.id, `${bill.name} was deleted with ${name} (delete on termination).`);
      } else
        this.ctx.say(
          'info',
          bill.id,
          `${bill.name} is detached from the terminated ${name} and available; it keeps billing until it is deleted.`,
        );
    }
  }

  costs(now: number): ResourceCost[] {
    return [...this.bills.values()].map((b) => ({
      id: b.id,
      name: b.name,
      total: billed(b, now),
      ratePerHour: b.since === null ? 0 : b.usdPerHour,
    }));
  }

  private billFor(volume: EbsVolume, since: number): VolumeBill {
    return {
      id: volume.id,
      name: volume.name,
      usdPerHour: hourlyRate(volume),
      since,
      earlierUsd: 0,
      attachedTo: volume.attachedInstanceId,
      deleteOnTermination: volume.deleteOnTermination,
    };
  }

  private end(bill: VolumeBill, at: number): void {
    bill.earlierUsd = billed(bill, at);
    bill.since = null;
  }
}

function billed(bill: VolumeBill, now: number): number {
  return bill.since === null ? bill.earlierUsd : bill.earlierUsd + bill.usdPerHour * ((now - bill.since) / 3600);
}
