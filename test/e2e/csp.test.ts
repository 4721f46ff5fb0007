/**
 * A shop with a strict Content-Security-Policy and Trusted Types, and Lit of its own: the
 * directives the README tells a shop to add are enough for a whole call, and nothing of ours is
 * refused on the way (no `securitypolicyviolation`, on either side). The shop's own `lit-html`
 * Trusted Types policy exists before our script loads, as on a page built with Lit.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import type { Page } from 'playwright-core';
import { connectSources } from '../../demo/stack/stack.js';
import { shopPolicy } from '../../demo/stack/static-server.js';
import { eventually, inboundStats, newParticipant } from '../support/browser.js';
import { ConsolePage, EXPERT_BOX, say, SHOPPER_BOX, ShopPage } from '../support/pages.js';
import { freshStack } from '../support/stack-env.js';

// The demo's policy, which is the README's, with the shop's own `lit-html` policy allowed too.
const env = freshStack(() => ({ trustedTypes: ['lit-html'] }));

// Init scripts as text: the test runner's transform would otherwise add helpers they lack.
const WATCH_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample);
  }, true);`;

/** The page's own Lit, first: it creates the `lit-html` policy before our script runs. */
const SHOP_OWN_LIT = `window.shopLitPolicy = trustedTypes.createPolicy('lit-html', { createHTML: (s) => s });`;

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/** Lines written by the page's scripts below warning level (livekit-client's info, debug). */
function chatter(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => {
    if (['log', 'info', 'debug', 'trace'].includes(message.type())) lines.push(message.text());
  });
  return lines;
}

describe('a shop with a strict CSP and Trusted Types', () => {
  it(
    'gets a whole call (load, hover, open, call, blur, chat, end) with no policy violation',
    { timeout: 240_000 },
    async () => {
      const { stack, browser } = env;
      const policy = shopPolicy(connectSources(stack.hub.url, stack.livekit.url), ['lit-html']);
      assert.match(
        policy,
        /connect-src 'self' http:\/\/127\.0\.0\.1:\d+ ws:\/\/127\.0\.0\.1:\d+ ws:\/\//,
      );
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.match(
        policy,
        /require-trusted-types-for 'script'; trusted-types lit-html expert-call/,
      );

      const expertSide = await newParticipant(browser);
      await expertSide.context.addInitScript({ content: WATCH_VIOLATIONS });
      const expert = new ConsolePage(expertSide.page);
      const shopperSide = await newParticipant(browser);
      await shopperSide.context.addInitScript({ content: WATCH_VIOLATIONS });
      await shopperSide.context.addInitScript({ content: SHOP_OWN_LIT });
      const shopper = new ShopPage(shopperSide.page);
      const shopperLines = chatter(shopper.page);

      await expert.signIn(stack.consoleUrl, 'Camille');
      await expert.goAvailable();
      const response = await shopper.page.goto(stack.shopUrl);
      assert.equal(response?.headers()['content-security-policy'], policy);
      await shopper.page.waitForSelector('expert-call[availability="free"]');
      await shopper.page.hover('expert-call button[part="button"]');
      await shopper.open(null);
      // The panel (our Lit) is up although the shop's Lit policy came first.
      assert.equal(
        await shopper.page.evaluate(() => 'shopLitPolicy' in window),
        true,
        'the shop’s own lit-html policy was created before ours',
      );
      await shopper.choose('video');
      await expert.waitForRing();
      await expert.accept();
      await shopper.waitForState('in-call');
      // The shopper's own camera, shown mirrored: a class, not a style attribute.
      await shopper.page.click('expert-call-panel [data-control="camera"]');
      await shopper.page.waitForSelector('expert-call-panel ec-video-tile.self video.mirrored');
      await eventually(
        () => inboundStats(shopper.page),
        (s) => s.videoFramesDecoded > 5,
        'the expert’s video decoded at the shopper',
      );
      // Background blur: MediaPipe's WebAssembly under 'wasm-unsafe-eval', its files under
      // connect-src 'self', its loader bundled (no script injected past Trusted Types).
      await shopper.page.click('expert-call-panel [data-control="blur"]');
      await shopper.page.waitForSelector(
        'expert-call-panel [data-control="blur"][aria-pressed="true"]:not([disabled])',
        { timeout: 90_000 },
      );
      assert.equal(await shopper.page.$('expert-call-panel [data-problem="blur"]'), null);
      await shopper.page.click('expert-call-panel [data-control="blur"]');
      await shopper.page.waitForSelector(
        'expert-call-panel [data-control="blur"][aria-pressed="false"]',
        { timeout: 90_000 },
      );
      await say(shopper.page, SHOPPER_BOX, 'Bonjour <b>!</b>');
      await expert.page.waitForSelector('expert-console ec-chat :text("Bonjour <b>!</b>")');
      await say(expert.page, EXPERT_BOX, 'Bonjour, je vous écoute.');
      await shopper.page.waitForSelector('expert-call-panel ec-chat :text("je vous écoute")');
      await shopper.hangUp();
      await shopper.waitForState('ended');
      await expert.waitForStatus('available');

      assert.deepEqual(await violations(shopper.page), [], 'no violation on the shop page');
      assert.deepEqual(await violations(expert.page), [], 'no violation in the back office');
      assert.deepEqual(shopperLines, [], 'nothing below warning level in the shop’s console');
    },
  );
});
