/**
 * A shop page on an origin the real hub does not let in (its shop config's allowedOrigins): the
 * launcher says so in the console, fires `ec-error` with `origin-refused`, and offers no call.
 * The same pages on the allowed origin work (the other end-to-end tests).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newParticipant } from '../support/browser.js';
import { freshStack } from '../support/stack-env.js';

const env = freshStack();

describe('a page the hub does not let in', () => {
  it('is told as origin-refused, with the origin to add, and the button offers nothing', async () => {
    const { page } = await newParticipant(env.browser);
    const said: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('[expert-call]'))
        said.push(message.text());
    });
    await page.addInitScript({
      content: `document.addEventListener('ec-error', (e) => (window.ecErrors ??= []).push(e.detail.reason));`,
    });
    // Same server, another origin: localhost is not 127.0.0.1 to the hub.
    const elsewhere = env.stack.shopUrl.replace('127.0.0.1', 'localhost');
    await page.goto(elsewhere);
    await page.waitForSelector('expert-call[availability="unavailable"]', { state: 'attached' });
    await page.waitForFunction(() => (window as unknown as { ecErrors?: string[] }).ecErrors);
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { ecErrors: string[] }).ecErrors),
      ['origin-refused'],
    );
    const origin = new URL(elsewhere).origin;
    assert.deepEqual(said, [
      `[expert-call] The hub "${env.stack.hub.url}" refuses pages of ${origin}: add "${origin}" to "allowedOrigins" in the hub’s shop config.`,
    ]);
    assert.equal(
      await page.getAttribute('expert-call button[part="button"]', 'aria-disabled'),
      'true',
    );
  });
});
