// The typed in-process live bus: committed samples, events and association changes. tRPC
// subscriptions and the state store read from it. A handler that throws is logged, never breaks
// the publisher. (Scale-out path: a broker behind the same interface.)
import type { SampleRow } from '../ingest/report-mapper.js';
import type { EventRow } from '../ingest/sql.js';

export interface AssociationChange {
  accessPointId: string;
  state: 'up' | 'down';
  logicalDevices: string[];
  atMs: number;
  reason?: string;
}

export interface LiveTopics {
  /** samples just committed to the database */
  samples: SampleRow[];
  events: EventRow[];
  association: AssociationChange;
}

type Handler<T> = (payload: T) => void;

export class LiveBus {
  private readonly handlers: { [K in keyof LiveTopics]: Set<Handler<LiveTopics[K]>> } = {
    samples: new Set(),
    events: new Set(),
    association: new Set(),
  };

  constructor(private readonly onError: (err: unknown) => void = () => undefined) {}

  subscribe<K extends keyof LiveTopics>(topic: K, handler: Handler<LiveTopics[K]>): () => void {
    const set = this.handlers[topic] as Set<Handler<LiveTopics[K]>>;
    set.add(handler);
    return () => set.delete(handler);
  }

  publish<K extends keyof LiveTopics>(topic: K, payload: LiveTopics[K]): void {
    for (const h of this.handlers[topic] as Set<Handler<LiveTopics[K]>>) {
      try {
        h(payload);
      } catch (err) {
        this.onError(err);
      }
    }
  }

  listenerCount(topic: keyof LiveTopics): number {
    return this.handlers[topic].size;
  }
}
