/**
 * The shopper's conversation controller against a scripted hub (FakeHub): what it asks the
 * hub, how each answer moves its state, its time limits, and how it comes back after the
 * connection drops or on the shop's next page. Media needs a browser; in Node a room cannot
 * be joined, which is itself a case worth a test.
 */
import assert from 'node:assert/strict';
import {
  ShopperConversation,
  type ResumeTicket,
  type ShopperConversationOptions,
  type TicketStore,
} from '../../src/core/shopper-conversation.js';
import type { ConversationState } from '../../src/core/conversation-state.js';
import type { ServerMessageOf } from '../../src/protocol/index.js';
import { until } from '../support/deadline.js';
import { FakeHub, type FakeConnection } from '../support/fake-hub.js';
import { after, afterEach, before, describe, it, type TestContext } from '../support/node-test.js';

const EXPERT = { id: 'dev-camille', name: 'Camille' };
const CONTEXT = { pageUrl: 'https://shop.example/lumen-500', product: { name: 'Lumen 500' } };

class MemoryTickets implements TicketStore {
  saved: Array<ResumeTicket | null> = [];
  constructor(private ticket: ResumeTicket | null = null) {}
  load(): ResumeTicket | null {
    return this.ticket;
  }
  save(ticket: ResumeTicket | null): void {
    this.ticket = ticket;
    this.saved.push(ticket);
  }
}

let hub: FakeHub;
const made: ShopperConversation[] = [];

before(async () => {
  hub = await FakeHub.start();
});
afterEach(() => {
  for (const conversation of made.splice(0)) conversation.dispose();
  hub.refuse(false);
  hub.forgetUntaken();
});
after(() => hub.close());

function shopper(options: Partial<ShopperConversationOptions> = {}) {
  const tickets = (options.tickets as MemoryTickets | undefined) ?? new MemoryTickets();
  const conversation = new ShopperConversation({
    hub: hub.url,
    lang: () => 'fr',
    context: () => CONTEXT,
    reconnect: { nextDelay: (attempt) => (attempt < 3 ? 20 : null) },
    ...options,
    tickets,
  });
  made.push(conversation);
  const kinds: string[] = [];
  conversation.on('state', ({ state }) => kinds.push(state.kind));
  return { conversation, tickets, kinds };
}

function untilState<K extends ConversationState['kind']>(
  conversation: ShopperConversation,
  kind: K,
): Promise<Extract<ConversationState, { kind: K }>> {
  return until(
    () => conversation.state,
    (state) => state.kind === kind,
    { what: `the shopper's state "${kind}"` },
  ) as Promise<Extract<ConversationState, { kind: K }>>;
}

/**
 * The shopper's state once the browser has taken in every frame the hub sent: of `kind`, or the
 * test fails there, saying what it is.
 */
async function stateOnceDelivered<K extends ConversationState['kind']>(
  connection: FakeConnection,
  conversation: ShopperConversation,
  kind: K,
): Promise<Extract<ConversationState, { kind: K }>> {
  await connection.delivered();
  const state = conversation.state;
  assert.equal(state.kind, kind, `the shopper's state: ${JSON.stringify(state)}`);
  return state as Extract<ConversationState, { kind: K }>;
}

/** What a promise gave, once it gave it: to assert on once the hub's frames are taken in. */
function answerOf<T>(promise: Promise<T>): { given: boolean; value?: T } {
  const answer: { given: boolean; value?: T } = { given: false };
  void promise.then((value) => Object.assign(answer, { given: true, value }));
  return answer;
}

/** A shopper who chose `mode`; the hub has their request and has opened the conversation. */
async function requested(
  mode: 'video' | 'audio' | 'chat' = 'chat',
  options: Partial<ShopperConversationOptions> = {},
) {
  const made = shopper(options);
  made.conversation.open();
  await made.conversation.choose(mode);
  const connection = await hub.nextConnection();
  const request = await connection.sent('shopper.request');
  connection.send({ type: 'conversation.opened', conversationId: 'c1', resumeToken: 'token-1' });
  return { ...made, connection, request };
}

/** The hub carries conversation c1 on in chat, as the shopper or the expert chose. */
const toChat = (connection: FakeConnection) =>
  connection.send({
    type: 'conversation.chat',
    conversationId: 'c1',
    reason: 'chosen',
    expert: EXPERT,
  });

/** The hub puts the chat through: rung, accepted, in chat only. */
async function chatting(options: Partial<ShopperConversationOptions> = {}) {
  const made = await requested('chat', options);
  made.connection.send({ type: 'shopper.connecting', conversationId: 'c1' });
  made.connection.send({ type: 'call.live', conversationId: 'c1', mode: 'chat', expert: EXPERT });
  toChat(made.connection);
  await stateOnceDelivered(made.connection, made.conversation, 'chat');
  return made;
}

const said = (seq: number, text: string, author: 'expert' | 'shopper' = 'expert') =>
  ({
    type: 'chat.message',
    conversationId: 'c1',
    seq,
    clientId: author === 'shopper' ? `shopper-msg-${seq}` : null,
    author,
    authorName: author === 'expert' ? 'Camille' : '',
    text,
    at: 1000 + seq,
  }) satisfies ServerMessageOf<'chat.message'>;

describe('ShopperConversation', () => {
  describe('asking for an expert', () => {
    it('shows the first screen, then asks the hub with the page’s context and language', async () => {
      const { conversation, request, kinds } = await requested('video', {
        topic: () => 'bikes',
        displayName: () => 'Léa',
      });
      assert.deepEqual(kinds, ['choosing', 'requesting']);
      assert.deepEqual(request, {
        type: 'shopper.request',
        mode: 'video',
        lang: 'fr',
        context: CONTEXT,
        displayName: 'Léa',
        topic: 'bikes',
      });
      assert.deepEqual(conversation.state, { kind: 'requesting', mode: 'video' });
    });

    it('says nothing of a topic or a name it does not have', async () => {
      const { request } = await requested('audio', { displayName: () => undefined });
      assert.deepEqual(Object.keys(request).sort(), ['context', 'lang', 'mode', 'type']);
    });

    it('sends the customer token the page gave, as it is when the shopper asks', async () => {
      let token = 'signed-before';
      const made = shopper({ customerToken: () => token });
      made.conversation.open();
      token = 'signed-by-the-shop';
      await made.conversation.choose('chat');
      const request = await (await hub.nextConnection()).next('shopper.request');
      assert.equal(request.customerToken, 'signed-by-the-shop');
    });

    it('asks only from the first screen', async () => {
      const { conversation } = shopper();
      assert.equal(conversation.reconnecting, false);
      await conversation.choose('video');
      assert.equal(conversation.state.kind, 'idle');
      assert.equal(hub.quiet, true);
    });

    it('takes a conversation from another device only from the closed panel', async () => {
      const { conversation } = shopper();
      conversation.open();
      await conversation.take('code-1', 'video');
      assert.equal(conversation.state.kind, 'choosing');
      assert.equal(hub.quiet, true);
    });

    it('gives each photo its address at the hub', () => {
      const { conversation } = shopper();
      assert.equal(
        conversation.photoUrl('p1'),
        `${hub.url.replace(/^ws/, 'http').replace(/\/$/, '')}/photos/p1`,
      );
    });

    it('keeps the ticket to come back with, from the hub’s answer', async () => {
      const { tickets } = await requested('audio');
      await until(
        () => tickets.saved.length,
        (n) => n > 0,
        { what: 'a ticket' },
      );
      assert.deepEqual(tickets.load(), {
        conversationId: 'c1',
        resumeToken: 'token-1',
        mode: 'audio',
      });
    });

    it('ends in "hub-unreachable" when the hub cannot be reached', async () => {
      hub.refuse(true);
      const { conversation, kinds } = shopper();
      conversation.open();
      await conversation.choose('chat');
      assert.deepEqual(conversation.state, { kind: 'ended', reason: 'hub-unreachable' });
      assert.deepEqual(kinds, ['choosing', 'requesting', 'ended']);
    });

    it('ends in "timeout" when the hub does not answer in time, and tells it nothing more', async () => {
      const { conversation, connection } = await requested('chat', { requestTimeoutMs: 150 });
      const ended = await untilState(conversation, 'ended');
      assert.equal(ended.reason, 'timeout');
      assert.notEqual(await connection.closeSeen(), undefined, 'the connection let go');
    });

    it('ends with the refusal, not "hub-unreachable", when the hub refuses the request', async () => {
      const { conversation, connection } = await requested();
      connection.send({
        type: 'error',
        reason: 'invalid-message',
        message: 'no',
        ref: 'shopper.request',
      });
      assert.equal(
        (await stateOnceDelivered(connection, conversation, 'ended')).reason,
        'invalid-request',
      );
      assert.equal(connection.all('shopper.request').length, 1, 'a refusal is not asked again');
    });

    it('asks again when the hub fails on the request, and goes on once it is answered', async () => {
      const { conversation, connection, request } = await requested();
      connection.send({
        type: 'error',
        reason: 'internal',
        message: 'oops',
        ref: 'shopper.request',
      });
      assert.deepEqual(await connection.next('shopper.request'), request, 'the same request');
      connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
      await stateOnceDelivered(connection, conversation, 'queued');
    });

    it('ends in "hub-failed" when the hub keeps failing on the request', async () => {
      const { conversation, connection } = await requested();
      const failed = () =>
        connection.send({
          type: 'error',
          reason: 'internal',
          message: 'oops',
          ref: 'shopper.request',
        });
      failed();
      for (let again = 0; again < 3; again++) {
        await connection.next('shopper.request');
        failed();
      }
      assert.equal(
        (await stateOnceDelivered(connection, conversation, 'ended')).reason,
        'hub-failed',
      );
      assert.equal(connection.all('shopper.request').length, 4, 'asked as long as the policy said');
    });

    it('goes on when the hub refuses some other frame', async () => {
      const { conversation, connection } = await chatting();
      connection.send({ type: 'error', reason: 'wrong-state', message: 'no', ref: 'chat.typing' });
      connection.send(said(1, 'still here'));
      await connection.delivered();
      assert.equal(conversation.chat.log.entries.length, 1, 'the next message');
      assert.equal(conversation.state.kind, 'chat');
    });
  });

  describe('waiting', () => {
    it('shows the place in line and the wait as the hub tells them', async () => {
      const { conversation, connection } = await requested('video');
      connection.send({
        type: 'shopper.queued',
        conversationId: 'c1',
        position: 3,
        etaSeconds: 450,
      });
      assert.deepEqual(await stateOnceDelivered(connection, conversation, 'queued'), {
        kind: 'queued',
        mode: 'video',
        conversationId: 'c1',
        position: 3,
        etaSeconds: 450,
      });
      connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
      await connection.delivered();
      assert.equal(conversation.state.kind === 'queued' && conversation.state.position, 1);
      assert.equal('etaSeconds' in conversation.state, false, 'no wait when nobody answers');
    });

    it('offers the alternatives after the longest wait, keeping the place', async () => {
      const { conversation, connection } = await requested('video');
      connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 2 });
      connection.send({ type: 'shopper.offline', reason: 'no-answer' });
      const queued = await stateOnceDelivered(connection, conversation, 'queued');
      assert.equal(queued.alternatives, true, 'the alternatives offered');
      assert.equal(queued.kind === 'queued' && queued.position, 2);
    });

    it('writes instead of waiting for video: tells the hub, and comes back to a chat', async () => {
      const { conversation, connection, tickets } = await requested('video');
      connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
      await stateOnceDelivered(connection, conversation, 'queued');
      conversation.switchTo('chat');
      assert.deepEqual(await connection.sent('media.switch'), {
        type: 'media.switch',
        conversationId: 'c1',
        to: 'chat',
      });
      assert.equal(conversation.state.kind === 'queued' && conversation.state.mode, 'chat');
      assert.equal(tickets.load()?.mode, 'chat', 'the next page resumes a chat');
    });

    it('asks for nothing when asked for video while waiting', async () => {
      const { conversation, connection } = await requested('chat');
      connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
      await stateOnceDelivered(connection, conversation, 'queued');
      conversation.switchTo('call');
      conversation.end();
      await connection.sent('shopper.cancel');
      assert.deepEqual(connection.all('media.switch'), []);
    });

    it('leaves the queue on end: tells the hub and ends as cancelled', async () => {
      const { conversation, connection, tickets } = await requested('video');
      connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
      await stateOnceDelivered(connection, conversation, 'queued');
      conversation.end();
      await connection.sent('shopper.cancel');
      assert.deepEqual(conversation.state, { kind: 'ended', reason: 'shopper-cancelled' });
      assert.equal(tickets.load(), null, 'nothing to come back to');
      assert.notEqual(await connection.closeSeen(), undefined, 'the connection let go');
    });

    it('says the shop is closed and when it opens, and lets the connection go', async () => {
      const { conversation, connection } = await requested('video');
      connection.send({ type: 'shopper.offline', reason: 'closed', opensAt: 1_800_000_000_000 });
      assert.deepEqual(await stateOnceDelivered(connection, conversation, 'closed'), {
        kind: 'closed',
        opensAt: 1_800_000_000_000,
      });
      assert.notEqual(await connection.closeSeen(), undefined, 'the connection let go');
      connection.send({ type: 'shopper.offline', reason: 'closed' });
      conversation.dismiss();
      assert.equal(conversation.state.kind, 'idle');
    });

    it('says the shop is closed without a time when the hub gives none, and a place without a wait', async () => {
      const closed = await requested('video');
      closed.connection.send({ type: 'shopper.offline', reason: 'closed' });
      assert.deepEqual(await stateOnceDelivered(closed.connection, closed.conversation, 'closed'), {
        kind: 'closed',
      });
      const waiting = await requested('video');
      waiting.connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 2 });
      assert.deepEqual(
        await stateOnceDelivered(waiting.connection, waiting.conversation, 'queued'),
        {
          kind: 'queued',
          mode: 'video',
          conversationId: 'c1',
          position: 2,
        },
      );
    });
  });

  describe('being put through', () => {
    it('rings for a chat without a room, then writes to the expert', async () => {
      const { conversation, connection, kinds } = await chatting();
      assert.deepEqual(kinds, ['choosing', 'requesting', 'connecting', 'in-call', 'chat']);
      assert.deepEqual(conversation.state, {
        kind: 'chat',
        mode: 'chat',
        conversationId: 'c1',
        expert: EXPERT,
        reason: 'chosen',
      });
      assert.equal(conversation.chat.isOpen, true);
      assert.equal(conversation.chat.post('Bonjour'), null);
      const sent = await connection.sent('chat.send');
      assert.equal(sent.conversationId, 'c1');
      assert.equal(sent.text, 'Bonjour');
      assert.equal(conversation.chat.log.entries[0]?.authorName, '', 'a shopper who gave no name');
    });

    it('shows what the expert writes, and that they are typing', async () => {
      const { conversation, connection } = await chatting();
      connection.send({ type: 'chat.typing', conversationId: 'c1', author: 'expert' });
      await connection.delivered();
      assert.equal(conversation.chat.otherTyping, true, 'typing shown');
      connection.send(said(2, 'two'));
      connection.send(said(1, 'one'));
      await connection.delivered();
      assert.deepEqual(
        conversation.chat.log.entries.map((e) => e.text),
        ['one', 'two'],
      );
    });

    it('hangs up: tells the hub, ends, and forgets the ticket', async () => {
      const { conversation, connection, tickets } = await chatting();
      conversation.end();
      assert.deepEqual(await connection.sent('call.end'), {
        type: 'call.end',
        conversationId: 'c1',
      });
      assert.deepEqual(conversation.state, {
        kind: 'ended',
        reason: 'shopper-hung-up',
        rating: { conversationId: 'c1', expert: EXPERT, status: 'open' },
      });
      assert.equal(tickets.load(), null);
      assert.equal(conversation.chat.isOpen, false);
    });

    it('ends with the hub’s reason when the expert hangs up', async () => {
      const { conversation, connection } = await chatting();
      connection.send({ type: 'call.ended', conversationId: 'c1', reason: 'expert-hung-up' });
      assert.equal(
        (await stateOnceDelivered(connection, conversation, 'ended')).reason,
        'expert-hung-up',
      );
      conversation.end();
      assert.deepEqual(connection.all('call.end'), [], 'nothing to hang up any more');
      conversation.dismiss();
      assert.equal(conversation.state.kind, 'idle');
    });

    it('asks the hub for video back from a chat, and for chat from a call', async () => {
      const { conversation, connection } = await chatting();
      conversation.switchTo('call');
      assert.equal((await connection.sent('media.switch')).to, 'call');
      connection.send({ type: 'call.live', conversationId: 'c1', mode: 'chat', expert: EXPERT });
      await stateOnceDelivered(connection, conversation, 'in-call');
      conversation.switchTo('chat');
      assert.equal((await connection.sent('media.switch')).to, 'chat');
    });

    it('tells the hub when it cannot join the ring’s room, and waits for a written answer', async (t) => {
      t.mock.method(console, 'warn', () => {});
      const { conversation, connection } = await requested('video');
      connection.send({
        type: 'shopper.connecting',
        conversationId: 'c1',
        media: { url: 'ws://127.0.0.1:9', token: 'x', room: 'conversation-c1', peer: 'expert-ana' },
      });
      // Node has no WebRTC: the room cannot be joined, as in a browser without it.
      assert.deepEqual(await connection.sent('media.lost'), {
        type: 'media.lost',
        conversationId: 'c1',
      });
      assert.equal(conversation.state.kind, 'connecting', 'still being put through');
      assert.equal(connection.all('shopper.cancel').length, 0);
      // The hub rings on for a written conversation; the expert answers in writing.
      connection.send({ type: 'shopper.connecting', conversationId: 'c1' });
      connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
      connection.send({
        type: 'conversation.chat',
        conversationId: 'c1',
        reason: 'media-unavailable',
        expert: EXPERT,
      });
      assert.equal(
        (await stateOnceDelivered(connection, conversation, 'chat')).reason,
        'media-unavailable',
      );
    });

    it('goes on in chat, and tells the hub, when media is lost in a call', async () => {
      const { conversation, connection } = await chatting();
      conversation.switchTo('call');
      connection.send({ type: 'call.live', conversationId: 'c1', mode: 'chat', expert: EXPERT });
      await stateOnceDelivered(connection, conversation, 'in-call');
      emit(conversation.media, 'disconnected', { cause: 'closed' });
      assert.equal(conversation.state.kind, 'in-call', 'a room closed on purpose is no loss');
      emit(conversation.media, 'disconnected', { cause: 'lost' });
      assert.deepEqual(await connection.sent('media.lost'), {
        type: 'media.lost',
        conversationId: 'c1',
      });
      const chat = await stateOnceDelivered(connection, conversation, 'chat');
      assert.equal(chat.reason, 'media-lost');
    });

    it('tells the hub when media is lost before the expert answers, and stays put through', async () => {
      const { conversation, connection } = await requested('video');
      connection.send({ type: 'shopper.connecting', conversationId: 'c1' });
      await stateOnceDelivered(connection, conversation, 'connecting');
      emit(conversation.media, 'disconnected', { cause: 'lost' });
      assert.deepEqual(await connection.sent('media.lost'), {
        type: 'media.lost',
        conversationId: 'c1',
      });
      assert.equal(conversation.state.kind, 'connecting');
    });

    it('goes back in line when the ring is not answered', async () => {
      const { conversation, connection } = await requested('chat');
      connection.send({ type: 'shopper.connecting', conversationId: 'c1' });
      await stateOnceDelivered(connection, conversation, 'connecting');
      connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
      await stateOnceDelivered(connection, conversation, 'queued');
    });
  });

  describe('rating the conversation', () => {
    /** A chat the expert ended; the end screen offers the rating. */
    async function ended() {
      const made = await chatting();
      made.connection.send({ type: 'call.ended', conversationId: 'c1', reason: 'expert-hung-up' });
      const state = await stateOnceDelivered(made.connection, made.conversation, 'ended');
      assert.equal(state.rating?.status, 'open');
      return made;
    }

    it('hangs up nothing once the conversation is over, and keeps the rating open', async () => {
      const { conversation, connection, tickets } = await ended();
      const saved = tickets.saved.length;
      conversation.end();
      connection.send({ type: 'call.ended', conversationId: 'c1', reason: 'shopper-left' });
      await connection.delivered();
      assert.deepEqual([...connection.all('call.end'), ...connection.all('shopper.cancel')], []);
      const state = conversation.state;
      assert.equal(state.kind === 'ended' && state.reason, 'expert-hung-up');
      assert.equal(state.kind === 'ended' && state.rating?.status, 'open');
      assert.equal(tickets.saved.length, saved, 'the resume ticket was let go once');
      assert.equal(await connection.closeSeen(), undefined, 'the connection is kept to rate on');
    });

    it('sends the stars and the trimmed comment on the connection that had the conversation', async () => {
      const { conversation, connection } = await ended();
      conversation.rate(4, '  Clear and patient  ');
      assert.deepEqual(await connection.sent('shopper.rate'), {
        type: 'shopper.rate',
        conversationId: 'c1',
        stars: 4,
        comment: 'Clear and patient',
      });
      assert.equal(
        conversation.state.kind === 'ended' && conversation.state.rating?.status,
        'sending',
      );
      connection.send({ type: 'shopper.rated', conversationId: 'c1' });
      assert.equal(await connection.closeSeen(), 1000, 'the connection goes once rated');
      assert.equal(
        conversation.state.kind === 'ended' && conversation.state.rating?.status,
        'sent',
      );
    });

    it('sends no comment when none was written, and nothing twice', async () => {
      const { conversation, connection } = await ended();
      conversation.rate(5, '   ');
      conversation.rate(1);
      assert.deepEqual(await connection.sent('shopper.rate'), {
        type: 'shopper.rate',
        conversationId: 'c1',
        stars: 5,
      });
      connection.send({ type: 'error', reason: 'internal', message: 'x', ref: 'shopper.rate' });
      await connection.delivered();
      assert.equal(
        conversation.state.kind === 'ended' && conversation.state.rating?.status,
        'failed',
      );
      assert.equal(connection.all('shopper.rate').length, 1);
      conversation.rate(5);
      await connection.sent('shopper.rate');
    });

    it('says a rating on its way failed when the connection drops, and tries no new one', async () => {
      const { conversation, connection } = await ended();
      conversation.rate(4);
      await connection.sent('shopper.rate');
      connection.drop();
      await until(
        () => conversation.state.kind === 'ended' && conversation.state.rating?.status,
        (status) => status === 'failed',
        { what: 'the rating failed' },
      );
      assert.equal(hub.quiet, true, 'no new connection: it could not rate');
      conversation.rate(4);
      assert.equal(
        conversation.state.kind === 'ended' && conversation.state.rating?.status,
        'failed',
        'nothing to send it on',
      );
      assert.deepEqual(
        conversation.state.kind === 'ended' && conversation.state.reason,
        'expert-hung-up',
      );
    });

    it('lets a connection that drops before a rating go, and says so if one is given', async () => {
      const { conversation, connection } = await ended();
      hub.refuse(true);
      connection.drop();
      await connection.closed();
      await until(
        () => conversation.rate(2),
        () => conversation.state.kind === 'ended' && conversation.state.rating?.status === 'failed',
        { what: 'a rating given once the connection is gone failing' },
      );
      assert.equal(
        conversation.state.kind === 'ended' && conversation.state.reason,
        'expert-hung-up',
      );
    });

    it('lets the connection go when the panel is closed without a rating', async () => {
      const { conversation, connection } = await ended();
      conversation.dismiss();
      assert.notEqual(await connection.closeSeen(), undefined, 'the connection let go');
      conversation.rate(3);
      assert.deepEqual(connection.all('shopper.rate'), []);
    });

    it('stops asking, and lets the connection go, when the time to rate is over', async () => {
      const made = await chatting({ ratingWindowMs: 50 });
      made.connection.send({ type: 'call.ended', conversationId: 'c1', reason: 'expert-hung-up' });
      await stateOnceDelivered(made.connection, made.conversation, 'ended');
      await made.connection.closed();
      assert.deepEqual(made.conversation.state, { kind: 'ended', reason: 'expert-hung-up' });
    });

    it('is not offered after leaving the queue: the connection goes at once', async () => {
      const { conversation, connection } = await requested('chat');
      connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
      await stateOnceDelivered(connection, conversation, 'queued');
      conversation.end();
      assert.deepEqual(conversation.state, { kind: 'ended', reason: 'shopper-cancelled' });
      assert.notEqual(await connection.closeSeen(), undefined, 'the connection let go');
    });
  });

  describe('a dropped connection', () => {
    it('holds what is written, resumes with the ticket, then sends it', async () => {
      const { conversation, connection } = await chatting();
      connection.send(said(1, 'expert-joined'));
      connection.send(said(2, 'hello'));
      await connection.delivered();
      assert.equal(conversation.chat.log.lastSeq, 2, 'the messages');
      let changes = 0;
      conversation.on('change', () => changes++);
      connection.drop();
      await until(
        () => conversation.reconnecting,
        (r) => r,
        { what: 'reconnecting' },
      );
      assert.ok(changes > 0, 'the element is told to show it');
      conversation.chat.post('written while cut off');

      const back = await hub.nextConnection();
      assert.deepEqual(await back.sent('conversation.resume'), {
        type: 'conversation.resume',
        conversationId: 'c1',
        resumeToken: 'token-1',
        lastSeq: 2,
      });
      assert.deepEqual(back.all('chat.send'), [], 'held until the conversation is back');
      back.send({ type: 'conversation.opened', conversationId: 'c1', resumeToken: 'token-1' });
      const resent = await back.sent('chat.send');
      assert.equal(resent.text, 'written while cut off');
      assert.equal(conversation.reconnecting, false);
      assert.equal(conversation.state.kind, 'chat', 'the conversation went on all along');
    });

    it('ends as "hub-unreachable" when the hub does not come back', async () => {
      const { conversation, connection } = await chatting();
      hub.refuse(true);
      connection.drop();
      assert.equal((await untilState(conversation, 'ended')).reason, 'hub-unreachable');
      assert.equal(conversation.reconnecting, false);
    });

    it('ends as "refused", not "hub-unreachable", when the hub refuses the resume', async () => {
      const { conversation, connection } = await chatting();
      connection.drop();
      const back = await hub.nextConnection();
      await back.sent('conversation.resume');
      back.send({
        type: 'error',
        reason: 'wrong-state',
        message: 'ended',
        ref: 'conversation.resume',
      });
      assert.equal((await stateOnceDelivered(back, conversation, 'ended')).reason, 'refused');
    });

    it('asks to resume again when the hub fails on the resume, and the conversation goes on', async () => {
      const { conversation, connection } = await chatting();
      connection.drop();
      const back = await hub.nextConnection();
      await back.sent('conversation.resume');
      back.send({ type: 'error', reason: 'internal', message: 'oops', ref: 'conversation.resume' });
      await back.next('conversation.resume');
      back.send({ type: 'conversation.opened', conversationId: 'c1', resumeToken: 'token-1' });
      await until(
        () => conversation.reconnecting,
        (r) => !r,
        { what: 'back' },
      );
      assert.equal(conversation.state.kind, 'chat');
    });
  });

  describe('the shop’s next page', () => {
    const ticket: ResumeTicket = { conversationId: 'c1', resumeToken: 'token-1', mode: 'audio' };

    it('resumes the conversation this browser had, from its ticket', async () => {
      const { conversation, kinds } = shopper({ tickets: new MemoryTickets(ticket) });
      assert.equal(conversation.canResume(), true);
      await conversation.resume();
      const connection = await hub.nextConnection();
      assert.deepEqual(await connection.sent('conversation.resume'), {
        type: 'conversation.resume',
        conversationId: 'c1',
        resumeToken: 'token-1',
        lastSeq: 0,
      });
      assert.deepEqual(conversation.state, { kind: 'requesting', mode: 'audio' });
      connection.send({
        type: 'conversation.chat',
        conversationId: 'c1',
        reason: 'media-lost',
        expert: EXPERT,
      });
      assert.equal(
        (await stateOnceDelivered(connection, conversation, 'chat')).reason,
        'media-lost',
      );
      assert.deepEqual(kinds, ['requesting', 'chat']);
    });

    it('has nothing to resume without a ticket, or once a conversation is under way', async () => {
      const none = shopper();
      assert.equal(none.conversation.canResume(), false);
      await none.conversation.resume();
      assert.equal(none.conversation.state.kind, 'idle');

      const busy = shopper({ tickets: new MemoryTickets(ticket) });
      busy.conversation.open();
      assert.equal(busy.conversation.canResume(), false);
      await busy.conversation.resume();
      assert.equal(busy.conversation.state.kind, 'choosing');
      assert.equal(hub.quiet, true);
    });
  });

  describe('another device', () => {
    const CODE = 'AbCdEfGhIjKlMnOpQrStUv';

    it('asks a code for the conversation, and ends as "moved" when it went on elsewhere', async () => {
      const { conversation, connection, tickets } = await chatting();
      const asked = conversation.handoff();
      assert.deepEqual(await connection.sent('shopper.handoff'), {
        type: 'shopper.handoff',
        conversationId: 'c1',
      });
      connection.send({
        type: 'shopper.handoff-code',
        conversationId: 'c1',
        code: CODE,
        expiresAt: 5000,
      });
      assert.equal((await asked)?.code, CODE);
      connection.send({ type: 'conversation.moved', conversationId: 'c1' });
      const ended = await stateOnceDelivered(connection, conversation, 'ended');
      assert.equal(ended.reason, 'moved');
      assert.equal(ended.rating, undefined, 'the rating is the other device’s to give');
      assert.equal(tickets.load(), null, 'this browser no longer resumes it');
    });

    it('gives no code when the hub refuses one', async () => {
      const { conversation, connection } = await chatting();
      const asked = answerOf(conversation.handoff());
      await connection.sent('shopper.handoff');
      connection.send({
        type: 'error',
        reason: 'wrong-state',
        message: 'no',
        ref: 'shopper.handoff',
      });
      await connection.delivered();
      assert.deepEqual(asked, { given: true, value: undefined }, 'no code, at once');
      assert.equal(conversation.state.kind, 'chat', 'the conversation goes on here');
    });

    it('takes a conversation with the code, and keeps the ticket the hub gives it', async () => {
      const { conversation, tickets } = shopper();
      await conversation.take(CODE, 'chat');
      const connection = await hub.nextConnection();
      assert.deepEqual(await connection.sent('conversation.take'), {
        type: 'conversation.take',
        code: CODE,
      });
      connection.send({
        type: 'conversation.opened',
        conversationId: 'c1',
        resumeToken: 'token-2',
      });
      toChat(connection);
      await stateOnceDelivered(connection, conversation, 'chat');
      assert.deepEqual(tickets.load(), {
        conversationId: 'c1',
        resumeToken: 'token-2',
        mode: 'chat',
      });
    });

    it('says the link expired when the hub refuses the code, and that it failed when it failed', async () => {
      for (const [reason, end] of [
        ['wrong-state', 'link-expired'],
        ['internal', 'hub-failed'],
      ] as const) {
        const { conversation } = shopper({ reconnect: { nextDelay: () => null } });
        await conversation.take(CODE, 'video');
        const connection = await hub.nextConnection();
        await connection.sent('conversation.take');
        connection.send({ type: 'error', reason, message: 'no', ref: 'conversation.take' });
        assert.equal((await stateOnceDelivered(connection, conversation, 'ended')).reason, end);
      }
    });
  });

  it('lets go of the hub and its clocks when the page goes', async () => {
    const { conversation, connection, kinds } = await requested('chat', { requestTimeoutMs: 100 });
    conversation.dispose();
    assert.notEqual(await connection.closeSeen(), undefined, 'the connection let go');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(kinds, ['choosing', 'requesting'], 'no timeout after the page went');
  });

  it('offers nothing for the connection while nothing is measured', () => {
    const { conversation } = shopper();
    assert.equal(conversation.advice, 'none');
    conversation.takeAdvice();
    conversation.dismissAdvice();
    assert.equal(conversation.advice, 'none');
  });
});

/**
 * What the conversation asks of its media session, written down instead of done. Node has no
 * WebRTC, so these tests see the controller's decisions (join which room, publish what, leave
 * when); the end-to-end tests run the same decisions on the real LiveKit server.
 */
function recordMedia(conversation: ShopperConversation) {
  const asked: string[] = [];
  let connected = false;
  Object.defineProperty(conversation.media, 'connected', { get: () => connected });
  Object.assign(conversation.media, {
    join: async (grant: { room: string }) => {
      asked.push(`join ${grant.room}`);
      connected = true;
    },
    leave: async () => {
      connected = false;
      asked.push('leave');
    },
    publish: async (devices: { camera: boolean; microphone: boolean }) => {
      asked.push(`publish camera=${devices.camera} microphone=${devices.microphone}`);
      return [];
    },
  });
  return {
    asked,
    /** Joins from now on wait, until the function returned fails the last one. */
    holdJoin() {
      let fail: (error: Error) => void = () => {};
      Object.assign(conversation.media, {
        join: (grant: { room: string }) => {
          asked.push(`join ${grant.room}`);
          return new Promise<void>((_, reject) => (fail = reject));
        },
      });
      return (error: Error) => fail(error);
    },
  };
}

const grant = (room: string) => ({ url: 'ws://127.0.0.1:9', token: 't', room, peer: 'expert-ana' });

describe('ShopperConversation and its media', () => {
  it('joins the ring’s room, publishes only the microphone once live, and once', async () => {
    const { conversation, connection } = await requested('video');
    const media = recordMedia(conversation);
    connection.send({ type: 'shopper.connecting', conversationId: 'c1', media: grant('r1') });
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
    await stateOnceDelivered(connection, conversation, 'in-call');
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
    await connection.delivered();
    assert.deepEqual(media.asked, ['join r1', 'publish camera=false microphone=true']);
  });

  it('joins nothing for a chat, and publishes nothing when it goes live', async () => {
    const { conversation, connection } = await requested('chat');
    const media = recordMedia(conversation);
    connection.send({ type: 'shopper.connecting', conversationId: 'c1' });
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'chat', expert: EXPERT });
    await stateOnceDelivered(connection, conversation, 'in-call');
    await connection.delivered();
    assert.deepEqual(media.asked, ['leave']);
  });

  it('leaves the room when the ring goes unanswered, and when the call goes to chat', async () => {
    const { conversation, connection } = await requested('video');
    const media = recordMedia(conversation);
    connection.send({ type: 'shopper.connecting', conversationId: 'c1', media: grant('r1') });
    await stateOnceDelivered(connection, conversation, 'connecting');
    connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
    await stateOnceDelivered(connection, conversation, 'queued');
    assert.deepEqual(media.asked, ['join r1', 'leave']);
    // Waiting already: a new place in line leaves nothing.
    connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1, etaSeconds: 30 });
    await until(
      () => conversation.state,
      (s) => s.kind === 'queued' && s.etaSeconds === 30,
      {
        what: 'the wait',
      },
    );
    assert.deepEqual(media.asked, ['join r1', 'leave']);

    connection.send({ type: 'shopper.connecting', conversationId: 'c1', media: grant('r2') });
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
    toChat(connection);
    await stateOnceDelivered(connection, conversation, 'chat');
    assert.equal(media.asked.at(-1), 'leave');
  });

  it('publishes the microphone again when video comes back to a chat', async () => {
    const { conversation, connection } = await chatting();
    const media = recordMedia(conversation);
    conversation.switchTo('call');
    connection.send({ type: 'shopper.connecting', conversationId: 'c1', media: grant('r2') });
    await until(
      () => media.asked.length,
      (n) => n === 2,
      { what: 'join and publish' },
    );
    assert.deepEqual(media.asked, ['join r2', 'publish camera=false microphone=true']);
  });

  it('stays in the room it holds when the hub puts it through again after a resume', async () => {
    const { conversation, connection } = await requested('video');
    const media = recordMedia(conversation);
    connection.send({ type: 'shopper.connecting', conversationId: 'c1', media: grant('r1') });
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
    await stateOnceDelivered(connection, conversation, 'in-call');
    connection.send({ type: 'shopper.connecting', conversationId: 'c1', media: grant('r1') });
    connection.send({ type: 'chat.typing', conversationId: 'c1', author: 'expert' });
    await connection.delivered();
    assert.equal(conversation.state.kind, 'in-call');
    assert.deepEqual(media.asked, ['join r1', 'publish camera=false microphone=true']);
  });

  it('says nothing of a join that fails after the conversation went to chat', async (t) => {
    const warned = t.mock.method(console, 'warn', () => {});
    const { conversation, connection } = await requested('video');
    const media = recordMedia(conversation);
    const fail = media.holdJoin();
    connection.send({ type: 'shopper.connecting', conversationId: 'c1', media: grant('r1') });
    await connection.delivered();
    assert.deepEqual(media.asked, ['join r1'], 'the join, held');
    connection.send({ type: 'shopper.connecting', conversationId: 'c1' });
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'chat', expert: EXPERT });
    toChat(connection);
    await stateOnceDelivered(connection, conversation, 'chat');
    fail(new Error('gave up'));
    await connection.delivered();
    assert.deepEqual(connection.all('media.lost'), []);
    assert.equal(warned.mock.callCount(), 0);
  });
});

/** What the media layer says when LiveKit loses (or closes) the room. */
function emit(target: object, event: string, payload: unknown): void {
  (target as { emit(event: string, payload: unknown): void }).emit(event, payload);
}

describe('ShopperConversation on a poor connection', () => {
  /** In a call whose connection quality the test sets, readings on the test's clock. */
  async function inCall(t: TestContext, mode: 'video' | 'audio' = 'video') {
    t.mock.timers.enable({ apis: ['setInterval', 'Date'], now: 1_000_000 });
    const made = await requested(mode);
    const media = recordMedia(made.conversation);
    const link = { quality: 'good' };
    Object.defineProperty(made.conversation.media, 'quality', { get: () => link.quality });
    Object.assign(made.conversation.media, {
      voiceOnly: async () => void media.asked.push('voice only'),
    });
    made.connection.send({ type: 'shopper.connecting', conversationId: 'c1', media: grant('r1') });
    made.connection.send({ type: 'call.live', conversationId: 'c1', mode, expert: EXPERT });
    await stateOnceDelivered(made.connection, made.conversation, 'in-call');
    const changes = { count: 0 };
    made.conversation.on('change', () => changes.count++);
    return { ...made, media, link, changes };
  }
  /**
   * Seconds of readings, one a second, each at its own time (one tick of several seconds would
   * show every reading the last second's time).
   */
  const seconds = (t: TestContext, n: number) => {
    for (let second = 0; second < n; second++) t.mock.timers.tick(1000);
  };

  it('offers voice only once a video call stays poor for 15 s, and goes voice only when taken', async (t) => {
    const { conversation, media, link, changes } = await inCall(t);
    link.quality = 'poor';
    seconds(t, 15);
    assert.equal(conversation.advice, 'none', 'poor since the first poor reading: 14 s');
    assert.equal(changes.count, 0);
    seconds(t, 1);
    assert.equal(conversation.advice, 'voice');
    assert.equal(changes.count, 1);
    seconds(t, 3);
    assert.equal(changes.count, 1, 'the same advice is not told again');
    conversation.takeAdvice();
    assert.equal(conversation.advice, 'none');
    assert.equal(media.asked.at(-1), 'voice only');
    // Voice only now: still poor, chat is offered next.
    seconds(t, 16);
    assert.equal(conversation.advice, 'chat');
  });

  it('offers chat at once to a voice call that stays poor, and asks the hub for chat when taken', async (t) => {
    const { conversation, connection, link } = await inCall(t, 'audio');
    link.quality = 'lost';
    seconds(t, 16);
    assert.equal(conversation.advice, 'chat');
    conversation.takeAdvice();
    assert.deepEqual(await connection.sent('media.switch'), {
      type: 'media.switch',
      conversationId: 'c1',
      to: 'chat',
    });
  });

  it('counts again from a good reading, and forgets advice the shopper dismissed', async (t) => {
    const { conversation, link, changes } = await inCall(t);
    link.quality = 'poor';
    seconds(t, 10);
    link.quality = 'good';
    seconds(t, 1);
    link.quality = 'poor';
    seconds(t, 15);
    assert.equal(conversation.advice, 'none');
    seconds(t, 1);
    assert.equal(conversation.advice, 'voice');
    const before = changes.count;
    conversation.dismissAdvice();
    assert.equal(conversation.advice, 'none');
    assert.equal(changes.count, before + 1);
  });

  it('stops reading once the call is over', async (t) => {
    const { conversation, connection, link, changes } = await inCall(t);
    connection.send({ type: 'call.ended', conversationId: 'c1', reason: 'expert-hung-up' });
    await stateOnceDelivered(connection, conversation, 'ended');
    const before = changes.count;
    link.quality = 'poor';
    seconds(t, 60);
    assert.equal(conversation.advice, 'none');
    assert.equal(changes.count, before);
  });
});

describe('ShopperConversation, ending', () => {
  const cases = [
    {
      where: 'asking, before the hub gave a place',
      reach: async () => requested('video'),
      told: [],
      reason: 'shopper-cancelled',
    },
    {
      where: 'waiting in line',
      reach: async () => {
        const made = await requested('video');
        made.connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
        await stateOnceDelivered(made.connection, made.conversation, 'queued');
        return made;
      },
      told: [{ type: 'shopper.cancel' }],
      reason: 'shopper-cancelled',
    },
    {
      where: 'being put through',
      reach: async () => {
        const made = await requested('video');
        made.connection.send({ type: 'shopper.connecting', conversationId: 'c1' });
        await stateOnceDelivered(made.connection, made.conversation, 'connecting');
        return made;
      },
      told: [{ type: 'shopper.cancel' }],
      reason: 'shopper-cancelled',
    },
    {
      where: 'in a call',
      reach: async () => {
        const made = await requested('video');
        recordMedia(made.conversation);
        made.connection.send({
          type: 'shopper.connecting',
          conversationId: 'c1',
          media: grant('r1'),
        });
        made.connection.send({
          type: 'call.live',
          conversationId: 'c1',
          mode: 'video',
          expert: EXPERT,
        });
        await stateOnceDelivered(made.connection, made.conversation, 'in-call');
        return made;
      },
      told: [{ type: 'call.end', conversationId: 'c1' }],
      reason: 'shopper-hung-up',
    },
    {
      where: 'in chat',
      reach: async () => chatting(),
      told: [{ type: 'call.end', conversationId: 'c1' }],
      reason: 'shopper-hung-up',
    },
  ] as const;

  for (const { where, reach, told, reason } of cases) {
    it(`tells the hub and ends as it should when the shopper ends ${where}`, async () => {
      const { conversation, connection } = await reach();
      conversation.end();
      await connection.delivered();
      const ending = connection.received.filter(
        (m) => m.type === 'shopper.cancel' || m.type === 'call.end',
      );
      assert.deepEqual(ending, told);
      assert.equal(conversation.state.kind === 'ended' && conversation.state.reason, reason);
    });
  }

  it('ends nothing that is not under way', () => {
    const { conversation } = shopper();
    const states: string[] = [];
    conversation.on('state', ({ state }) => states.push(state.kind));
    conversation.end();
    assert.deepEqual(states, []);
    assert.equal(hub.quiet, true);
  });
});

describe('ShopperConversation, beside the call', () => {
  it('tells the hub what the shopper did with a product card, once there is a conversation', async () => {
    assert.equal(shopper().conversation.productAction('lumen-500', 'open'), false);
    const { conversation, connection } = await chatting();
    assert.equal(conversation.productAction('lumen-500', 'add-to-cart'), true);
    assert.deepEqual(await connection.sent('shopper.product-action'), {
      type: 'shopper.product-action',
      conversationId: 'c1',
      productId: 'lumen-500',
      action: 'add-to-cart',
    });
  });

  it('shows the expert’s marks during the call they are for, and no other', async () => {
    const { conversation, connection } = await requested('video');
    recordMedia(conversation);
    const marks: unknown[] = [];
    conversation.on('mark', (mark) => marks.push(mark));
    const points = [{ x: 0.25, y: 0.5 }];
    connection.send({ type: 'call.mark', conversationId: 'c1', points });
    connection.send({ type: 'shopper.connecting', conversationId: 'c1', media: grant('r1') });
    connection.send({ type: 'call.live', conversationId: 'c1', mode: 'video', expert: EXPERT });
    connection.send({ type: 'call.mark', conversationId: 'c1', points });
    connection.send({ type: 'call.mark', conversationId: 'c2', points: [{ x: 1, y: 1 }] });
    await stateOnceDelivered(connection, conversation, 'in-call');
    assert.deepEqual(marks, [{ points }], 'before the call, and for another, none');
    toChat(connection);
    connection.send({ type: 'call.mark', conversationId: 'c1', points });
    await stateOnceDelivered(connection, conversation, 'chat');
    assert.deepEqual(marks, [{ points }], 'in chat, none');
  });

  it('says it changed when a message comes, and when its media changes', async () => {
    const { conversation, connection } = await chatting();
    const changes = { count: 0 };
    conversation.on('change', () => changes.count++);
    connection.send(said(1, 'Bonjour'));
    await connection.delivered();
    assert.ok(changes.count > 0, 'a message');
    const before = changes.count;
    emit(conversation.media, 'change', undefined);
    assert.equal(changes.count, before + 1, 'the media');
  });
});

describe('ShopperConversation, what the shopper cannot do by mistake', () => {
  it('keeps the conversation and its connection when the panel is dismissed mid-chat', async () => {
    const { conversation, connection } = await chatting();
    conversation.dismiss();
    await connection.delivered();
    assert.equal(conversation.state.kind, 'chat');
    assert.equal(await connection.closeSeen(), undefined, 'the connection is kept');
    connection.send(said(1, 'Still there?'));
    await connection.delivered();
    assert.deepEqual(
      conversation.chat.log.entries.map((e) => e.text),
      ['Still there?'],
    );
  });

  it('stops the request’s time limit once the hub has put the shopper in line', async () => {
    const { conversation, connection } = await requested('video', { requestTimeoutMs: 100 });
    connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
    await stateOnceDelivered(connection, conversation, 'queued');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(conversation.state.kind, 'queued', 'still in line past the request’s limit');
  });

  it('tells of a state only when it changed', async () => {
    const { conversation, connection, kinds } = await requested('video');
    connection.send({ type: 'shopper.queued', conversationId: 'c1', position: 1 });
    connection.send({ type: 'shopper.offline', reason: 'no-answer' });
    connection.send({ type: 'shopper.offline', reason: 'no-answer' });
    await stateOnceDelivered(connection, conversation, 'queued');
    assert.deepEqual(kinds, ['choosing', 'requesting', 'queued', 'queued']);
  });

  it('takes no advice that was not given', async () => {
    const { conversation, connection } = await chatting();
    assert.equal(conversation.advice, 'none');
    conversation.takeAdvice();
    await connection.delivered();
    assert.deepEqual(connection.all('media.switch'), []);
  });
});

describe('ShopperConversation sending a photo', () => {
  const PHOTO: ServerMessageOf<'chat.message'>['photo'] = {
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    type: 'image/jpeg',
    width: 640,
    height: 480,
  };
  /**
   * Node draws no pictures: a decoder of the browser's shape (createImageBitmap, OffscreenCanvas)
   * that takes any file, for the tests that follow a photo past its drawing. The drawing itself
   * is tested in Chromium (test/browser/photo-prepare.test.ts).
   */
  function decoder(t: TestContext): void {
    const globals = globalThis as Record<string, unknown>;
    globals['createImageBitmap'] = async () => ({ width: 640, height: 480, close() {} });
    globals['OffscreenCanvas'] = class {
      getContext() {
        return { fillStyle: '', fillRect() {}, drawImage() {} };
      }
      async convertToBlob() {
        return new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
      }
    };
    t.after(() => {
      delete globals['createImageBitmap'];
      delete globals['OffscreenCanvas'];
      hub.answerHttp(undefined);
    });
  }

  it('sends none before there is a conversation, nor a file the browser cannot open', async () => {
    const picture = new Blob(['not a picture'], { type: 'image/png' });
    assert.equal(await shopper().conversation.sendPhoto(picture), 'not-open');
    const { conversation } = await chatting();
    assert.equal(await conversation.sendPhoto(picture), 'not-a-photo', 'Node opens no picture');
  });

  it('sends it with the hub’s ticket, then shows it as a line of the chat', async (t) => {
    decoder(t);
    const posted: Array<{ method?: string; url?: string; ticket?: string }> = [];
    hub.answerHttp((request, response) => {
      posted.push({
        method: request.method,
        url: request.url,
        ticket: request.headers.authorization,
      });
      request.resume();
      request.on('end', () =>
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(PHOTO)),
      );
    });
    const { conversation, connection } = await chatting();
    const sending = conversation.sendPhoto(new Blob(['a picture'], { type: 'image/png' }));
    assert.deepEqual(await connection.next('photo.prepare'), {
      type: 'photo.prepare',
      conversationId: 'c1',
    });
    connection.send({ type: 'photo.ticket', conversationId: 'c1', ticket: 'ticket-1' });
    assert.equal(await sending, null);
    assert.deepEqual(posted, [{ method: 'POST', url: '/photos', ticket: 'Bearer ticket-1' }]);
    const line = await connection.sent('chat.photo');
    assert.equal(line.photoId, PHOTO!.id);
    assert.deepEqual(conversation.chat.log.entries.at(-1)?.photo, PHOTO);
  });

  it('says it failed when the hub gives no ticket, and that the conversation is over once it is', async (t) => {
    decoder(t);
    const { conversation, connection } = await chatting();
    const refusal = {
      type: 'error',
      reason: 'internal',
      message: 'No ticket.',
      ref: 'photo.prepare',
    } as const;
    const first = conversation.sendPhoto(new Blob(['a picture'], { type: 'image/png' }));
    await connection.next('photo.prepare');
    connection.send(refusal);
    assert.equal(await first, 'failed');

    const second = conversation.sendPhoto(new Blob(['a picture'], { type: 'image/png' }));
    await connection.next('photo.prepare');
    connection.send({ type: 'call.ended', conversationId: 'c1', reason: 'expert-hung-up' });
    connection.send(refusal);
    assert.equal(await second, 'not-open');
  });
});
