/**
 * The developer's message for each `ec-error` reason: it names what is wrong with the facts the
 * widget has (the hub, the page's origin, the HTTP status), then says what to do.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import {
  EXPERT_CALL_ERROR_REASONS,
  explainError,
  type ExpertCallErrorReason,
} from '../../src/core/expert-call-error.js';

const hub = 'https://experts.example.com:8443/hub';
const origin = 'https://shop.example.com';

describe('the message of each ec-error reason', () => {
  const expected: Record<ExpertCallErrorReason, string> = {
    'hub-missing':
      'The "hub" attribute is missing: set it to your hub’s URL, e.g. <expert-call hub="https://experts.example.com">.',
    'hub-invalid': `The "hub" attribute "${hub}" is not an http(s) URL: set it to your hub’s URL, e.g. "https://experts.example.com".`,
    'hub-unreachable': `Nothing answers at the hub "${hub}": check that the hub is running and that the URL (host, port, https) is the one it listens on.`,
    'origin-refused': `The hub "${hub}" refuses pages of ${origin}: add "${origin}" to "allowedOrigins" in the hub’s shop config.`,
    'csp-blocked': `This page’s Content-Security-Policy blocks the hub "${hub}": add https://experts.example.com:8443 to its connect-src directive.`,
    'hub-incompatible': `"${hub}" answers (HTTP 404), but not as an Expert Call hub of this version: check the URL, and run a hub of the same version as this script.`,
    'socket-refused': `The hub "${hub}" answers over HTTP but its WebSocket (wss://experts.example.com:8443/ws) cannot be opened: let your proxy or load balancer pass WebSocket upgrades to the hub.`,
    'load-failed':
      'The panel’s code could not be fetched: host the whole of dist/embed/ (the script and its chunks/ folder) together.',
  };

  it('lists every reason once', () => {
    assert.deepEqual([...EXPERT_CALL_ERROR_REASONS].sort(), Object.keys(expected).sort());
  });

  for (const reason of EXPERT_CALL_ERROR_REASONS) {
    it(`says what is wrong and what to do: ${reason}`, () => {
      assert.equal(explainError(reason, { hub, origin, status: 404 }), expected[reason]);
    });
  }

  it('says what it can when facts are missing', () => {
    assert.equal(
      explainError('origin-refused'),
      'The hub  refuses pages of this page’s origin: add "this page’s origin" to "allowedOrigins" in the hub’s shop config.',
    );
    assert.equal(
      explainError('csp-blocked', { hub: null }),
      'This page’s Content-Security-Policy blocks the hub : add the hub’s origin to its connect-src directive.',
    );
    assert.match(explainError('hub-incompatible', { hub }), /^"[^"]+" answers, but not as/);
  });

  it('names no origin for a hub that is not a URL', () => {
    // No page to resolve against (node): a relative hub has no origin to name.
    assert.match(
      explainError('csp-blocked', { hub: '/hub' }),
      /add the hub’s origin to its connect-src/,
    );
    assert.match(
      explainError('socket-refused', { hub: 'http://[bad' }),
      /WebSocket \(the hub’s origin\/ws\)/,
    );
    assert.match(
      explainError('socket-refused', { hub: 'http://hub.example.com' }),
      /WebSocket \(ws:\/\/hub\.example\.com\/ws\)/,
    );
  });
});
