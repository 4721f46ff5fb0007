/**
 * The codec over frames no browser (or hub) should send, generated (fast-check): it never
 * throws, refuses with a reason from the closed set, says the refusal in a frame the other side
 * can read, and accepts only what it would accept again unchanged. A failure prints the seed
 * and the smallest frame found; `fc.assert` replays it with that seed.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from '../support/node-test.js';
import {
  ErrorReason,
  MAX_FRAME_BYTES,
  decodeClientFrame,
  decodeServerFrame,
  encode,
  type ClientMessage,
  type ServerMessage,
} from '../../src/protocol/index.js';
import { byteLength, clientFrame, serverFrame } from '../support/frame-arbitraries.js';

const RUNS = 400;
const reasons = new Set<string>(ErrorReason.options);

/** The error frame the hub sends for a refusal (transport/connection.ts), as text. */
const refusalFrame = (refused: { reason: ErrorReason; detail: string; ref?: string }) =>
  encode({
    type: 'error',
    reason: refused.reason,
    message: refused.detail,
    ...(refused.ref ? { ref: refused.ref } : {}),
  });

describe('the codec, on generated frames', () => {
  it('reads every frame a browser might send without throwing, refusing with a reason from the closed set', () => {
    fc.assert(
      fc.property(fc.oneof(clientFrame, fc.string({ unit: 'binary' })), (frame) => {
        const decoded = decodeClientFrame(frame);
        if (decoded.ok) return;
        assert.ok(reasons.has(decoded.reason), decoded.reason);
        assert.equal(typeof decoded.detail, 'string');
      }),
      { numRuns: RUNS },
    );
  });

  it('says every refusal in an error frame the browser can read', () => {
    fc.assert(
      fc.property(clientFrame, (frame) => {
        const decoded = decodeClientFrame(frame);
        if (decoded.ok) return;
        const told = decodeServerFrame(refusalFrame(decoded));
        assert.ok(told.ok, `the browser cannot read the refusal: ${JSON.stringify(told)}`);
        assert.equal(told.message.type, 'error');
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts only what it accepts again, unchanged, once sent on', () => {
    fc.assert(
      fc.property(clientFrame, (frame) => {
        const decoded = decodeClientFrame(frame);
        if (!decoded.ok) return;
        const again = decodeClientFrame(encode(decoded.message as ClientMessage));
        assert.ok(again.ok, JSON.stringify(again));
        // Compared as sent: JSON has no -0, so a -0 read comes back as 0, which is the same frame.
        assert.equal(encode(again.message), encode(decoded.message as ClientMessage));
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses any frame over the size limit as too large, whatever it holds', () => {
    fc.assert(
      fc.property(clientFrame, (frame) => {
        const decoded = decodeClientFrame(frame);
        if (byteLength(frame) > MAX_FRAME_BYTES) {
          assert.equal(decoded.ok ? 'accepted' : decoded.reason, 'too-large');
        } else {
          assert.notEqual(decoded.ok ? 'accepted' : decoded.reason, 'too-large');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reads every frame a hub might send without throwing, and what it accepts is stable', () => {
    fc.assert(
      fc.property(fc.oneof(serverFrame, fc.string({ unit: 'binary' })), (frame) => {
        const decoded = decodeServerFrame(frame);
        if (!decoded.ok) {
          assert.ok(reasons.has(decoded.reason), decoded.reason);
          return;
        }
        const again = decodeServerFrame(encode(decoded.message as ServerMessage));
        assert.ok(again.ok, JSON.stringify(again));
        assert.equal(encode(again.message), encode(decoded.message as ServerMessage));
      }),
      { numRuns: RUNS },
    );
  });
});
