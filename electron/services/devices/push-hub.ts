/**
 * The host's change feed: the dispatcher publishes the topics of every successful write, and each
 * open `GET /api/events` stream is a subscriber. The number of subscribers is bounded so a flood
 * of streams cannot exhaust the host; a subscriber whose socket is gone is dropped by its transport.
 */
import type { PushEvent, PushTopic } from '../../common/push';

export type PushListener = (event: PushEvent) => void;

export class PushHub {
  private seq = 0;
  private readonly listeners = new Set<PushListener>();

  constructor(readonly maxSubscribers = 200) {}

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Adds a listener; returns its unsubscribe function, or null when the hub is full. */
  subscribe(listener: PushListener): (() => void) | null {
    if (this.listeners.size >= this.maxSubscribers) return null;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(topics: readonly PushTopic[], caseId?: string): PushEvent | null {
    if (topics.length === 0) return null;
    const event: PushEvent = caseId ? { seq: ++this.seq, topics: [...topics], caseId } : { seq: ++this.seq, topics: [...topics] };
    for (const l of this.listeners) {
      // One broken subscriber must not keep the others from hearing about the change.
      try {
        l(event);
      } catch {
        this.listeners.delete(l);
      }
    }
    return event;
  }

  /** Drop every subscriber (shutdown): each transport ends its stream. */
  clear(): void {
    this.listeners.clear();
  }
}
