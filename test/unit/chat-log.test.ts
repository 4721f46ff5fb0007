/**
 * One side's transcript: stored messages in sequence order whatever order they arrive in,
 * each once, then the side's own messages not yet stored, in the order they were written.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { ChatLog } from '../../src/core/chat-log.js';
import type { Author, ServerMessageOf } from '../../src/protocol/index.js';

const stored = (
  seq: number,
  text: string,
  fields: { author?: Author; clientId?: string | null; authorName?: string; at?: number } = {},
): ServerMessageOf<'chat.message'> => ({
  type: 'chat.message',
  conversationId: 'c1',
  seq,
  clientId: fields.clientId ?? null,
  author: fields.author ?? 'expert',
  authorName: fields.authorName ?? 'Camille',
  text,
  at: fields.at ?? 1_000 + seq,
});

const own = (log: ChatLog, clientId: string, text: string, at = 5) =>
  log.addOwn({ clientId, author: 'shopper', authorName: 'Léa', text, at });

const texts = (log: ChatLog) => log.entries.map((e) => e.text);

describe('ChatLog', () => {
  describe('order', () => {
    it('shows stored messages by sequence number, whatever order they came in', () => {
      const log = new ChatLog();
      for (const seq of [3, 1, 4, 2]) log.receive(stored(seq, `m${seq}`), 'shopper');
      assert.deepEqual(texts(log), ['m1', 'm2', 'm3', 'm4']);
      assert.deepEqual(
        log.entries.map((e) => e.seq),
        [1, 2, 3, 4],
      );
    });

    it('puts a live message that overtook a replay after the replayed ones', () => {
      const log = new ChatLog();
      log.receive(stored(1, 'before the drop'), 'shopper');
      // Reconnected: the expert's new message arrives before the replay of what was missed.
      log.receive(stored(4, 'live'), 'shopper');
      log.receive(stored(2, 'missed 1'), 'shopper');
      log.receive(stored(3, 'missed 2'), 'shopper');
      log.receive(stored(4, 'live'), 'shopper'); // the replay brings it again
      assert.deepEqual(texts(log), ['before the drop', 'missed 1', 'missed 2', 'live']);
    });

    it('keeps own unsent messages last, in the order they were written', () => {
      const log = new ChatLog();
      own(log, 'a', 'first');
      log.receive(stored(1, 'from the expert'), 'shopper');
      own(log, 'b', 'second');
      assert.deepEqual(texts(log), ['from the expert', 'first', 'second']);
      assert.deepEqual(
        log.undelivered.map((e) => e.clientId),
        ['a', 'b'],
      );
    });
  });

  describe('each message once', () => {
    it('ignores a message it already has, and says so', () => {
      const log = new ChatLog();
      assert.equal(log.receive(stored(1, 'hello'), 'shopper'), true);
      assert.equal(log.receive(stored(1, 'hello'), 'shopper'), false);
      assert.deepEqual(texts(log), ['hello']);
    });

    it('turns an own message into the stored one when the hub acknowledges it', () => {
      const log = new ChatLog();
      own(log, 'c-1', 'is it in stock?', 5);
      const [sending] = log.entries;
      assert.deepEqual(
        { seq: sending!.seq, mine: sending!.mine, delivery: sending!.delivery },
        { seq: undefined, mine: true, delivery: 'sending' },
      );
      log.receive(
        stored(7, 'is it in stock?', {
          author: 'shopper',
          clientId: 'c-1',
          authorName: 'Léa',
          at: 9_000,
        }),
        'shopper',
      );
      assert.equal(log.entries.length, 1);
      assert.deepEqual(log.entries[0], {
        key: 'c-1', // the same key: the rendered line is kept, not replaced
        seq: 7,
        clientId: 'c-1',
        author: 'shopper',
        authorName: 'Léa',
        text: 'is it in stock?',
        at: 9_000, // the hub's time from now on
        mine: true,
        delivery: 'sent',
      });
      assert.deepEqual(log.undelivered, []);
    });

    it('shows an own message once when its acknowledgement comes again in a replay', () => {
      const log = new ChatLog();
      own(log, 'c-1', 'hello');
      const echo = stored(1, 'hello', { author: 'shopper', clientId: 'c-1' });
      log.receive(echo, 'shopper');
      assert.equal(log.receive(echo, 'shopper'), false);
      assert.deepEqual(texts(log), ['hello']);
    });

    it('gives messages from others a key of their sequence number, and marks them not mine', () => {
      const log = new ChatLog();
      log.receive(stored(2, 'bonjour', { clientId: 'their-id' }), 'shopper');
      const [entry] = log.entries;
      assert.equal(entry!.key, 'seq-2');
      assert.equal(entry!.mine, false);
      assert.equal(entry!.delivery, 'sent');
    });

    it('counts a message as mine by its author, even one sent from another page', () => {
      const log = new ChatLog();
      log.receive(stored(1, 'from my last page', { author: 'shopper', clientId: 'x' }), 'shopper');
      log.receive(stored(2, 'from the expert', { author: 'expert' }), 'shopper');
      log.receive(stored(3, 'expert-joined', { author: 'system' }), 'shopper');
      assert.deepEqual(
        log.entries.map((e) => e.mine),
        [true, false, false],
      );
    });
  });

  describe('delivery', () => {
    it('marks an own unsent message failed, then sending again', () => {
      const log = new ChatLog();
      own(log, 'a', 'one');
      own(log, 'b', 'two');
      log.setDelivery('a', 'failed');
      assert.deepEqual(
        log.entries.map((e) => e.delivery),
        ['failed', 'sending'],
      );
      log.setDelivery('a', 'sending');
      assert.equal(log.entries[0]!.delivery, 'sending');
      assert.deepEqual(texts(log), ['one', 'two'], 'the order is kept');
    });

    it('leaves stored messages and unknown ids alone', () => {
      const log = new ChatLog();
      own(log, 'a', 'one');
      log.receive(stored(1, 'one', { author: 'shopper', clientId: 'a' }), 'shopper');
      log.setDelivery('a', 'failed');
      log.setDelivery('nobody', 'failed');
      assert.deepEqual(
        log.entries.map((e) => e.delivery),
        ['sent'],
      );
    });
  });

  describe('what to ask after when reconnecting', () => {
    it('is 0 before anything is stored, and follows the messages received', () => {
      const log = new ChatLog();
      assert.deepEqual(log.entries, []);
      assert.equal(log.lastSeq, 0);
      own(log, 'a', 'unsent');
      assert.equal(log.lastSeq, 0);
      log.receive(stored(1, 'one'), 'shopper');
      log.receive(stored(2, 'two'), 'shopper');
      assert.equal(log.lastSeq, 2);
      assert.equal(log.newestSeq, 2);
    });

    it('stays below a gap, so a replay cut short is asked for again', () => {
      const log = new ChatLog();
      log.receive(stored(1, 'one'), 'shopper');
      log.receive(stored(5, 'live, ahead of the replay'), 'shopper');
      assert.equal(log.lastSeq, 1, 'messages 2 to 4 are still missing');
      assert.equal(log.newestSeq, 5);
      log.receive(stored(3, 'three'), 'shopper');
      assert.equal(log.lastSeq, 1);
      log.receive(stored(2, 'two'), 'shopper');
      assert.equal(log.lastSeq, 3);
      log.receive(stored(4, 'four'), 'shopper');
      assert.equal(log.lastSeq, 5);
    });
  });

  describe('cards and photos', () => {
    it('keeps a stored message’s product card and photo, and gives none to a plain one', () => {
      const log = new ChatLog();
      const product = { id: 'lumen-500', name: 'Lumen 500' };
      const photo = {
        id: 'AAAAAAAAAAAAAAAAAAAAAA',
        type: 'image/jpeg',
        width: 4,
        height: 3,
      } as const;
      log.receive({ ...stored(1, ''), product }, 'shopper');
      log.receive({ ...stored(2, '', { author: 'shopper' }), photo }, 'shopper');
      log.receive(stored(3, 'plain'), 'shopper');
      const [card, picture, plain] = log.entries;
      assert.deepEqual(card?.product, product);
      assert.deepEqual(picture?.photo, photo);
      assert.equal(picture?.mine, true);
      assert.equal('product' in plain! || 'photo' in plain!, false);
    });
  });
});
