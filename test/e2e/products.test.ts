/**
 * Selling from a conversation, in Chromium through the real hub and LiveKit: the expert finds a
 * product in the demo shop's catalogue from the console and shows it; the shopper sees its card
 * (picture, name, price, stock in the store), adds it to the cart (the demo page's own cart
 * counts it) and reserves it; the hub writes both down; the card is still there after the
 * shopper's page reloads.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from '../support/node-test.js';
import type { BrowserContext } from 'playwright-core';
import { newParticipant } from '../support/browser.js';
import { until } from '../support/deadline.js';
import { ConsolePage, ShopPage } from '../support/pages.js';
import { freshStack } from '../support/stack-env.js';

const CARGO = 'expert-call-panel ec-chat li.card[data-product="lumen-e5-cargo"]';

describe('a product shown in a conversation', () => {
  const logged: Array<{ event: string; fields: Record<string, unknown> }> = [];
  const env = freshStack(() => ({
    log: (event: string, fields: Record<string, unknown> = {}) =>
      void logged.push({ event, fields }),
  }));
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  const person = async () => {
    const { page, context } = await newParticipant(env.browser);
    contexts.push(context);
    return page;
  };

  it('reaches the shopper as a card they add to the cart and reserve, and the hub counts it', async () => {
    const expert = new ConsolePage(await person());
    const shopper = new ShopPage(await person());
    await expert.signIn(env.stack.consoleUrl, 'Camille');
    await expert.goAvailable();
    await shopper.open(env.stack.shopUrl);
    await shopper.choose('chat');
    await expert.waitForRing();
    await expert.accept();
    await shopper.waitForState('chat');

    // The expert searches the catalogue, accents aside, and shows what they found.
    await expert.page.fill('expert-console ec-product-search input[type="search"]', 'velo cargo');
    await expert.page.press('expert-console ec-product-search input[type="search"]', 'Enter');
    await expert.page.click(
      'expert-console ec-product-search li[data-product="lumen-e5-cargo"] [data-action="show-product"]',
    );

    const card = await shopper.page.waitForSelector(CARGO);
    assert.equal(await card.$eval('.name', (e) => e.textContent), 'Vélo cargo électrique Lumen E5');
    assert.equal(
      (await card.$eval('.price', (e) => e.textContent))?.replace(/\s/g, ' '),
      '3 290,00 €',
    );
    assert.equal(await card.$eval('.stock', (e) => e.textContent), 'En stock à Lyon Part-Dieu');
    assert.ok(
      (await card.$eval('img', (img) => (img as HTMLImageElement).naturalWidth)) > 0,
      'the picture from the feed shows',
    );
    await expert.page.waitForSelector(
      'expert-console ec-chat li.card[data-product="lumen-e5-cargo"]',
    );

    // Added to the cart: the shop's page handles ec-add-to-cart with its own cart.
    assert.equal(await shopper.page.textContent('#cart-count'), '0');
    await card.$eval('[data-action="add-to-cart"]', (b) => (b as HTMLButtonElement).click());
    await until(
      () => shopper.page.textContent('#cart-count'),
      (count) => count === '1',
      { what: 'the demo page’s cart counting the product' },
    );
    assert.match(
      (await shopper.page.textContent('#cart-status')) ?? '',
      /Vélo cargo électrique Lumen E5 : ajouté au panier/,
    );
    assert.deepEqual(
      await card.$eval('[data-action="add-to-cart"]', (b) => [
        b.textContent?.trim(),
        (b as HTMLButtonElement).disabled,
      ]),
      ['Ajouté à votre panier', true],
    );
    await card.$eval('[data-action="reserve"]', (b) => (b as HTMLButtonElement).click());
    await until(
      () => shopper.page.textContent('#cart-status'),
      (status) => /réservé au magasin Lyon Part-Dieu/.test(status ?? ''),
      { what: 'the demo page showing the reservation' },
    );

    // The hub wrote both down for the shop's counts.
    const actions = await until(
      () =>
        logged.filter((l) => l.event === 'product.action').map((l) => String(l.fields['action'])),
      (seen) => seen.length === 2,
      { what: 'the hub storing the shopper’s actions' },
    );
    assert.deepEqual(actions, ['add-to-cart', 'reserve']);

    // Another page of the shop: the conversation comes back with its card, from the hub.
    await shopper.page.goto(new URL('product-2.html', env.stack.shopUrl).toString());
    await shopper.waitForState('chat');
    await shopper.page.waitForSelector(CARGO);
  });
});
