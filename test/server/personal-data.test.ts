/**
 * Personal data on a real hub (real LiveKit, PGlite on disk): the hub's logs never carry what
 * identifies or was said by a shopper or an expert, and with RETENTION_DAYS the hub deletes, as
 * it starts, ended conversations and settled requests past their time, never a live one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import { startHubFixture, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';

const RETENTION_DAYS = 30;

/** Everything personal the test sends: none of it may reach a log line. */
const PERSONAL = {
  shopperName: 'Léa Martin-Dubois',
  expertName: 'Camille Rousseau',
  said: 'Je garde le vélo au 12 rue des Lilas',
  answered: 'Très bien Léa, je regarde le cadre',
  refused: 'mon code porte est 4512B',
  email: 'lea.martin-dubois@example.org',
  messageText: 'Rappelez-moi au sujet du cadre fissuré',
  phone: '+33 6 98 76 54 32',
  phoneStored: '+33698765432',
  badContact: 'chez Léa, sonnez deux fois',
};

describe('personal data on a running hub', () => {
  let stack: HubFixture;
  before(async () => {
    stack = await startHubFixture({ storage: 'disk', retentionDays: RETENTION_DAYS });
  });
  after(() => stack.stop());

  /** A shopper with a name, in a chat accepted by `expert`. */
  async function conversation(expert: HubPeer) {
    const shopper = await HubPeer.open(stack.hub.url);
    shopper.send({
      type: 'shopper.request',
      mode: 'chat',
      lang: 'fr',
      displayName: PERSONAL.shopperName,
      context: { pageUrl: 'https://shop.example/velo' },
    });
    const { conversationId } = await shopper.next('conversation.opened');
    const ring = await expert.nextWhere('expert.ring', (r) => r.conversationId === conversationId);
    assert.equal(ring.shopper.displayName, PERSONAL.shopperName);
    expert.send({ type: 'expert.accept', conversationId });
    await shopper.next('call.live');
    return { shopper, conversationId };
  }

  it('logs no name, contact or words across a conversation and offline requests, then deletes them when their time is over', async () => {
    const expert = await HubPeer.expert(stack.hub.url, PERSONAL.expertName);
    const ended = await conversation(expert);
    const { shopper } = ended;
    shopper.send({
      type: 'chat.send',
      conversationId: ended.conversationId,
      clientId: 'client-msg-0001',
      text: PERSONAL.said,
    });
    await shopper.nextWhere('chat.message', (m) => m.text === PERSONAL.said);
    expert.send({
      type: 'chat.send',
      conversationId: ended.conversationId,
      clientId: 'client-msg-0002',
      text: PERSONAL.answered,
    });
    await shopper.nextWhere('chat.message', (m) => m.text === PERSONAL.answered);
    // A frame the hub refuses, with words in it: the refusal is not logged with them.
    shopper.sendRaw(
      JSON.stringify({
        type: 'chat.send',
        conversationId: ended.conversationId,
        clientId: '!',
        text: PERSONAL.refused,
      }),
    );
    assert.equal((await shopper.refusal()).reason, 'invalid-message');

    shopper.send({
      type: 'offline.message',
      lang: 'fr',
      name: PERSONAL.shopperName,
      contact: PERSONAL.email,
      text: PERSONAL.messageText,
      context: {},
    });
    const message = await shopper.next('offline.confirmed');
    shopper.send({
      type: 'offline.callback',
      lang: 'fr',
      name: PERSONAL.shopperName,
      phone: PERSONAL.phone,
      from: Date.now() + 3_600_000,
      to: Date.now() + 7_200_000,
      context: {},
    });
    const callback = await shopper.next('offline.confirmed');
    shopper.send({
      type: 'offline.message',
      lang: 'fr',
      contact: PERSONAL.badContact,
      text: PERSONAL.messageText,
      context: {},
    });
    assert.equal((await shopper.next('offline.rejected')).problem, 'invalid-contact');
    expert.send({ type: 'expert.request-done', id: message.id });
    await expert.nextWhere('expert.requests', (m) =>
      m.requests.some((r) => r.id === message.id && r.status === 'done'),
    );
    shopper.send({ type: 'call.end', conversationId: ended.conversationId });
    await shopper.next('call.ended');
    await shopper.close();

    // Another shopper, still talking when the hub restarts: never deleted, however old.
    const live = await conversation(expert);

    // Time passes: what is over ended RETENTION_DAYS + 1 days ago; the live one began long ago.
    await stack.sql(
      `update conversations set ended_at = now() - interval '${RETENTION_DAYS + 1} days'
       where ended_at is not null`,
    );
    await stack.sql(`update conversations set created_at = now() - interval '400 days'`);
    await stack.sql(
      `update requests set done_at = done_at - interval '${RETENTION_DAYS + 1} days',
         created_at = created_at - interval '${RETENTION_DAYS + 1} days',
         window_from = window_from - interval '${RETENTION_DAYS + 1} days',
         window_to = window_to - interval '${RETENTION_DAYS + 1} days'`,
    );
    await live.shopper.close();
    await expert.close();
    await stack.restartHub();

    const conversations = await stack.sql('select id, ended_at from conversations');
    assert.deepEqual(
      conversations.map((c) => c['id']),
      [live.conversationId],
    );
    assert.deepEqual(
      await stack.sql('select distinct conversation_id from messages'),
      [{ conversation_id: live.conversationId }],
      'the ended transcript went with its conversation; the live one keeps its lines',
    );
    const requests = await stack.sql('select id from requests where id = any($1::text[])', [
      [message.id, callback.id],
    ]);
    assert.deepEqual(requests, []);
    const swept = stack.logged.filter((l) => l.event === 'retention.swept');
    assert.deepEqual(swept.at(-1)?.fields, {
      days: RETENTION_DAYS,
      conversations: 1,
      requests: 2,
    });
    const stored = JSON.stringify(await stack.sql('select * from requests'));
    assert.ok(!stored.includes(PERSONAL.phoneStored) && !stored.includes(PERSONAL.email));

    // Every line logged, from the first sign-in to the sweep after the restart.
    const logs = JSON.stringify(stack.logged);
    const events = stack.logged.map((l) => l.event);
    for (const event of ['expert.signed-in', 'conversation.live', 'conversation.ended'])
      assert.ok(events.includes(event), `the hub logged ${event}`);
    for (const [what, value] of Object.entries(PERSONAL))
      assert.ok(!logs.includes(value), `${what} ("${value}") is in the hub's logs`);
  });
});
