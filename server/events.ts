/**
 * Live events. A change NOTIFYs inside its transaction (delivered on commit, so nobody hears of a change that
 * rolled back); every server process LISTENs and hands each event to its own open SSE streams of people who
 * belong to the event's unit. No event passes through process memory on its way between processes.
 */
import { sql, type Transaction } from 'kysely';
import { EVENTS_CHANNEL, type Db } from './db';
import type { Database } from './db/schema';
import { reviewEventSchema, type ReviewEvent } from '../lib/review-server/schemas';

export function notify(trx: Transaction<Database>, event: ReviewEvent): Promise<unknown> {
  return sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`.execute(trx);
}

interface Subscriber {
  units: Set<string>;
  send(event: ReviewEvent): void;
}

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();

  async start(db: Db): Promise<void> {
    await db.listen(EVENTS_CHANNEL, (payload) => {
      let event: ReviewEvent;
      try {
        event = reviewEventSchema.parse(JSON.parse(payload));
      } catch {
        return;
      }
      for (const subscriber of this.subscribers) if (subscriber.units.has(event.unit)) subscriber.send(event);
    });
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }
}
