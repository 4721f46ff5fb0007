/**
 * The dispatch benches' experts at work: each goes available, then accepts and hangs up on
 * every ring, until `shoppers` rings have come. Returns how long the rings took, from the
 * first `available` sent to the last ring, and each expert's wait from `call.end` sent to its
 * next ring (each expert's first ring excluded).
 */
import type { HubPeer } from '../test/support/hub-peer.js';

export interface Rings {
  /** Resolves once every shopper has been rung; `rung()` says how far it got meanwhile. */
  readonly done: Promise<void>;
  readonly started: number;
  rung(): number;
  lastRingAt(): number;
  readonly afterFree: number[];
}

export function answerRings(experts: readonly HubPeer[], shoppers: number): Rings {
  const afterFree: number[] = [];
  let rung = 0;
  let lastRingAt = 0;
  let allRung!: () => void;
  const done = new Promise<void>((resolve) => (allRung = resolve));
  const answer = async (expert: HubPeer) => {
    let freedAt: number | undefined;
    while (rung < shoppers) {
      // Rejects when the socket closes at the end of the run.
      const ring = await expert.next('expert.ring', { timeoutMs: 120_000 }).catch(() => undefined);
      if (!ring) return;
      lastRingAt = performance.now();
      if (freedAt !== undefined) afterFree.push(lastRingAt - freedAt);
      if (++rung === shoppers) allRung();
      expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
      expert.send({ type: 'call.end', conversationId: ring.conversationId });
      freedAt = performance.now();
    }
  };
  const started = performance.now();
  for (const expert of experts) expert.send({ type: 'expert.set-presence', status: 'available' });
  for (const expert of experts) void answer(expert);
  return { done, started, rung: () => rung, lastRingAt: () => lastRingAt, afterFree };
}
