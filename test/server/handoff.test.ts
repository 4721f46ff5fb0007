/**
 * A conversation moved to the shopper's other device, through the real hub and storage (PGlite
 * and PostgreSQL): a one-time code, taken by a second connection, which gets the conversation
 * with its whole transcript and a new resume token; the first connection is told and may do
 * nothing more; the code works once, and not after it expires; its old resume token no longer
 * resumes.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { hubOnEngine } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { liveChat } from '../support/live-chat.js';
import { storageEngines } from '../support/storage-engines.js';

for (const engine of await storageEngines('handoff')) {
  describe(`a conversation moved to another device (${engine.name})`, () => {
    const hub = hubOnEngine(engine);
    const { track } = hub;

    let experts = 0;
    const live = () => liveChat(hub.stack.hub.url, `Adviser ${++experts}`, track);
    async function codeFor(shopper: HubPeer, conversationId: string) {
      shopper.send({ type: 'shopper.handoff', conversationId });
      return shopper.next('shopper.handoff-code');
    }

    it('goes on on the device that takes the code, transcript and all, and the first is told', async () => {
      const { expert, shopper, conversationId, resumeToken } = await live();
      shopper.send({ type: 'chat.send', conversationId, clientId: 'before-001', text: 'My order' });
      await expert.nextWhere('chat.message', (m) => m.clientId === 'before-001');
      const handoff = await codeFor(shopper, conversationId);
      assert.ok(handoff.expiresAt > Date.now() + 4 * 60_000, 'a few minutes to scan it');

      const phone = track(await HubPeer.open(hub.stack.hub.url));
      phone.send({ type: 'conversation.take', code: handoff.code });
      const opened = await phone.next('conversation.opened');
      assert.equal(opened.conversationId, conversationId);
      assert.notEqual(opened.resumeToken, resumeToken, 'a token of its own');
      assert.equal((await phone.next('conversation.chat')).expert.name, `Adviser ${experts}`);
      const replayed = await phone.nextWhere('chat.message', (m) => m.clientId === 'before-001');
      assert.equal(replayed.text, 'My order');
      assert.deepEqual(await shopper.next('conversation.moved'), {
        type: 'conversation.moved',
        conversationId,
      });

      // The first device may do nothing more in it; the phone writes, the expert reads.
      shopper.send({
        type: 'chat.send',
        conversationId,
        clientId: 'after-0001',
        text: 'Still me?',
      });
      assert.match((await shopper.refusal()).message, /another device/);
      phone.send({
        type: 'chat.send',
        conversationId,
        clientId: 'after-0002',
        text: 'From my phone',
      });
      const atExpert = await expert.nextWhere('chat.message', (m) => m.author === 'shopper');
      assert.equal(atExpert.text, 'From my phone');
      // The first device closing does not leave the conversation waiting for a shopper.
      await shopper.close();
      phone.send({ type: 'chat.send', conversationId, clientId: 'after-0003', text: 'Still here' });
      assert.equal(
        (await expert.nextWhere('chat.message', (m) => m.author === 'shopper')).text,
        'Still here',
      );

      // The old token no longer resumes it; the phone's does.
      const old = track(await HubPeer.open(hub.stack.hub.url));
      old.send({ type: 'conversation.resume', conversationId, resumeToken, lastSeq: 0 });
      assert.equal((await old.refusal()).reason, 'wrong-state');
      // Used once: a second device with the same code is refused.
      const again = track(await HubPeer.open(hub.stack.hub.url));
      again.send({ type: 'conversation.take', code: handoff.code });
      assert.match((await again.refusal()).message, /expired, was already used/);
    });

    it('is taken by one device only when two present the code at once', async () => {
      const { shopper, conversationId } = await live();
      const { code } = await codeFor(shopper, conversationId);
      const first = track(await HubPeer.open(hub.stack.hub.url));
      const second = track(await HubPeer.open(hub.stack.hub.url));
      first.send({ type: 'conversation.take', code });
      second.send({ type: 'conversation.take', code });
      const answers = await Promise.all(
        [first, second].map((peer) =>
          peer.until((m) => m.type === 'conversation.opened' || m.type === 'error'),
        ),
      );
      assert.deepEqual(answers.map((m) => m.type).sort(), ['conversation.opened', 'error']);
    });

    it('refuses a code past its time, and gives none for a conversation that has ended', async () => {
      const { expert, shopper, conversationId } = await live();
      const { code } = await codeFor(shopper, conversationId);
      await hub.stack.sql(
        `update handoffs set expires_at = now() - interval '1 second' where conversation_id = $1`,
        [conversationId],
      );
      const late = track(await HubPeer.open(hub.stack.hub.url));
      late.send({ type: 'conversation.take', code });
      assert.equal((await late.refusal()).reason, 'wrong-state');

      expert.send({ type: 'call.end', conversationId });
      await shopper.next('call.ended');
      shopper.send({ type: 'shopper.handoff', conversationId });
      assert.match((await shopper.refusal()).message, /has ended/);
      expert.send({ type: 'expert.set-presence', status: 'away' });
      await expert.nextWhere('expert.presence', (p) => p.status === 'away');
    });
  });
}
