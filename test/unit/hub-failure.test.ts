/**
 * The one closed set of reasons a request to the hub did not happen: each hub reason and each
 * client-side error maps to one, only the way failing (not the request) is retried, and each has
 * its own words in every language, where only "unreachable" says to check the connection.
 */
import assert from 'node:assert/strict';
import {
  HUB_FAILURES,
  failureOfClientError,
  failureOfHubError,
  isRetryable,
} from '../../src/core/hub-failure.js';
import { HubConnectionError } from '../../src/core/hub-client.js';
import { consoleText } from '../../src/i18n/console.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { loadPanelText, textFor } from '../../src/i18n/panel.js';
import { ErrorReason } from '../../src/protocol/index.js';
import { describe, it } from '../support/node-test.js';

for (const lang of LANGUAGES) await loadPanelText(lang);

describe('hub failures', () => {
  it('maps every reason the hub gives to one failure', () => {
    const mapped = Object.fromEntries(ErrorReason.options.map((r) => [r, failureOfHubError(r)]));
    assert.deepEqual(mapped, {
      'bad-json': 'invalid-request',
      'too-large': 'invalid-request',
      'unknown-type': 'invalid-request',
      'invalid-message': 'invalid-request',
      'wrong-state': 'refused',
      unauthorized: 'unauthorized',
      internal: 'hub-failed',
      'rate-limited': 'hub-failed',
    });
  });

  it('maps this side’s own errors: a hub that does not answer, a hub URL that is not one', () => {
    assert.equal(
      failureOfClientError(new HubConnectionError('unreachable', 'x')),
      'hub-unreachable',
    );
    assert.equal(failureOfClientError(new HubConnectionError('bad-url', 'x')), 'invalid-request');
    assert.equal(failureOfClientError(new TypeError('socket')), 'hub-unreachable');
  });

  it('retries what failed on the way, never a refusal', () => {
    const retried = HUB_FAILURES.filter(isRetryable);
    assert.deepEqual(retried, ['hub-unreachable', 'hub-failed']);
  });

  it('has words for each failure in every language, and only "unreachable" says to check the connection', () => {
    // "Check your connection", as each language says it (in French, "connexion" is also sign-in).
    const connection =
      /check (your|the) connection|vérifiez (votre|la) connexion|prüfen sie (ihre|die) verbindung|compruebe (su|la) conexión|controlla la connessione/i;
    for (const lang of LANGUAGES) {
      for (const failure of HUB_FAILURES) {
        const words = [
          textFor(lang).endReason(failure, 'attempt'),
          consoleText[lang].signedOut[failure],
        ];
        for (const said of words) {
          assert.ok(said && said.length > 10, `${lang} ${failure}: ${said}`);
          assert.equal(
            connection.test(said),
            failure === 'hub-unreachable',
            `${lang} ${failure}: ${said}`,
          );
        }
      }
      const panelWords = new Set(HUB_FAILURES.map((f) => textFor(lang).endReason(f, 'call')));
      assert.equal(panelWords.size, HUB_FAILURES.length, `${lang}: one sentence per failure`);
    }
  });
});
