/**
 * Chat under load: `BENCH_ONLY=chat-load`. Many conversations in chat at once, each shopper
 * writing at a steady rate; the figure is each message's time from the shopper's send to the
 * expert's socket (stored, sequenced, delivered), whatever hub each side is connected to.
 */
import { HubPeer } from '../test/support/hub-peer.js';

export interface ChatLoad {
  conversations: number;
  perSecond: number;
  seconds: number;
}

export const CHAT_LOAD: ChatLoad = {
  conversations: Number(process.env['BENCH_CHATS'] ?? 100),
  perSecond: 5,
  seconds: Number(process.env['BENCH_CHAT_SECONDS'] ?? 10),
};

/**
 * Puts `load.conversations` written conversations through hubs `urls` (shoppers and experts
 * spread over them, each expert on another hub than its shopper when there are several), then
 * has every shopper write `load.perSecond` messages a second for `load.seconds`. Returns each
 * message's latency in ms.
 */
export async function chatAcross(urls: readonly string[], load: ChatLoad): Promise<number[]> {
  const peers: HubPeer[] = [];
  try {
    const pairs: Array<{ shopper: HubPeer; expert: HubPeer; conversationId: string }> = [];
    // One conversation at a time through the queue: each expert answers its own shopper.
    for (let n = 0; n < load.conversations; n++) {
      const expert = await HubPeer.expert(urls[n % urls.length]!, `Load ${n}`);
      const shopper = await HubPeer.shopper(urls[(n + 1) % urls.length]!, 'chat');
      peers.push(expert, shopper);
      const ring = await expert.next('expert.ring', { timeoutMs: 60_000 });
      expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
      await shopper.next('call.live', { timeoutMs: 60_000 });
      await expert.nextWhere('chat.message', (m) => m.text === 'expert-joined');
      // Busy from now on, so the next shopper goes to the next expert.
      expert.send({ type: 'expert.set-presence', status: 'away' });
      pairs.push({ shopper, expert, conversationId: ring.conversationId });
    }

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    for (const { expert } of pairs) {
      expert.socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; clientId?: string };
        if (message.type !== 'chat.message' || !message.clientId) return;
        const started = sentAt.get(message.clientId);
        if (started !== undefined) latencies.push(performance.now() - started);
      });
    }
    const total = load.conversations * load.perSecond * load.seconds;
    const everyMs = 1000 / load.perSecond;
    await Promise.all(
      pairs.map(async ({ shopper, conversationId }, n) => {
        // Spread over the first interval, so the sends do not all fall on the same tick.
        await new Promise((resolve) => setTimeout(resolve, (n / pairs.length) * everyMs));
        for (let i = 0; i < load.perSecond * load.seconds; i++) {
          const clientId = `load-${n}-${i}`;
          sentAt.set(clientId, performance.now());
          shopper.send({ type: 'chat.send', conversationId, clientId, text: `message ${i}` });
          await new Promise((resolve) => setTimeout(resolve, everyMs));
        }
      }),
    );
    const deadline = Date.now() + 60_000;
    while (latencies.length < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (latencies.length < total) {
      throw new Error(`${total - latencies.length} of ${total} messages never reached the expert`);
    }
    return latencies;
  } finally {
    await Promise.all(peers.map((peer) => peer.close().catch(() => {})));
  }
}
