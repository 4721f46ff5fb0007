/**
 * One client floods, another conversation chats: `BENCH_ONLY=flood`. The hub runs with the
 * limits it ships with; the flooder sends as fast as it can, opening a new socket each time one
 * is let go, for the whole measurement. The figure is the other conversation's chat round trip
 * (shopper send → stored → back to the shopper), quiet and during each flood.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_LIMITS } from '../src/server/transport/limits.js';
import { startHubFixture } from '../test/support/hub-fixture.js';
import { HubPeer } from '../test/support/hub-peer.js';

export async function floodAndChat(
  report: (label: string, times: number[]) => void,
): Promise<void> {
  const rounds = Number(process.env['BENCH_FLOOD_ROUNDS'] ?? 100);
  // A person's pace, well within the per-socket rate: the measured side is not the flooder.
  const everyMs = 1000 / (DEFAULT_LIMITS.frames.perSecond / 2);
  for (const flood of ['none', 'chat', 'offline'] as const) {
    const stack = await startHubFixture({ limits: DEFAULT_LIMITS, maxChats: 3 });
    const peers: HubPeer[] = [];
    let flooding = true;
    let sockets = 0;
    let frames = 0;
    try {
      const expert = await HubPeer.expert(stack.hub.url, 'Flooded');
      peers.push(expert);
      const chat = async () => {
        const shopper = await HubPeer.shopper(stack.hub.url, 'chat');
        peers.push(shopper);
        const ring = await expert.next('expert.ring');
        expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
        await shopper.nextWhere('chat.message', (m) => m.text === 'expert-joined');
        return { shopper, conversationId: ring.conversationId };
      };
      const measured = await chat();
      const flooder = flood === 'chat' ? await chat() : undefined;
      const floodOnce = async () => {
        const peer =
          flood === 'chat' && sockets === 0
            ? flooder!.shopper
            : await HubPeer.open(stack.hub.url).catch(() => undefined);
        if (!peer) return new Promise((resolve) => setTimeout(resolve, 100));
        sockets++;
        for (let i = 0; i < 5_000 && peer.closeCode === undefined; i++) {
          frames++;
          peer.send(
            flood === 'chat'
              ? {
                  type: 'chat.send',
                  conversationId: flooder!.conversationId,
                  clientId: `flood-${sockets}-${i}`,
                  text: `flood ${i}`,
                }
              : {
                  type: 'offline.message',
                  lang: 'en',
                  context: {},
                  contact: `flood${i}@example.com`,
                  text: `call me ${i}`,
                },
          );
        }
        while (peer.closeCode === undefined && flooding) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await peer.close().catch(() => {});
      };
      const floods = (async () => {
        while (flooding && flood !== 'none') await floodOnce();
      })();
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const clientId = randomUUID();
        const started = performance.now();
        measured.shopper.send({
          type: 'chat.send',
          conversationId: measured.conversationId,
          clientId,
          text: `measured ${i}`,
        });
        await measured.shopper.nextWhere('chat.message', (m) => m.clientId === clientId);
        const took = performance.now() - started;
        times.push(took);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - took)));
      }
      flooding = false;
      await floods;
      const what =
        flood === 'none'
          ? 'quiet'
          : `during a ${flood} flood (${frames} frames over ${sockets} sockets)`;
      report(`another conversation's chat, ${what}`, times);
    } finally {
      flooding = false;
      await Promise.all(peers.map((peer) => peer.close().catch(() => {})));
      await stack.stop();
    }
  }
}
