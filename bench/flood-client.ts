/**
 * A client that floods a hub, in a process of its own so that its sending does not share the
 * hub's CPU (bench/flood.ts). `node --import tsx bench/flood-client.ts HUB_URL chat|offline`:
 * for `chat` it first asks for a written conversation (the bench's expert answers), then sends
 * as fast as it can, opening a new socket each time one is let go. Prints `flooding` once it
 * floods, and `{"frames":…,"sockets":…}` when told to stop (SIGTERM).
 */
import { HubPeer } from '../test/support/hub-peer.js';

const [url, kind] = process.argv.slice(2) as [string, 'chat' | 'offline'];
let frames = 0;
let sockets = 0;
process.once('SIGTERM', () => {
  console.log(JSON.stringify({ frames, sockets }));
  process.exit(0);
});

let conversationId = '';
let first: HubPeer | undefined;
if (kind === 'chat') {
  first = await HubPeer.shopper(url, 'chat');
  conversationId = (await first.next('call.live', { timeoutMs: 60_000 })).conversationId;
}
console.log('flooding');
for (;;) {
  const peer = first ?? (await HubPeer.open(url).catch(() => undefined));
  first = undefined;
  if (!peer) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    continue;
  }
  sockets++;
  for (let i = 0; i < 5_000 && peer.closeCode === undefined; i++) {
    frames++;
    peer.send(
      kind === 'chat'
        ? {
            type: 'chat.send',
            conversationId,
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
  while (peer.closeCode === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
}
