/**
 * One client floods, another conversation chats: `BENCH_ONLY=flood`. The hub runs with the
 * limits it ships with; the flooder (bench/flood-client.ts, a process of its own) sends as fast
 * as it can, opening a new socket each time one is let go, for the whole measurement. The figure is the other conversation's chat round trip
 * (shopper send → stored → back to the shopper), quiet and during each flood.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
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
    let flooder: ChildProcess | undefined;
    try {
      const expert = await HubPeer.expert(stack.hub.url, 'Flooded');
      peers.push(expert);
      const shopper = await HubPeer.shopper(stack.hub.url, 'chat');
      peers.push(shopper);
      const accept = async () => {
        const ring = await expert.next('expert.ring');
        expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
        return ring.conversationId;
      };
      const measured = { shopper, conversationId: await accept() };
      await shopper.nextWhere('chat.message', (m) => m.text === 'expert-joined');
      let counts = '';
      if (flood !== 'none') {
        flooder = spawn(
          process.execPath,
          ['--import', 'tsx', 'bench/flood-client.ts', stack.hub.url, flood],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        const lines = createInterface({ input: flooder.stdout! });
        const flooding = new Promise<void>((resolve) =>
          lines.on('line', (line) => (line === 'flooding' ? resolve() : (counts = line))),
        );
        if (flood === 'chat') await accept();
        await flooding;
      }
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
      let what = 'quiet';
      if (flooder) {
        const exited = new Promise((resolve) => flooder!.once('close', resolve));
        flooder.kill('SIGTERM');
        await exited;
        const { frames, sockets } = JSON.parse(counts || '{}') as {
          frames?: number;
          sockets?: number;
        };
        what = `during a ${flood} flood from another process (${frames} frames over ${sockets} sockets)`;
      }
      report(`another conversation's chat, ${what}`, times);
    } finally {
      flooder?.kill('SIGKILL');
      await Promise.all(peers.map((peer) => peer.close().catch(() => {})));
      await stack.stop();
    }
  }
}
