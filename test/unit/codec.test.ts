import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import {
  MAX_DETAIL_LENGTH,
  MAX_FRAME_BYTES,
  cleanText,
  decodeClientFrame,
  decodeServerFrame,
} from '../../src/protocol/index.js';
import { frame, request } from '../support/protocol-examples.js';

describe('protocol codec', () => {
  it('reads a valid shopper request', () => {
    const decoded = decodeClientFrame(
      JSON.stringify({
        type: 'shopper.request',
        mode: 'video',
        lang: 'fr',
        context: { pageUrl: 'https://shop/p' },
      }),
    );
    assert.equal(decoded.ok, true);
  });

  const refusals: Array<[string, string, string]> = [
    ['not JSON', '{"type":', 'bad-json'],
    ['a JSON array', '[1,2]', 'invalid-message'],
    ['no type', '{"mode":"video"}', 'unknown-type'],
    ['an unknown type', '{"type":"shopper.teleport"}', 'unknown-type'],
    [
      'a server-only type',
      '{"type":"call.live","conversationId":"c","mode":"video","expert":{"id":"a","name":"b"}}',
      'unknown-type',
    ],
    [
      'a bad field',
      '{"type":"shopper.request","mode":"hologram","lang":"fr","context":{}}',
      'invalid-message',
    ],
    ['an extra field', '{"type":"shopper.cancel","admin":true}', 'invalid-message'],
    ['a blank dev login', '{"type":"expert.dev-login","name":"   "}', 'invalid-message'],
    [
      'a conversation id with markup',
      '{"type":"call.end","conversationId":"<script>"}',
      'invalid-message',
    ],
  ];
  for (const [what, frame, reason] of refusals) {
    it(`refuses ${what} with "${reason}"`, () => {
      const decoded = decodeClientFrame(frame);
      assert.equal(decoded.ok, false);
      if (!decoded.ok) {
        assert.equal(decoded.reason, reason);
        assert.ok(decoded.detail.length > 0);
      }
    });
  }

  it('refuses a frame over the size limit before parsing it', () => {
    const frame = JSON.stringify({ type: 'expert.dev-login', name: 'x'.repeat(MAX_FRAME_BYTES) });
    const decoded = decodeClientFrame(frame);
    assert.equal(decoded.ok, false);
    if (!decoded.ok) assert.equal(decoded.reason, 'too-large');
  });

  it('names the field at fault', () => {
    const decoded = decodeClientFrame(
      '{"type":"shopper.request","mode":"video","lang":"nl","context":{}}',
    );
    assert.equal(decoded.ok, false);
    if (!decoded.ok) assert.match(decoded.detail, /lang/);
  });

  it('reads what the hub sends', () => {
    const decoded = decodeServerFrame(
      '{"type":"shopper.queued","conversationId":"c1","position":1}',
    );
    assert.equal(decoded.ok, true);
  });

  describe('cleanText', () => {
    it('replaces lone surrogates, and keeps pairs', () => {
      assert.equal(cleanText('a\uD800b'), 'a\uFFFDb');
      assert.equal(cleanText('a\uDC00b'), 'a\uFFFDb');
      assert.equal(cleanText('\uDC00\uD800'), '\uFFFD\uFFFD');
      assert.equal(cleanText('end\uD83D'), 'end\uFFFD');
      assert.equal(cleanText('😀 \uD83D\uDE00'), '😀 😀');
    });

    it('drops control characters but tab and newline', () => {
      assert.equal(cleanText('a\u0000\u0001\u0008b'), 'ab');
      assert.equal(cleanText('a\tb\nc'), 'a\tb\nc');
      assert.equal(cleanText('a\u000B\u000C\rb\u001F\u007F'), 'ab');
      assert.equal(cleanText('\u0080 é <b>'), '\u0080 é <b>', 'markup and other text stay');
    });
  });

  describe('frames', () => {
    it('refuses a frame over the size limit, counted in bytes, and takes one at it', () => {
      const bytes = (text: string) => new TextEncoder().encode(text).byteLength;
      const login = (name: string) => frame({ type: 'expert.dev-login', name });
      const overhead = bytes(login(''));
      const atLimit = login('x'.repeat(MAX_FRAME_BYTES - overhead));
      assert.equal(bytes(atLimit), MAX_FRAME_BYTES);
      const read = decodeClientFrame(atLimit);
      assert.equal(read.ok || read.reason, 'invalid-message', 'read: only the name is too long');
      assert.deepEqual(decodeClientFrame(login('x'.repeat(MAX_FRAME_BYTES - overhead + 1))), {
        ok: false,
        reason: 'too-large',
        detail: `Frame of ${MAX_FRAME_BYTES + 1} bytes is over the ${MAX_FRAME_BYTES}-byte limit.`,
      });
      // Fewer characters than the limit, but more bytes: bytes count.
      const wide = login('é'.repeat(MAX_FRAME_BYTES / 2));
      assert.ok(wide.length < MAX_FRAME_BYTES);
      const decodedWide = decodeClientFrame(wide);
      assert.equal(decodedWide.ok || decodedWide.reason, 'too-large');
      // The hub gives the length it read off the socket; that is what counts.
      assert.equal(decodeClientFrame(login('Ana'), MAX_FRAME_BYTES + 1).ok, false);
      assert.equal(decodeClientFrame(login('Ana'), MAX_FRAME_BYTES).ok, true);
    });

    it('reads a large frame from the hub: only browsers’ frames are limited', () => {
      const many = Array.from({ length: 200 }, (_, i) => ({ ...request, id: `r${i}` }));
      const text = frame({ type: 'expert.requests', requests: many });
      assert.ok(text.length > MAX_FRAME_BYTES);
      assert.equal(decodeServerFrame(text).ok, true);
    });

    it('says what is wrong with a frame that is not a message', () => {
      const cases: Array<[string, string, string]> = [
        ['{"type":', 'bad-json', 'Frame is not valid JSON.'],
        ['null', 'invalid-message', 'A message is a JSON object.'],
        ['"shopper.cancel"', 'invalid-message', 'A message is a JSON object.'],
        ['42', 'invalid-message', 'A message is a JSON object.'],
        ['[{"type":"shopper.cancel"}]', 'invalid-message', 'A message is a JSON object.'],
        ['{}', 'unknown-type', 'A message needs a string "type".'],
        ['{"type":7}', 'unknown-type', 'A message needs a string "type".'],
        [
          frame({ type: `x${'y'.repeat(100)}` }),
          'unknown-type',
          `Unknown message type "x${'y'.repeat(63)}".`,
        ],
      ];
      for (const [text, reason, detail] of cases) {
        assert.deepEqual(decodeClientFrame(text), { ok: false, reason, detail }, text);
      }
    });

    it(`keeps a refusal's words to ${MAX_DETAIL_LENGTH} characters, cut with an ellipsis only when longer`, () => {
      // The refusal quotes the language received: its length sets the detail's.
      const refusal = (lang: string) => {
        const decoded = decodeClientFrame(
          frame({ type: 'shopper.request', mode: 'video', lang, context: {} }),
        );
        assert.ok(!decoded.ok);
        return decoded.detail;
      };
      const fits = 'x'.repeat(MAX_DETAIL_LENGTH - refusal('').length);
      assert.equal(refusal(fits).length, MAX_DETAIL_LENGTH);
      assert.ok(refusal(fits).endsWith(`"${fits}".`));
      const over = refusal(`${fits}y`);
      assert.equal(over.length, MAX_DETAIL_LENGTH);
      // Cut before its last character, the closing '".': what was received is kept whole.
      assert.equal(over, `${refusal(fits).slice(0, MAX_DETAIL_LENGTH - 2)}y…`);
    });

    it('names the message and the field at fault', () => {
      assert.deepEqual(
        decodeClientFrame(
          frame({ type: 'shopper.request', mode: 'video', lang: 'nl', context: {} }),
        ),
        {
          ok: false,
          reason: 'invalid-message',
          ref: 'shopper.request',
          detail:
            'Invalid "shopper.request" at lang: Invalid type: Expected ("en" | "fr" | "de" | "es" | "it") but received "nl".',
        },
      );
      const whole = decodeClientFrame(frame({ type: 'shopper.cancel', admin: true }));
      assert.equal(
        !whole.ok && whole.detail.startsWith('Invalid "shopper.cancel" at admin: '),
        true,
      );
    });
  });
});
