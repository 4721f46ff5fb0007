/**
 * Chat in one conversation, as either side's element drives it: what is sent to the hub, what
 * is shown and with which delivery state, what happens across a lost connection, and typing.
 * Timers are the test's own (mock timers), so "no answer in 8 s" takes no time.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it, type TestContext } from '../support/node-test.js';
import { ChatChannel, newClientId } from '../../src/core/chat-channel.js';
import { MAX_CHAT_LENGTH, type Author, type ClientMessage } from '../../src/protocol/index.js';
import type { ServerMessageOf } from '../../src/protocol/index.js';

interface Harness {
  chat: ChatChannel;
  /** Every frame the channel handed to the hub connection. */
  sent: ClientMessage[];
  /** How many times the channel said it changed. */
  changes: () => number;
}

function harness(me: 'shopper' | 'expert' = 'shopper', conversationId = 'c1'): Harness {
  const sent: ClientMessage[] = [];
  const chat = new ChatChannel(
    me,
    () => (me === 'shopper' ? 'Léa' : 'Camille'),
    (message) => (sent.push(message), true),
  );
  let changes = 0;
  chat.on('change', () => changes++);
  if (conversationId) chat.open(conversationId);
  return { chat, sent, changes: () => changes };
}

/** What the hub sends back once it has stored a `chat.send`. */
function ack(
  frame: ClientMessage,
  seq: number,
  author: Author = 'shopper',
): ServerMessageOf<'chat.message'> {
  assert.equal(frame.type, 'chat.send');
  return {
    type: 'chat.message',
    conversationId: frame.conversationId,
    seq,
    clientId: frame.clientId,
    author,
    authorName: 'Léa',
    text: frame.text,
    at: 42,
  };
}

const fromExpert = (seq: number, text: string): ServerMessageOf<'chat.message'> => ({
  type: 'chat.message',
  conversationId: 'c1',
  seq,
  clientId: `expert-${seq}`,
  author: 'expert',
  authorName: 'Camille',
  text,
  at: 40 + seq,
});

const chatSends = (sent: ClientMessage[]) =>
  sent.flatMap((m) => (m.type === 'chat.send' ? [m] : []));
const shown = (chat: ChatChannel) =>
  chat.log.entries.map((e) => `${e.text}:${e.delivery}${e.seq === undefined ? '' : `#${e.seq}`}`);

let t: TestContext;
beforeEach((context) => {
  t = context as TestContext;
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.parse('2026-06-15T10:00:00Z') });
});

describe('ChatChannel', () => {
  describe('sending', () => {
    it('sends the cleaned text with a fresh client id, and shows it as sending', () => {
      const { chat, sent } = harness();
      assert.equal(chat.post('  is the 500 in stock?\u0000  '), null);
      const [frame] = chatSends(sent);
      assert.equal(frame!.conversationId, 'c1');
      assert.equal(frame!.text, 'is the 500 in stock?');
      assert.match(frame!.clientId, /^[0-9a-f-]{16,}$/);
      assert.deepEqual(shown(chat), ['is the 500 in stock?:sending']);
      assert.equal(chat.log.entries[0]!.authorName, 'Léa');
      chat.post('again');
      assert.notEqual(chatSends(sent)[1]!.clientId, frame!.clientId, 'one id per message');
    });

    it('says why it refuses a message, sends nothing and shows nothing', () => {
      const { chat, sent } = harness();
      assert.equal(chat.post('   \n '), 'empty');
      assert.equal(chat.post('x'.repeat(MAX_CHAT_LENGTH + 1)), 'too-long');
      assert.equal(chat.post(` ${'x'.repeat(MAX_CHAT_LENGTH)} `), null, 'the limit itself is fine');
      const closed = harness('shopper', '').chat;
      assert.equal(closed.isOpen, false);
      assert.equal(closed.post('anyone?'), 'not-open');
      assert.equal(chatSends(sent).length, 1);
      assert.deepEqual(closed.log.entries, []);
    });

    it('shows a message as sent once the hub has stored it', () => {
      const { chat, sent, changes } = harness();
      chat.post('hello');
      const before = changes();
      chat.receive(ack(sent[0]!, 1));
      assert.deepEqual(shown(chat), ['hello:sent#1']);
      assert.ok(changes() > before);
      // The acknowledgement stops the clock: no "not sent" later, nor any change.
      const acknowledged = changes();
      t.mock.timers.tick(60_000);
      assert.deepEqual(shown(chat), ['hello:sent#1']);
      assert.equal(changes(), acknowledged);
    });

    it('marks a message not sent when no acknowledgement comes in 8 s, and retries it with the same id', () => {
      const { chat, sent } = harness();
      chat.post('hello');
      t.mock.timers.tick(7_999);
      assert.deepEqual(shown(chat), ['hello:sending']);
      t.mock.timers.tick(1);
      assert.deepEqual(shown(chat), ['hello:failed']);

      const clientId = chatSends(sent)[0]!.clientId;
      chat.retry(clientId);
      assert.deepEqual(shown(chat), ['hello:sending']);
      assert.deepEqual(
        chatSends(sent).map((m) => m.clientId),
        [clientId, clientId],
      );
      chat.receive(ack(sent[1]!, 1));
      assert.deepEqual(shown(chat), ['hello:sent#1']);
    });

    it('retries only the failed message asked for', () => {
      const { chat, sent } = harness();
      chat.post('one');
      chat.post('two');
      t.mock.timers.tick(8_000);
      assert.deepEqual(shown(chat), ['one:failed', 'two:failed']);
      chat.retry('unknown');
      assert.equal(chatSends(sent).length, 2);
      chat.retry(chatSends(sent)[1]!.clientId);
      assert.deepEqual(shown(chat), ['one:failed', 'two:sending']);
      assert.deepEqual(
        chatSends(sent).map((m) => m.text),
        ['one', 'two', 'two'],
      );
    });

    it('retries only a message that failed', () => {
      const { chat, sent } = harness();
      chat.post('hello');
      const clientId = chatSends(sent)[0]!.clientId;
      chat.retry(clientId); // still sending
      chat.retry('unknown');
      assert.equal(chatSends(sent).length, 1);
      chat.receive(ack(sent[0]!, 1));
      chat.retry(clientId); // stored
      assert.equal(chatSends(sent).length, 1);
    });
  });

  describe('across a lost connection', () => {
    it('holds what is written while the connection is down, then sends it in order', () => {
      const { chat, sent } = harness();
      chat.post('before');
      chat.receive(ack(sent[0]!, 1));
      chat.pause();
      chat.post('during 1');
      chat.post('during 2');
      assert.equal(chatSends(sent).length, 1, 'nothing goes out on a dead connection');
      t.mock.timers.tick(60_000);
      assert.deepEqual(
        shown(chat),
        ['before:sent#1', 'during 1:sending', 'during 2:sending'],
        'held messages are not failed: they wait',
      );
      chat.flush();
      assert.deepEqual(
        chatSends(sent)
          .slice(1)
          .map((m) => m.text),
        ['during 1', 'during 2'],
      );
    });

    it('sends again, with the same ids, what was sent but not acknowledged before the drop', () => {
      const { chat, sent } = harness();
      chat.post('lost in flight');
      chat.post('failed earlier');
      t.mock.timers.tick(8_000);
      chat.post('sending');
      chat.pause();
      chat.flush();
      const sends = chatSends(sent);
      assert.deepEqual(
        sends.slice(3).map((m) => [m.text, m.clientId]),
        sends.slice(0, 3).map((m) => [m.text, m.clientId]),
      );
      assert.deepEqual(shown(chat), [
        'lost in flight:sending',
        'failed earlier:sending',
        'sending:sending',
      ]);
    });

    it('shows a resent message once when the hub had stored it already', () => {
      const { chat, sent } = harness();
      chat.post('hello');
      chat.pause();
      chat.flush();
      // The hub stored the first send; the resend gets the stored message back.
      chat.receive(ack(sent[0]!, 1));
      chat.receive(ack(sent[1]!, 1));
      assert.deepEqual(shown(chat), ['hello:sent#1']);
    });

    it('keeps one order when a live message overtakes the replay of what was missed', () => {
      const { chat } = harness();
      chat.receive(fromExpert(1, 'one'));
      chat.pause();
      chat.receive(fromExpert(4, 'four, live'));
      chat.receive(fromExpert(2, 'two'));
      chat.receive(fromExpert(3, 'three'));
      chat.receive(fromExpert(4, 'four, live'));
      assert.deepEqual(
        chat.log.entries.map((e) => e.text),
        ['one', 'two', 'three', 'four, live'],
      );
    });

    it('does not fail a held message while waiting, and fails it 8 s after it is sent', () => {
      const { chat } = harness();
      chat.pause();
      chat.post('held');
      t.mock.timers.tick(20_000);
      chat.flush();
      t.mock.timers.tick(7_999);
      assert.deepEqual(shown(chat), ['held:sending']);
      t.mock.timers.tick(1);
      assert.deepEqual(shown(chat), ['held:failed']);
    });
  });

  describe('typing', () => {
    it('tells the hub at most every 2.5 s', () => {
      const { chat, sent } = harness();
      chat.typing();
      chat.typing();
      t.mock.timers.tick(2_499);
      chat.typing();
      t.mock.timers.tick(1);
      chat.typing();
      assert.deepEqual(
        sent.filter((m) => m.type === 'chat.typing'),
        [
          { type: 'chat.typing', conversationId: 'c1' },
          { type: 'chat.typing', conversationId: 'c1' },
        ],
      );
    });

    it('tells nothing before the conversation is open', () => {
      const { chat, sent } = harness('shopper', '');
      chat.typing();
      assert.deepEqual(sent, []);
    });

    it('shows the other side typing for 4 s, or until their message comes', () => {
      const { chat } = harness('expert');
      assert.equal(chat.otherTyping, false, 'nobody is typing at first');
      chat.receiveTyping();
      assert.equal(chat.otherTyping, true);
      t.mock.timers.tick(3_999);
      assert.equal(chat.otherTyping, true);
      t.mock.timers.tick(1);
      assert.equal(chat.otherTyping, false);

      chat.receiveTyping();
      chat.receive({ ...fromExpert(1, 'x'), author: 'shopper' });
      assert.equal(chat.otherTyping, false);
    });

    it('keeps showing the other side typing when its own message is acknowledged', () => {
      const { chat, sent } = harness('expert');
      chat.receiveTyping();
      chat.post('one moment');
      chat.receive(ack(sent[0]!, 1, 'expert'));
      assert.equal(chat.otherTyping, true);
    });

    it('stops showing typing when the conversation closes', () => {
      const { chat, changes } = harness();
      chat.receiveTyping();
      const before = changes();
      chat.close();
      assert.equal(chat.otherTyping, false);
      assert.equal(chat.isOpen, false);
      assert.ok(changes() > before);
    });
  });

  describe('photos', () => {
    const photo = {
      id: 'AbCdEfGhIjKlMnOpQrStUv',
      type: 'image/jpeg',
      width: 800,
      height: 600,
    } as const;

    it('shows a photo the hub stored as one’s own line, sending, then sent once stored', () => {
      const { chat, sent } = harness();
      assert.equal(chat.postPhoto(photo), null);
      const [frame] = sent;
      assert.equal(frame?.type, 'chat.photo');
      assert.equal(frame.photoId, photo.id);
      assert.equal(frame.conversationId, 'c1');
      assert.deepEqual(chat.log.entries[0]?.photo, photo);
      assert.equal(chat.log.entries[0]?.text, '', 'a photo’s line has no words of its own');
      assert.equal(chat.log.entries[0]?.delivery, 'sending');
      chat.receive({
        type: 'chat.message',
        conversationId: 'c1',
        seq: 1,
        clientId: frame.clientId,
        author: 'shopper',
        authorName: 'Léa',
        text: '',
        photo,
        at: 42,
      });
      assert.equal(chat.log.entries.length, 1, 'one line, not two');
      assert.equal(chat.log.entries[0]?.delivery, 'sent');
      assert.deepEqual(chat.log.entries[0]?.photo, photo);
    });

    it('resends a photo’s line as a photo, with its id, after a reconnect or a retry', () => {
      const { chat, sent } = harness();
      chat.pause();
      chat.postPhoto(photo);
      chat.post('this is the chain');
      assert.equal(sent.length, 0, 'held while the connection is down');
      chat.flush();
      assert.deepEqual(
        sent.map((m) => m.type),
        ['chat.photo', 'chat.send'],
        'in the order written',
      );
      t.mock.timers.tick(8_000);
      const failed = chat.log.entries[0]!;
      assert.equal(failed.delivery, 'failed');
      chat.retry(failed.clientId!);
      const again = sent.at(-1)!;
      assert.equal(again.type, 'chat.photo');
      assert.equal(again.clientId, failed.clientId);
    });

    it('refuses a photo’s line before an expert has joined', () => {
      const closed = harness('shopper', '');
      assert.equal(closed.chat.postPhoto(photo), 'not-open');
      assert.deepEqual(closed.sent, []);
    });
  });

  it('stops every clock on dispose', () => {
    const { chat, changes } = harness();
    chat.post('hello');
    chat.receiveTyping();
    const before = changes();
    chat.dispose();
    t.mock.timers.tick(60_000);
    assert.equal(changes(), before);
    assert.deepEqual(shown(chat), ['hello:sending']);
    assert.equal(chat.otherTyping, true);
  });
});

describe('a message id of our own', () => {
  it('is a random UUID where the page has one', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
    assert.equal(ids.size, 50);
    for (const id of ids)
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is 32 random hex digits on a page without randomUUID (plain http)', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
      assert.equal(ids.size, 50);
      for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
      assert.equal(typeof crypto.randomUUID, 'function', 'the page’s own is back');
    }
  });
});
