/**
 * Ordinary pages start a conversation whatever their context: a very long title, a very long
 * URL, a product name cut in the middle of an emoji. The widget fits each field to the hub's
 * limits at a character boundary; the expert sees the page and the product.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { newParticipant } from '../support/browser.js';
import { ConsolePage, ShopPage } from '../support/pages.js';
import { freshStack } from '../support/stack-env.js';
import { CONTEXT_LIMITS } from '../../src/protocol/index.js';

describe('a page whose context is too long for the hub', () => {
  const env = freshStack();

  it('starts a conversation, with each field cut to fit', async () => {
    const expert = new ConsolePage((await newParticipant(env.browser)).page);
    const shopper = new ShopPage((await newParticipant(env.browser)).page);
    await expert.signIn(env.stack.consoleUrl, 'Maëlle');
    await expert.goAvailable();
    await shopper.page.goto(env.stack.shopUrl);
    await shopper.page.evaluate(() => {
      document.title = `Vélo ${'t'.repeat(5000)}`;
      history.replaceState(null, '', `${location.pathname}?ref=${'u'.repeat(10_000)}`);
      (document.querySelector('expert-call') as unknown as { context: unknown }).context = {
        // "Vélo 🚲" cut in the middle of the emoji: a lone high surrogate at the end.
        product: { name: 'Vélo 🚲'.slice(0, -1), price: 499 },
      };
    });
    await shopper.open(null);
    await shopper.choose('chat');
    const ring = await expert.waitForRing();
    assert.match(ring, /Vélo/);
    await expert.accept();
    await shopper.waitForState('chat');
    const context = await expert.page.textContent('expert-console [part="context"]');
    assert.ok(context, 'the console shows the shopper’s context');
    assert.match(context, /Vélo t{20}/, 'the page title, cut');
    assert.ok(!context.includes('t'.repeat(CONTEXT_LIMITS.pageTitle)), 'cut to the limit');
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(context), 'no half emoji');
  });
});
