/**
 * A logged-in customer, end to end: the shop's page calls `ExpertCall('identify', token)` with a
 * token its server signed, before the SDK's script has loaded; the call waits in the stub's
 * queue, the request carries the token, the real hub verifies it, and the expert's console
 * shows the verified name with its mark. A forged token changes nothing but that: the shopper
 * still gets through, unidentified, and the console shows no mark.
 */
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, it } from '../support/node-test.js';
import { newParticipant } from '../support/browser.js';
import { ConsolePage, ShopPage } from '../support/pages.js';
import { freshStack } from '../support/stack-env.js';
import { loadShopConfig } from '../../src/server/config/shop-config.js';
import { consoleText } from '../../src/i18n/console.js';

const SECRET = 'the-secret-lumen-cycles-shares-with-its-hub';
const ISSUER = 'https://lumen-cycles.example';
const CUSTOMER = { id: 'cust-2718', name: 'Inès Lefèvre' };
const demoShop = fileURLToPath(new URL('../../demo/shop.json', import.meta.url));

/** What the shop's server does for a logged-in customer: a short token, signed with the secret. */
function tokenSignedWith(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: CUSTOMER.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience('expert-call')
    .setSubject(CUSTOMER.id)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(secret));
}

/**
 * The shop's page with the documented stub and an early `identify`, run before any script of
 * the page: it records whether the SDK had loaded yet (it must not have).
 */
async function identifyBeforeLoad(page: Page, token: string): Promise<void> {
  await page.addInitScript((token) => {
    const w = window as unknown as {
      ExpertCall?: ((...a: unknown[]) => void) & { q: unknown[][] };
      sdkLoadedAtIdentify?: boolean;
    };
    w.ExpertCall ||= Object.assign((...a: unknown[]) => w.ExpertCall!.q.push(a), {
      q: [] as unknown[][],
    });
    w.sdkLoadedAtIdentify = customElements.get('expert-call') !== undefined;
    w.ExpertCall('identify', token);
  }, token);
}

/** The demo shop, verifying customer tokens signed with the shared secret. */
const shop = {
  ...(await loadShopConfig(demoShop)),
  customerTokens: {
    secret: SECRET,
    jwks: null,
    issuer: ISSUER,
    audience: 'expert-call',
    maxLifetimeSeconds: 3600,
  },
};

describe('a logged-in customer identified by the shop', () => {
  const env = freshStack(() => ({ shop }));
  /** Each test's people leave with it, so that a failed test leaves no ring to the next. */
  let people: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(people.map((context) => context.close()));
    people = [];
  });
  async function person(): Promise<Page> {
    const { context, page } = await newParticipant(env.browser);
    people.push(context);
    return page;
  }

  it('shows the expert the verified name of a customer identified before the script loaded', async () => {
    const expert = new ConsolePage(await person());
    const shopper = new ShopPage(await person());
    await expert.signIn(env.stack.consoleUrl, 'Maëlle');
    await expert.goAvailable();

    await identifyBeforeLoad(shopper.page, await tokenSignedWith(SECRET));
    await shopper.open(env.stack.shopUrl);
    assert.equal(
      await shopper.page.evaluate(
        () => (window as { sdkLoadedAtIdentify?: boolean }).sdkLoadedAtIdentify,
      ),
      false,
      'identify was called before the SDK had loaded',
    );
    await shopper.choose('chat');

    const ring = await expert.waitForRing();
    assert.match(ring, new RegExp(CUSTOMER.name));
    const mark = await expert.page.textContent('expert-console .ring [data-verified]');
    assert.equal(
      mark?.replace('✓', ''),
      consoleText.fr.verified,
      'the ring marks the name as verified',
    );

    await expert.accept();
    await shopper.waitForState('chat');
    const shopperField = await expert.page.textContent(
      'expert-console [part="context"] [data-field="shopper"]',
    );
    assert.match(shopperField ?? '', new RegExp(`${CUSTOMER.name}.*${consoleText.fr.verified}`));
    assert.equal(
      await expert.page.textContent('expert-console [part="context"] [data-field="customer-id"]'),
      CUSTOMER.id,
    );
    await expert.hangUp();
    await shopper.waitForState('ended');
    await expert.waitForStatus('available');

    // Rated: the expert's list names the customer as the shop's server does, with the mark.
    await shopper.page.focus('expert-call-panel ec-rating input[aria-label="1 étoile sur 5"]');
    await shopper.page.keyboard.press('ArrowRight');
    await shopper.page.click('expert-call-panel ec-rating button[type="submit"]');
    const rated = await expert.page.waitForSelector('expert-console .ratings li');
    assert.equal(await rated.$eval('strong', (name) => name.textContent), CUSTOMER.name);
    assert.equal(
      (await rated.$eval('[data-verified]', (mark) => mark.textContent))?.replace('✓', ''),
      consoleText.fr.verified,
      'the rating marks the name as verified',
    );
  });

  it('puts a customer with a forged token through unidentified, with no mark', async () => {
    const expert = new ConsolePage(await person());
    const shopper = new ShopPage(await person());
    await expert.signIn(env.stack.consoleUrl, 'Hugo');
    await expert.goAvailable();

    await identifyBeforeLoad(
      shopper.page,
      await tokenSignedWith('a-forger-guessing-the-secret-wrong'),
    );
    await shopper.open(env.stack.shopUrl);
    await shopper.choose('chat');

    const ring = await expert.waitForRing();
    assert.ok(!ring.includes(CUSTOMER.name), 'no name from a forged token');
    assert.equal(await expert.page.$('expert-console .ring [data-verified]'), null);
  });
});
