/**
 * Which hub process runs a shop's conversations: the holder of the shop's lease in PostgreSQL.
 * Every hub asks for it again and again; the holder renews it, and another hub gets it only
 * once it has run out (the holder stopped renewing: killed, paused, cut off). Each new holder
 * starts a new term (`epoch`): the fencing token that every write of the holder carries, so a
 * holder that lost its lease without knowing it (a paused process waking up) has its writes
 * refused by the database instead of overwriting its successor's.
 */
import type { SqlQuery } from './sql.js';

export interface Lease {
  readonly holder: string;
  /** The term: one more each time the lease changes hands or lapses. */
  readonly epoch: number;
}

/** What a fenced write checks: still the shop's lease, in this term, not run out. */
export interface Fence {
  readonly shopId: string;
  readonly epoch: number;
}

/**
 * A SQL condition true only while `fence` holds, its two parameters numbered from `first`
 * (they are `fenceParams(fence)`, appended to the statement's own).
 */
export function fenceHolds(first: number): string {
  return `exists (select 1 from hub_leases where shop_id = $${first}::text
    and epoch = $${first + 1}::bigint and expires_at > now())`;
}

export function fenceParams(fence: Fence): unknown[] {
  return [fence.shopId, fence.epoch];
}

/** A write refused because the hub making it no longer holds the shop's lease. */
export class LeaseLostError extends Error {
  constructor(readonly fence: Fence) {
    super(`This hub no longer runs shop "${fence.shopId}" (term ${fence.epoch} is over).`);
  }
}

/**
 * Takes the lease for `holder` if it is free or has run out, or renews it if `holder` has it;
 * in one statement, so two hubs asking at once cannot both get it. Returns who holds it now.
 * The database's clock decides when a lease runs out, so hubs' clocks need not agree.
 */
export async function claimLease(
  db: SqlQuery,
  shopId: string,
  holder: string,
  ttlMs: number,
): Promise<Lease> {
  const [claimed] = await db.query<{ holder: string; epoch: string | number }>(
    `insert into hub_leases as lease (shop_id, holder, epoch, expires_at)
       values ($1, $2, 1, now() + $3 * interval '1 millisecond')
     on conflict (shop_id) do update set
       holder = excluded.holder,
       epoch = case when lease.holder = excluded.holder and lease.expires_at > now()
         then lease.epoch else lease.epoch + 1 end,
       expires_at = excluded.expires_at
     where lease.holder = excluded.holder or lease.expires_at <= now()
     returning holder, epoch`,
    [shopId, holder, ttlMs],
  );
  if (claimed) return { holder: claimed.holder, epoch: Number(claimed.epoch) };
  const [current] = await db.query<{ holder: string; epoch: string | number }>(
    'select holder, epoch from hub_leases where shop_id = $1',
    [shopId],
  );
  if (!current) throw new Error(`The lease of shop "${shopId}" vanished while being claimed.`);
  return { holder: current.holder, epoch: Number(current.epoch) };
}

/** Lets the lease go at once (a hub stopping on purpose), so the next holder need not wait. */
export async function releaseLease(db: SqlQuery, fence: Fence): Promise<void> {
  await db.query(`update hub_leases set expires_at = now() where shop_id = $1 and epoch = $2`, [
    fence.shopId,
    fence.epoch,
  ]);
}
