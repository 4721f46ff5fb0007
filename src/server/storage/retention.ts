/**
 * Personal data is kept for the shop's retention period and no longer: what shoppers typed
 * (transcripts), who they are (display names, page context) and how to reach them (the contact,
 * phone and words of offline requests) are deleted `days` after they stopped being needed.
 *
 * - A conversation is deleted, with its transcript, `days` after it ended. One still open
 *   (waiting, ringing, live, or waiting for a side to reconnect) is never touched, however old.
 * - An offline request is deleted `days` after it was settled (done or cancelled); one still to
 *   do, `days` after the latest of its arrival, its callback window and its appointment slot,
 *   so that an unanswered request does not keep someone's phone number for ever.
 *
 * A sweep only deletes rows that can no longer change (an ended conversation never reopens),
 * so it is idempotent and safe to run on every hub of a cluster at once: two sweeps that meet
 * delete each row once, and the second finds nothing. The clock is the database's, the same
 * one that stamped `ended_at`, so hubs whose clocks differ agree on what is old.
 */
import type { SqlQuery } from './sql.js';

/** How often a running hub sweeps, after the sweep at start. */
export const RETENTION_SWEEP_MS = 60 * 60 * 1000;

export interface Swept {
  conversations: number;
  requests: number;
}

const EXPIRED_CONVERSATIONS = `with gone as (
    delete from conversations
    where ended_at is not null and ended_at < now() - $1::integer * interval '1 day'
    returning 1
  ) select count(*)::integer as n from gone`;

const EXPIRED_REQUESTS = `with gone as (
    delete from requests
    where shop_id = $2
      and coalesce(
        done_at,
        cancelled_at,
        greatest(created_at, window_to, slot_start + slot_minutes * interval '1 minute')
      ) < now() - $1::integer * interval '1 day'
    returning 1
  ) select count(*)::integer as n from gone`;

/**
 * Deletes what is past its retention: ended conversations (their transcripts go with them)
 * and the shop's offline requests, `days` after they were over. Returns how many of each.
 */
export async function sweepExpired(
  db: SqlQuery,
  options: { days: number; shopId: string },
): Promise<Swept> {
  if (!Number.isInteger(options.days) || options.days < 1) {
    throw new RangeError(`Retention is a whole number of days, at least 1: ${options.days}.`);
  }
  const count = async (sql: string, params: unknown[]) =>
    (await db.query<{ n: number }>(sql, params))[0]?.n ?? 0;
  return {
    conversations: await count(EXPIRED_CONVERSATIONS, [options.days]),
    requests: await count(EXPIRED_REQUESTS, [options.days, options.shopId]),
  };
}

/**
 * Sweeps once now (awaited: a hub starts with nothing past its retention), then every
 * `everyMs` on a timer that does not keep the process up; `stop` waits for a sweep under way,
 * so the database can be closed after it. A failed sweep is logged (counts and
 * the error only, never a row) and tried again at the next tick.
 */
export async function startRetention(
  db: SqlQuery,
  options: {
    days: number;
    shopId: string;
    everyMs?: number;
    log: (event: string, fields?: Record<string, unknown>) => void;
  },
): Promise<{ stop(): Promise<void> }> {
  let running: Promise<void> | undefined;
  const sweep = () =>
    (running ??= sweepExpired(db, options)
      .then(
        (swept) => {
          if (swept.conversations > 0 || swept.requests > 0)
            options.log('retention.swept', { days: options.days, ...swept });
        },
        (error: unknown) => options.log('retention.failed', { error: String(error) }),
      )
      .finally(() => {
        running = undefined;
      }));
  await sweep();
  const timer = setInterval(() => void sweep(), options.everyMs ?? RETENTION_SWEEP_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
