import type { VisualPacket } from './protocol';

/** A frame carries packets born this recently (sim seconds)... */
export const PACKET_LIFETIME_S = 2;
/** ...and at most this many, the newest. */
export const MAX_FRAME_PACKETS = 400;

const NO_BRANCH = -1;

/**
 * The visual packets of the last seconds, kept as columns of plain numbers
 * and texts rather than an object each: flows send a few every simulated
 * second, at 3600× that is hundreds of thousands a wall second, and a frame
 * (ten a wall second) reads only the newest 400. `VisualPacket` objects are
 * made when a frame asks. Same contents and order as keeping the objects and
 * filtering them after every tick (`recentPackets`).
 */
export class PacketLog {
  private ids: number[] = [];
  private flowIds: string[] = [];
  private bornAts: number[] = [];
  private versions: number[] = [];
  private branches: number[] = [];
  /** Index of the oldest packet kept; those before it are gone. */
  private first = 0;

  push(id: number, flowId: string, bornAt: number, pathVersion: number, branch: number | null): void {
    this.ids.push(id);
    this.flowIds.push(flowId);
    this.bornAts.push(bornAt);
    this.versions.push(pathVersion);
    this.branches.push(branch ?? NO_BRANCH);
  }

  /** Keeps what `recentPackets` keeps at `now`: packets born after `now - PACKET_LIFETIME_S`, the newest MAX_FRAME_PACKETS. */
  keepRecent(now: number): void {
    const oldest = now - PACKET_LIFETIME_S;
    const end = this.ids.length;
    let first = this.first;
    // Packets are pushed second after second, so the ones too old are the oldest ones...
    while (first < end && !(this.bornAts[first]! > oldest)) first++;
    // ...unless a later one is as old (never from ticks; then filter them all as before).
    for (let i = first; i < end; i++)
      if (!(this.bornAts[i]! > oldest)) {
        this.first = first;
        this.keepWhere((k) => this.bornAts[k]! > oldest);
        this.keepRecent(now);
        return;
      }
    this.first = Math.max(first, end - MAX_FRAME_PACKETS);
    if (this.first > 4 * MAX_FRAME_PACKETS) this.keepWhere(() => true);
  }

  /** Drops the packets of flows no longer in the design. */
  keepFlows(ids: ReadonlySet<string>): void {
    this.keepWhere((k) => ids.has(this.flowIds[k]!));
  }

  /** Packets born after `now - PACKET_LIFETIME_S`, the newest MAX_FRAME_PACKETS, oldest first. */
  visible(now: number): VisualPacket[] {
    const oldest = now - PACKET_LIFETIME_S;
    const recent: number[] = [];
    for (let k = this.first; k < this.ids.length; k++) if (this.bornAts[k]! > oldest) recent.push(k);
    return recent.slice(Math.max(0, recent.length - MAX_FRAME_PACKETS)).map((k) => {
      const branch = this.branches[k]!;
      return {
        id: this.ids[k]!,
        flowId: this.flowIds[k]!,
        bornAt: this.bornAts[k]!,
        pathVersion: this.versions[k]!,
        ...(branch === NO_BRANCH ? {} : { branch }),
      };
    });
  }

  /** Keeps the packets from `first` on that pass `keep`, in order, and forgets the rest. */
  private keepWhere(keep: (k: number) => boolean): void {
    const kept: number[] = [];
    for (let k = this.first; k < this.ids.length; k++) if (keep(k)) kept.push(k);
    this.ids = kept.map((k) => this.ids[k]!);
    this.flowIds = kept.map((k) => this.flowIds[k]!);
    this.bornAts = kept.map((k) => this.bornAts[k]!);
    this.versions = kept.map((k) => this.versions[k]!);
    this.branches = kept.map((k) => this.branches[k]!);
    this.first = 0;
  }
}
