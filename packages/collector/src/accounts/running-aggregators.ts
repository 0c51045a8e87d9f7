import type { Database } from '../db/database.ts';
import type { HealthAggregator } from './health-aggregator.ts';

// The app starts an aggregator per database; the server stops it before closing that database.
const running = new WeakMap<Database, HealthAggregator>();

/** Remembers the aggregator the app started on `db`. */
export function registerAggregator(db: Database, aggregator: HealthAggregator): void {
  running.set(db, aggregator);
}

/** Stops the aggregator started on `db`, if any (graceful shutdown, before `db.close()`). */
export async function stopAggregatorOf(db: Database): Promise<void> {
  const aggregator = running.get(db);
  running.delete(db);
  await aggregator?.stop();
}
