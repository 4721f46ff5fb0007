/**
 * Every message of the protocol, as its schema says: a full and a minimal example of each is
 * read by the side it is for and refused by the other, a missing field or an extra one is
 * refused, every value of every closed set is taken, and the id and text rules hold at their
 * bounds.
 */
import assert from 'node:assert/strict';
import {
  CONTEXT_LIMITS,
  MAX_CHAT_LENGTH,
  MAX_CUSTOMER_TOKEN,
  MAX_RATING_COMMENT,
  fitContext,
  fitText,
  decodeClientFrame,
  decodeServerFrame,
  encode,
} from '../../src/protocol/index.js';
import { clientMessages, closedSets, frame, serverMessages } from '../support/protocol-examples.js';
import { describe, it } from '../support/node-test.js';

const decoderOf = (side: 'client' | 'server') =>
  side === 'client' ? decodeClientFrame : decodeServerFrame;

describe('the protocol', () => {
  describe('every message', () => {
    for (const [side, examples] of [
      ['client', clientMessages],
      ['server', serverMessages],
    ] as const) {
      const decode = decoderOf(side);
      const other = decoderOf(side === 'client' ? 'server' : 'client');
      for (const [full, minimal] of examples) {
        it(`reads "${full.type}" (${side} → ${side === 'client' ? 'hub' : 'browser'}), full and minimal`, () => {
          for (const example of [full, minimal]) {
            const decoded = decode(encode(example));
            assert.deepEqual(decoded, { ok: true, message: example });
          }
        });

        it(`refuses "${full.type}" with a field too many, or one missing`, () => {
          const extra = decode(frame({ ...full, admin: true }));
          assert.equal(extra.ok, false);
          assert.equal(!extra.ok && extra.reason, 'invalid-message');
          assert.equal(!extra.ok && extra.ref, full.type);
          for (const field of Object.keys(minimal).filter((k) => k !== 'type')) {
            const { [field]: _gone, ...rest } = minimal as unknown as Record<string, unknown>;
            const missing = decode(frame(rest));
            assert.equal(missing.ok, false, `without ${field}`);
          }
        });

        const sameTypeOtherWay =
          examples === clientMessages
            ? serverMessages.some(([s]) => s.type === full.type)
            : clientMessages.some(([c]) => c.type === full.type);
        if (!sameTypeOtherWay) {
          it(`does not read "${full.type}" coming the other way`, () => {
            const decoded = other(encode(full));
            assert.equal(decoded.ok, false);
            assert.equal(!decoded.ok && decoded.reason, 'unknown-type');
          });
        }
      }
    }
  });

  describe('closed sets', () => {
    for (const { side, base, set, values } of closedSets) {
      it(`takes every value of ${base.type}: ${values.join(', ')}; and nothing else`, () => {
        const decode = decoderOf(side);
        for (const value of [...values, '', 'other']) {
          const message = structuredClone(base) as unknown as Record<string, unknown>;
          set(message, value);
          assert.equal(decode(frame(message)).ok, values.includes(value), `${value}`);
        }
      });
    }
  });

  describe('ids', () => {
    const send = (fields: Record<string, unknown>) =>
      decodeClientFrame(
        frame({
          type: 'chat.send',
          conversationId: 'c1',
          clientId: 'abcdefgh',
          text: 'x',
          ...fields,
        }),
      ).ok;

    it('takes a client message id of 8 to 64 letters, digits, _ or -', () => {
      for (const id of ['abcdefgh', 'A-b_9'.padEnd(8, '0'), 'x'.repeat(64)])
        assert.ok(send({ clientId: id }), id);
      for (const id of [
        'abcdefg',
        'x'.repeat(65),
        'abcdefgh!',
        ' abcdefgh',
        'abcdefgh\n',
        'abcd efgh',
        '',
      ])
        assert.ok(!send({ clientId: id }), JSON.stringify(id));
    });

    it('takes a conversation id of 1 to 64 letters, digits, _ or -', () => {
      for (const id of ['c', 'A-b_9', 'x'.repeat(64)]) assert.ok(send({ conversationId: id }), id);
      for (const id of ['', 'x'.repeat(65), '<script>', 'c1 ', '../c1', 'c\n1'])
        assert.ok(!send({ conversationId: id }), JSON.stringify(id));
    });

    it('takes a topic of 1 to 40 lowercase letters, digits or -', () => {
      const request = (topic: string) =>
        decodeClientFrame(
          frame({ type: 'shopper.request', mode: 'chat', lang: 'fr', context: {}, topic }),
        ).ok;
      for (const topic of ['a', 'hi-fi', 'x'.repeat(40), '2-roues'])
        assert.ok(request(topic), topic);
      for (const topic of ['', 'x'.repeat(41), 'Bikes', 'hi_fi', 'bikes ', ' bikes', 'vélo'])
        assert.ok(!request(topic), JSON.stringify(topic));
    });

    it('takes sequence numbers from 0 when asked, and from 1 when given', () => {
      const sync = (lastSeq: unknown) =>
        decodeClientFrame(frame({ type: 'chat.sync', conversationId: 'c1', lastSeq })).ok;
      assert.ok(sync(0));
      assert.ok(!sync(-1));
      assert.ok(!sync(1.5));
      assert.ok(!sync('1'));
      const stored = serverMessages[11]![1] as unknown as Record<string, unknown>;
      assert.ok(!decodeServerFrame(frame({ ...stored, seq: 0 })).ok);
      const queued = (position: number) =>
        decodeServerFrame(frame({ type: 'shopper.queued', conversationId: 'c1', position })).ok;
      assert.ok(queued(1));
      assert.ok(!queued(0));
    });
  });

  describe('what a person types', () => {
    const chat = (text: string) =>
      decodeClientFrame(
        frame({ type: 'chat.send', conversationId: 'c1', clientId: 'abcdefgh', text }),
      );

    it('is cleaned and trimmed, and must say something', () => {
      const decoded = chat('  bonjour\u0000 ');
      assert.ok(decoded.ok);
      assert.equal(
        decoded.ok && decoded.message.type === 'chat.send' && decoded.message.text,
        'bonjour',
      );
      const empty = chat(' \u0007 ');
      assert.ok(!empty.ok);
      assert.equal(
        !empty.ok && empty.detail,
        'Invalid "chat.send" at text: A message cannot be empty..',
      );
    });

    it(`is at most ${MAX_CHAT_LENGTH} characters, said with its limit`, () => {
      assert.ok(chat('x'.repeat(MAX_CHAT_LENGTH)).ok);
      const long = chat('x'.repeat(MAX_CHAT_LENGTH + 1));
      assert.ok(!long.ok);
      assert.equal(
        !long.ok && long.detail,
        `Invalid "chat.send" at text: A message is at most ${MAX_CHAT_LENGTH} characters..`,
      );
    });

    it('keeps a display name to 80 characters once cleaned', () => {
      const named = (displayName: string) =>
        decodeClientFrame(
          frame({ type: 'shopper.request', mode: 'chat', lang: 'fr', context: {}, displayName }),
        );
      const decoded = named(`  ${'é'.repeat(80)}\u0001  `);
      assert.ok(decoded.ok);
      assert.equal(
        decoded.ok && decoded.message.type === 'shopper.request' && decoded.message.displayName,
        'é'.repeat(80),
      );
      assert.ok(!named('é'.repeat(81)).ok);
    });

    it(`takes a rating of 1 to 5 whole stars, its comment cleaned, trimmed, ${MAX_RATING_COMMENT} characters at most`, () => {
      const rate = (fields: object) =>
        decodeClientFrame(frame({ type: 'shopper.rate', conversationId: 'c1', ...fields }));
      for (const stars of [1, 5]) assert.ok(rate({ stars }).ok);
      for (const stars of [0, 6, 2.5, '4']) assert.ok(!rate({ stars }).ok, String(stars));
      const decoded = rate({ stars: 4, comment: '  merci\u0000 ' });
      assert.equal(
        decoded.ok && decoded.message.type === 'shopper.rate' && decoded.message.comment,
        'merci',
      );
      assert.ok(rate({ stars: 4, comment: 'x'.repeat(MAX_RATING_COMMENT) }).ok);
      assert.ok(!rate({ stars: 4, comment: 'x'.repeat(MAX_RATING_COMMENT + 1) }).ok);
    });

    it('needs a dev login name that is not blank', () => {
      const login = (name: string) => decodeClientFrame(frame({ type: 'expert.dev-login', name }));
      const decoded = login('  Ana  ');
      assert.equal(
        decoded.ok && decoded.message.type === 'expert.dev-login' && decoded.message.name,
        'Ana',
      );
      assert.ok(!login('   ').ok);
      assert.ok(login('x'.repeat(100)).ok);
      assert.ok(!login('x'.repeat(101)).ok);
    });

    it('names at least one language for an expert who names any, and at most 50 topics', () => {
      const auth = (fields: object) =>
        decodeClientFrame(frame({ type: 'expert.auth', session: 's', ...fields })).ok;
      assert.ok(!auth({ languages: [] }));
      assert.ok(auth({ topics: [] }));
      assert.ok(auth({ topics: Array(50).fill('t') }));
      assert.ok(!auth({ topics: Array(51).fill('t') }));
    });
  });
});

describe('a page’s context', () => {
  const request = (context: unknown) =>
    decodeClientFrame(
      JSON.stringify({ type: 'shopper.request', mode: 'chat', lang: 'fr', context }),
    );

  it('is taken however long, each field cut at its limit and at a character boundary', () => {
    const decoded = request({
      pageUrl: `https://shop.example/?q=${'u'.repeat(10_000)}`,
      pageTitle: 't'.repeat(5_000),
      product: { name: `${'n'.repeat(CONTEXT_LIMITS.product.name - 1)}🚲`, price: '49,90 €' },
    });
    assert.ok(decoded.ok, JSON.stringify(decoded));
    assert.ok(decoded.message.type === 'shopper.request');
    const { context } = decoded.message;
    assert.equal(context.pageUrl?.length, CONTEXT_LIMITS.pageUrl);
    assert.equal(context.pageTitle, 't'.repeat(CONTEXT_LIMITS.pageTitle));
    // The emoji would straddle the limit: it goes whole, not its first half.
    assert.equal(context.product?.name, 'n'.repeat(CONTEXT_LIMITS.product.name - 1));
    assert.equal(context.product?.price, '49,90 €');
  });

  it('is cleaned: a lone surrogate becomes U+FFFD, control characters go', () => {
    const decoded = request({ pageTitle: 'Vélo \uD83D\u0000 rouge' });
    assert.ok(decoded.ok && decoded.message.type === 'shopper.request');
    assert.equal(decoded.message.context.pageTitle, 'Vélo \uFFFD rouge');
  });

  it('is fitted by the widget before it is sent: strings cut, anything else left out', () => {
    assert.deepEqual(
      fitContext({
        pageUrl: 'u'.repeat(3_000),
        pageTitle: 42,
        extra: 'not the hub’s',
        product: { name: 'Vélo 🚲'.slice(0, -1), price: 499, url: 'https://shop.example/p' },
      }),
      {
        pageUrl: 'u'.repeat(CONTEXT_LIMITS.pageUrl),
        product: { name: 'Vélo \uFFFD', url: 'https://shop.example/p' },
      },
    );
    assert.deepEqual(fitContext({ product: 'a string' }), {});
  });

  it('cuts text at a character boundary, never between the halves of a pair', () => {
    assert.equal(fitText('ab🚲', 3), 'ab');
    assert.equal(fitText('ab🚲', 4), 'ab🚲');
    assert.equal(fitText('abc', 3), 'abc');
  });
});

describe('a customer token', () => {
  const request = (customerToken: unknown) =>
    decodeClientFrame(
      JSON.stringify({
        type: 'shopper.request',
        mode: 'chat',
        lang: 'fr',
        context: {},
        customerToken,
      }),
    );

  it('is passed on as given, up to its bound', () => {
    const token = 'a'.repeat(MAX_CUSTOMER_TOKEN);
    const decoded = request(token);
    assert.ok(decoded.ok && decoded.message.type === 'shopper.request');
    assert.equal(decoded.message.customerToken, token);
  });

  it('over its bound, does not cost the request: it is cut to one over, for the hub to refuse', () => {
    const decoded = request('a'.repeat(MAX_CUSTOMER_TOKEN * 2));
    assert.ok(decoded.ok && decoded.message.type === 'shopper.request', JSON.stringify(decoded));
    assert.equal(decoded.message.customerToken?.length, MAX_CUSTOMER_TOKEN + 1);
  });

  it('that is not a string refuses the frame, like any other field of the wrong type', () => {
    assert.equal(request(42).ok, false);
  });
});
