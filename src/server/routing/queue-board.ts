/**
 * What experts see of the queues: for each console, the queues its expert answers that have
 * shoppers in them (how many, and how long the first has waited), with the topic's names for
 * the console to pick its language's. Told when a queue moves, with the shoppers' places (at most twice a
 * second), and only to a console whose view changed: what one telling costs grows with the
 * number of experts and of queues, never with the number of shoppers waiting.
 */
import type { QueueSummary } from '../../protocol/index.js';
import type { ShopConfig } from '../config/shop-config.js';
import type { Seat } from '../registry.js';
import { answers } from './dispatcher.js';
import type { QueueLine } from './waiting-room.js';

/** What a console was last told of the queues, so that the same view is not sent twice. */
const told = new WeakMap<Seat, string>();

/** Tells each console with a changed view the queues its expert answers; `now` as it is. */
export function tellQueues(
  seats: Iterable<Seat>,
  lines: readonly QueueLine[],
  shop: Pick<ShopConfig, 'topics'>,
  now: number,
): void {
  for (const seat of seats) {
    if (!seat.peer) continue;
    const mine = lines.filter((line) => answers(seat, line));
    const view = JSON.stringify(mine.map((l) => [l.topic, l.lang, l.waiting, l.since]));
    if (told.get(seat) === view) continue;
    told.set(seat, view);
    seat.peer.send({
      type: 'expert.queues',
      queues: mine.map((line) => summary(line, shop, now)),
    });
  }
}

/** The console is to be told the queues again, whatever it was told before (back, say). */
export function forgetToldQueues(seat: Seat): void {
  told.delete(seat);
}

function summary(line: QueueLine, shop: Pick<ShopConfig, 'topics'>, now: number): QueueSummary {
  const topic = shop.topics.find((t) => t.id === line.topic);
  return {
    ...(line.topic === undefined ? {} : { topic: line.topic }),
    ...(topic ? { labels: topic.label } : {}),
    lang: line.lang as QueueSummary['lang'],
    waiting: line.waiting,
    longestWaitSeconds: Math.max(0, Math.floor((now - line.since) / 1000)),
  };
}
