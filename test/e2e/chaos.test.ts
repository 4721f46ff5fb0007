/**
 * Nothing lost, nothing twice: a shopper and an expert chat through their real elements while
 * their connections to the hub are cut at random (a TCP proxy between each browser and the
 * hub), and while the hub itself restarts. At the end both transcripts are the same, complete,
 * and without duplicates.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from '../support/node-test.js';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../../demo/stack/stack.js';
import { launchChromium, newParticipant } from '../support/browser.js';
import { DeadlineError, until } from '../support/deadline.js';
import { startFlakyProxy, type FlakyProxy } from '../support/flaky-proxy.js';
import { ROOMY_LIMITS } from '../support/hub-fixture.js';
import { ConsolePage, ShopPage } from '../support/pages.js';

const PER_SIDE = 150;

/** A small seeded generator, so a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Page-side snippets as strings: the TypeScript loader would wrap inner functions in helpers
// the page does not have.
const SHOPPER_CHAT = `document.querySelector('expert-call').shadowRoot
  .querySelector('expert-call-panel').shadowRoot.querySelector('ec-chat')`;
const EXPERT_CHAT = `document.querySelector('expert-console').shadowRoot.querySelector('ec-chat')`;

/** Sends `count` messages through the chat box's own event, a few milliseconds apart. */
async function chatter(page: Page, chat: string, prefix: string, count: number): Promise<void> {
  await page.evaluate(`(async () => {
    for (let i = 0; i < ${count}; i++) {
      ${chat}.dispatchEvent(new CustomEvent('ec-chat-send', {
        detail: { text: '${prefix}-' + i }, bubbles: true, composed: true, cancelable: true,
      }));
      await new Promise((r) => setTimeout(r, 2 + Math.random() * 10));
    }
  })()`);
}

/** A message one of the sides wrote: `shopper-12`, `expert-3`. */
const WRITTEN = /^(shopper|expert)-\d+$/;

interface Line {
  seq: number | undefined;
  text: string;
  delivery: string;
}

async function transcript(page: Page, chat: string): Promise<Line[]> {
  return (await page.evaluate(
    `${chat}.entries.map((e) => ({ seq: e.seq, text: e.text, delivery: e.delivery }))`,
  )) as Line[];
}

/**
 * Waits until both sides show every message as stored, then returns both transcripts; fails
 * after a minute saying, for each side, what is missing or still unsent.
 */
async function settled(shop: Page, desk: Page, expected: number): Promise<[Line[], Line[]]> {
  // What the two sides wrote; the hub's own lines (the expert joined, and on a loaded machine
  // the call's media lost, which takes the conversation to chat) are not counted.
  const chat = (lines: Line[]) => lines.filter((l) => WRITTEN.test(l.text));
  const summary = (lines: Line[]) => {
    const unsent = lines.filter((l) => l.delivery !== 'sent').map((l) => l.text);
    const texts = chat(lines).map((l) => l.text);
    const twice = texts.filter((t, i) => texts.indexOf(t) !== i);
    const others = lines.map((l) => l.text).filter((t) => !WRITTEN.test(t));
    return `${texts.length} of ${expected} messages, not yet stored: [${unsent.slice(0, 10).join(', ')}], shown twice: [${twice.join(', ')}], the hub's lines: [${others.join(', ')}]`;
  };
  let both: [Line[], Line[]] = [[], []];
  try {
    return await until(
      async () =>
        (both = await Promise.all([transcript(shop, SHOPPER_CHAT), transcript(desk, EXPERT_CHAT)])),
      (sides) =>
        sides.every(
          (lines) => chat(lines).length === expected && lines.every((l) => l.delivery === 'sent'),
        ),
      { what: 'both sides showing every message as stored', timeoutMs: 60_000, everyMs: 200 },
    );
  } catch (error) {
    if (!(error instanceof DeadlineError)) throw error;
    throw new DeadlineError(
      `both sides did not settle within a minute: shopper shows ${summary(both[0])}; expert shows ${summary(both[1])}`,
    );
  }
}

function assertSameAndComplete([atShopper, atExpert]: [Line[], Line[]]): void {
  const texts = (lines: Line[]) => lines.map((l) => l.text);
  assert.deepEqual(texts(atShopper), texts(atExpert), 'both sides show one transcript');
  const seqs = atShopper.map((l) => l.seq);
  assert.deepEqual(
    seqs,
    [...seqs].sort((a, b) => a! - b!),
    'in sequence order',
  );
  assert.equal(new Set(seqs).size, seqs.length, 'no sequence number twice');
  const chat = texts(atShopper).filter((t) => WRITTEN.test(t));
  assert.equal(new Set(chat).size, chat.length, 'no message twice');
  for (const prefix of ['shopper', 'expert']) {
    const mine = chat.filter((t) => t.startsWith(`${prefix}-`));
    assert.equal(mine.length, PER_SIDE, `every ${prefix} message is there`);
    // Each side's own messages keep the order they were written in.
    assert.deepEqual(
      mine,
      Array.from({ length: PER_SIDE }, (_, i) => `${prefix}-${i}`),
    );
  }
}

describe('chat under chaos', () => {
  let stack: Stack;
  let browser: Browser;
  let dataDir: string;
  let shopperLink: FlakyProxy;
  let expertLink: FlakyProxy;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'expert-call-chaos-'));
    stack = await startStack({
      ports: 'free',
      storage: { dataDir },
      // Hundreds of messages and reconnects in a minute, far past a person's pace: this test
      // is about what cuts do to chat, not about the limits (test/server/limits.test.ts).
      limits: ROOMY_LIMITS,
      // The pages reach the hub through the proxies: their CSP must let them.
      otherHubs: () => [shopperLink?.url, expertLink?.url].filter((url) => url !== undefined),
    });
    browser = await launchChromium();
    shopperLink = await startFlakyProxy(stack.hub.url);
    expertLink = await startFlakyProxy(stack.hub.url);
  });
  after(async () => {
    await browser?.close();
    await shopperLink?.close();
    await expertLink?.close();
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A live voice call whose two browsers reach the hub through the flaky links. */
  async function callThroughFlakyLinks(): Promise<{
    shop: ShopPage;
    desk: ConsolePage;
    leave: () => Promise<void>;
  }> {
    const expert = await newParticipant(browser);
    const desk = new ConsolePage(expert.page);
    await desk.page.goto(stack.consoleUrl);
    await desk.page.evaluate((hub) => {
      const console = document.createElement('expert-console');
      console.setAttribute('hub', hub);
      document.querySelector('expert-console')!.replaceWith(console);
    }, expertLink.url);
    await desk.signIn(null, `Chaos ${Date.now()}`);
    await desk.goAvailable();
    const shopper = await newParticipant(browser);
    const shop = new ShopPage(shopper.page);
    await shop.page.goto(stack.shopUrl);
    await shop.page.evaluate((hub) => {
      document.querySelector('expert-call')!.setAttribute('hub', hub);
    }, shopperLink.url);
    await shop.open(null);
    await shop.choose('audio');
    await desk.waitForRing();
    await desk.accept();
    await shop.waitForState('in-call');
    await shop.page.waitForSelector('expert-call-panel ec-chat textarea');
    await desk.page.waitForSelector('expert-console ec-chat textarea');
    // Both people close their tabs at the end, so the next test's expert is the only one.
    const leave = async () => {
      await shopper.context.close();
      await expert.context.close();
    };
    return { shop, desk, leave };
  }

  it(
    'loses nothing and shows nothing twice while either side is cut off at random',
    { timeout: 180_000 },
    async () => {
      const seed = Number(process.env['CHAOS_SEED'] ?? Date.now() % 100_000);
      console.log(`# chaos seed ${seed} (CHAOS_SEED=${seed} replays it)`);
      const next = random(seed);
      const { shop, desk, leave } = await callThroughFlakyLinks();
      let cuts = 0;
      let talking = true;
      const chaos = (async () => {
        while (talking && cuts < 12) {
          await new Promise((resolve) => setTimeout(resolve, 150 + next() * 500));
          (next() < 0.5 ? shopperLink : expertLink).cutAll();
          cuts++;
        }
      })();
      await Promise.all([
        chatter(shop.page, SHOPPER_CHAT, 'shopper', PER_SIDE),
        chatter(desk.page, EXPERT_CHAT, 'expert', PER_SIDE),
      ]);
      talking = false;
      await chaos;
      assert.ok(cuts > 0, 'connections were cut during the exchange');
      assertSameAndComplete(await settled(shop.page, desk.page, 2 * PER_SIDE));
      await shop.hangUp();
      await desk.waitForStatus('available');
      await leave();
    },
  );

  it(
    'loses nothing and shows nothing twice across a hub restart',
    { timeout: 180_000 },
    async () => {
      const { shop, desk, leave } = await callThroughFlakyLinks();
      const talk = Promise.all([
        chatter(shop.page, SHOPPER_CHAT, 'shopper', PER_SIDE),
        chatter(desk.page, EXPERT_CHAT, 'expert', PER_SIDE),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await stack.restartHub();
      await talk;
      assertSameAndComplete(await settled(shop.page, desk.page, 2 * PER_SIDE));
      await shop.hangUp();
      await leave();
    },
  );
});
