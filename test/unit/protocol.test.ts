/**
 * Every message of the protocol, as its schema says: a full and a minimal example of each is
 * read by the side it is for and refused by the other, a missing field or an extra one is
 * refused, every value of every closed set is taken, and the id and text rules hold at their
 * bounds.
 */
import assert from 'node:assert/strict';
import {
  ClientMessage,
  CONTEXT_LIMITS,
  MAX_CHAT_LENGTH,
  MAX_MARK_POINTS,
  MAX_PRODUCTS_FOUND,
  MAX_CUSTOMER_TOKEN,
  MAX_RATING_COMMENT,
  fitContext,
  fitText,
  decodeClientFrame,
  decodeServerFrame,
  encode,
  ServerMessage,
} from '../../src/protocol/index.js';
import {
  bareProduct,
  clientMessages,
  closedSets,
  frame,
  product,
  request,
  serverMessages,
} from '../support/protocol-examples.js';
import { describe, it } from '../support/node-test.js';

const decoderOf = (side: 'client' | 'server') =>
  side === 'client' ? decodeClientFrame : decodeServerFrame;

describe('the protocol', () => {
  describe('every message', () => {
    it('has examples here, each way it goes', () => {
      for (const [schema, examples] of [
        [ClientMessage, clientMessages],
        [ServerMessage, serverMessages],
      ] as const) {
        const types = schema.options.map((o) => o.entries.type.literal).sort();
        assert.deepEqual([...new Set(examples.map(([full]) => full.type))].sort(), types);
      }
    });

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

    for (const [what, type, field, said] of [
      ['a hand-off code', 'conversation.take', 'code', 'A handoff code.'],
      ['a photo id', 'chat.photo', 'photoId', 'A photo id.'],
    ] as const) {
      it(`takes ${what} of exactly 22 letters, digits, _ or - (128 bits), and says so otherwise`, () => {
        const base = clientMessages.find(([full]) => full.type === type)![0];
        const read = (value: string) => decodeClientFrame(frame({ ...base, [field]: value }));
        for (const value of ['AbCdEfGhIjKlMnOpQrSt_-', '0'.repeat(22)]) {
          assert.ok(read(value).ok, value);
        }
        for (const value of [
          'x'.repeat(21),
          'x'.repeat(23),
          `${'x'.repeat(21)}!`,
          `!${'x'.repeat(22)}`,
          `${'x'.repeat(22)}\n`,
          '',
        ]) {
          const refused = read(value);
          assert.equal(
            !refused.ok && refused.detail,
            `Invalid "${type}" at ${field}: ${said}.`,
            JSON.stringify(value),
          );
        }
      });
    }

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
      const long = rate({ stars: 4, comment: 'x'.repeat(MAX_RATING_COMMENT + 1) });
      assert.equal(
        !long.ok && long.detail,
        `Invalid "shopper.rate" at comment: A comment is at most ${MAX_RATING_COMMENT} characters..`,
      );
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

describe('what is written at length', () => {
  const long = MAX_CHAT_LENGTH * 2;
  const offline = {
    'offline.message': { contact: 'x' },
    'offline.callback': { phone: '0', from: 0, to: 0 },
    'offline.book': { contact: 'x', start: 0 },
  };
  for (const [type, fields] of Object.entries(offline)) {
    it(`takes the text of "${type}" up to ${long} characters, twice a chat message's`, () => {
      const send = (text: string) =>
        decodeClientFrame(frame({ type, lang: 'en', context: {}, ...fields, text })).ok;
      assert.ok(send('x'.repeat(long)));
      assert.ok(!send('x'.repeat(long + 1)));
    });
  }

  it(`passes a stored line of up to ${long} characters on to the browser (a card's or a system line's too)`, () => {
    const line = (text: string) =>
      decodeServerFrame(
        frame({
          type: 'chat.message',
          conversationId: 'c1',
          seq: 1,
          clientId: null,
          author: 'shopper',
          authorName: 'x'.repeat(100),
          text,
          at: 0,
        }),
      ).ok;
    assert.ok(line('x'.repeat(long)));
    assert.ok(!line('x'.repeat(long + 1)));
  });

  it(`lists a request to the expert with its text of up to ${long} characters`, () => {
    const listed = (text: string) =>
      decodeServerFrame(frame({ type: 'expert.requests', requests: [{ ...request, text }] })).ok;
    assert.ok(listed('x'.repeat(long)));
    assert.ok(!listed('x'.repeat(long + 1)));
  });
});

describe('a mark on the picture', () => {
  const mark = (points: unknown) =>
    decodeClientFrame(frame({ type: 'expert.mark', conversationId: 'c1', points }));
  const at = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i / n, y: 1 - i / n }));

  it(`has 1 to ${MAX_MARK_POINTS} points, each said when refused`, () => {
    assert.ok(mark(at(1)).ok);
    assert.ok(mark(at(MAX_MARK_POINTS)).ok);
    const none = mark([]);
    assert.equal(
      !none.ok && none.detail,
      'Invalid "expert.mark" at points: A mark has at least one point..',
    );
    const many = mark(at(MAX_MARK_POINTS + 1));
    assert.equal(
      !many.ok && many.detail,
      `Invalid "expert.mark" at points: A mark has at most ${MAX_MARK_POINTS} points..`,
    );
  });

  it('has its points in the frame: 0 to 1 across and down', () => {
    for (const point of [
      { x: -0.01, y: 0 },
      { x: 0, y: 1.01 },
      { x: 1.01, y: 0 },
      { x: 0, y: -0.01 },
    ]) {
      assert.ok(!mark([point]).ok, JSON.stringify(point));
    }
  });
});

describe('a product card', () => {
  const found = (card: object) =>
    decodeServerFrame(
      frame({ type: 'expert.products', query: 'q', products: [card], catalogue: true }),
    );
  const takes = (card: object) => found(card).ok;

  it('comes with each of its fields as the catalogue gave it', () => {
    const decoded = found(product);
    assert.deepEqual(
      decoded.ok && decoded.message.type === 'expert.products' && decoded.message.products,
      [product],
    );
  });

  it(`comes at most ${MAX_PRODUCTS_FOUND} to a search`, () => {
    const list = (n: number) =>
      decodeServerFrame(
        frame({
          type: 'expert.products',
          query: 'q',
          products: Array(n).fill(bareProduct),
          catalogue: true,
        }),
      ).ok;
    assert.ok(list(MAX_PRODUCTS_FOUND));
    assert.ok(!list(MAX_PRODUCTS_FOUND + 1));
  });

  it('has an id of 1 to 100 characters and a name of 1 to 200', () => {
    assert.ok(takes({ id: 'x'.repeat(100), name: 'x'.repeat(200) }));
    for (const card of [
      { id: '', name: 'P' },
      { id: 'x'.repeat(101), name: 'P' },
      { id: 'p', name: '' },
      { id: 'p', name: 'x'.repeat(201) },
    ]) {
      assert.ok(!takes(card), JSON.stringify(card).slice(0, 40));
    }
  });

  it('shows an image from http(s), or a PNG, JPEG, WebP, GIF or SVG written in the feed', () => {
    const image = (url: string) => takes({ ...bareProduct, image: url });
    for (const url of [
      'https://shop.example/p.jpg',
      'http://shop.example/p.jpg',
      'HTTPS://SHOP.EXAMPLE/P.JPG',
      'data:image/png;base64,iVBORw0KGgo=',
      'data:image/jpeg;base64,/9j/',
      'data:image/webp;base64,UklG',
      'data:image/gif,GIF89a',
      'data:image/svg+xml,<svg/>',
      `https://${'a'.repeat(4096 - 8)}`,
    ]) {
      assert.ok(image(url), url.slice(0, 40));
    }
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>',
      'data:image/bmp;base64,Qk0=',
      'data:image/svgxml,<svg/>',
      'data:image/png',
      'data:image/pngx;base64,',
      'ftp://shop.example/p.jpg',
      '//shop.example/p.jpg',
      '/p.jpg',
      ' https://shop.example/p.jpg',
      'xhttps://shop.example/p.jpg',
      'https:/shop.example/p.jpg',
      'httpss://shop.example/p.jpg',
      `https://${'a'.repeat(4096 - 7)}`,
    ]) {
      assert.ok(!image(url), url.slice(0, 40));
    }
    const said = found({ ...bareProduct, image: 'javascript:alert(1)' });
    assert.equal(
      !said.ok && said.detail,
      'Invalid "expert.products" at products.0.image: An http(s) or data:image/ URL..',
    );
  });

  it('links to a page over http(s), or to a path of the shop’s own site, never another site', () => {
    const page = (url: string) => takes({ ...bareProduct, url });
    for (const url of [
      'https://shop.example/p',
      'http://shop.example/p',
      'Https://shop.example/p',
      '/bikes/lumen-500',
      '/',
      `/${'a'.repeat(2047)}`,
    ]) {
      assert.ok(page(url), url.slice(0, 40));
    }
    for (const url of [
      '//evil.example/p',
      '/\\evil.example',
      'javascript:alert(1)',
      'bikes/lumen-500',
      'ftp://shop.example/p',
      ' /bikes',
      'https:/shop.example',
      'xhttp://shop.example',
      `/${'a'.repeat(2048)}`,
    ]) {
      assert.ok(!page(url), url.slice(0, 40));
    }
    const said = found({ ...bareProduct, url: '//evil.example/p' });
    assert.equal(
      !said.ok && said.detail,
      'Invalid "expert.products" at products.0.url: An http(s) URL or a path starting with one /..',
    );
  });

  it('has a price of 0 or more in a currency’s three capital letters', () => {
    const priced = (price: object) => takes({ ...bareProduct, price });
    assert.ok(priced({ amount: 0, currency: 'EUR' }));
    assert.ok(priced({ amount: 12.5, currency: 'CHF' }));
    for (const price of [
      { amount: -0.01, currency: 'EUR' },
      { amount: 1, currency: 'eur' },
      { amount: 1, currency: 'EU' },
      { amount: 1, currency: 'EURO' },
      { amount: 1, currency: ' EUR' },
      { amount: 1, currency: 'E1R' },
      { amount: 1 },
      { currency: 'EUR' },
    ]) {
      assert.ok(!priced(price), JSON.stringify(price));
    }
    const said = found({ ...bareProduct, price: { amount: 1, currency: 'eur' } });
    assert.equal(
      !said.ok && said.detail,
      'Invalid "expert.products" at products.0.price.currency: A currency code: EUR..',
    );
  });

  it('says whether it is in stock in a named store of at most 100 characters', () => {
    const stocked = (availability: object) => takes({ ...bareProduct, availability });
    assert.ok(stocked({ store: 'x'.repeat(100), inStock: false }));
    assert.ok(!stocked({ store: 'x'.repeat(101), inStock: true }));
    assert.ok(!stocked({ store: 'Lyon', inStock: 'yes' }));
    assert.ok(!stocked({ inStock: true }));
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
    assert.deepEqual(fitContext({ product: null }), {});
  });

  it('cuts text at a character boundary, never between the halves of a pair', () => {
    assert.equal(fitText('ab🚲', 3), 'ab');
    assert.equal(fitText('ab🚲', 4), 'ab🚲');
    assert.equal(fitText('abc', 3), 'abc');
    // A pair before the cut is kept whole, with all that fits after it.
    assert.equal(fitText('🚲abcdef', 5), '🚲abc');
    assert.equal(fitText('🚲', 2), '🚲');
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
