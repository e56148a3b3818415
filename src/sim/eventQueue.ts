import TinyQueue from 'tinyqueue';

/** Events in time order; events at the same time keep the order they were scheduled in. */
export interface Scheduled<E> {
  at: number;
  seq: number;
  event: E;
}

export class EventQueue<E> {
  private readonly heap = new TinyQueue<Scheduled<E>>([], (a, b) => a.at - b.at || a.seq - b.seq);
  private seq = 0;

  schedule(at: number, event: E): void {
    this.heap.push({ at, seq: this.seq++, event });
  }

  /** The next event due at or before `until`, removed from the queue. */
  popDue(until: number): Scheduled<E> | undefined {
    const head = this.heap.peek();
    return head && head.at <= until ? this.heap.pop() : undefined;
  }

  get size(): number {
    return this.heap.length;
  }
}
