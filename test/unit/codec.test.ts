import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { MAX_FRAME_BYTES, decodeClientFrame, decodeServerFrame } from '../../src/protocol/index.js';

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
      '{"type":"shopper.request","mode":"video","lang":"de","context":{}}',
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
});
