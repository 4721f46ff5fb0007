/**
 * The call screen and the console as people use them, on the real stack: keyboard only from
 * the first tap to the end screen; axe-core (from node_modules) on every state of both elements,
 * at desktop and phone sizes; the demo pages' strict CSP (`style-src 'self'`, no exception)
 * holding through a whole call; and a ring that is heard and seen.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from '../support/node-test.js';
import type { Browser, Page } from 'playwright-core';
import { LANGUAGES } from '../../src/i18n/language.js';
import { loadPanelText } from '../../src/i18n/panel.js';
import { launchChromium } from '../support/browser.js';
import { freshStack } from '../support/stack-env.js';
import { ConsolePage, EXPERT_BOX, SHOPPER_BOX, ShopPage, say } from '../support/pages.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Counts what the page's CSP refuses and the tones a page's WebAudio starts (real ones), and
 * keeps every stream the page's getUserMedia gave.
 */
const PROBES = () => {
  const w = window as unknown as {
    __violations: string[];
    __tones: number;
    __streams: MediaStream[];
  };
  w.__violations = [];
  w.__tones = 0;
  w.__streams = [];
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    w.__streams.push(stream);
    return stream;
  };
  document.addEventListener('securitypolicyviolation', (event) => {
    w.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    w.__tones++;
    return create.call(this);
  };
};

const SIZES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};

async function participant(
  browser: Browser,
  size: keyof typeof SIZES,
  devices: 'granted' | 'denied' = 'granted',
): Promise<Page> {
  const context = await browser.newContext({
    ...SIZES[size],
    permissions: devices === 'granted' ? ['camera', 'microphone'] : [],
  });
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return page;
}

/** axe-core's violations on the page (shadow roots included), one line per node. */
async function axe(page: Page, state: string): Promise<string[]> {
  // Evaluated by the test driver, not loaded by the page: the page's CSP stays as it is.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const results = await (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
  return found.map((line) => `${state}: ${line}`);
}

/** Our own elements' violations only: the demo shop page is the shop's business. */
function ours(lines: string[]): string[] {
  return lines.filter((line) => /expert-call|expert-console|ec-/.test(line));
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/** The element inside the shopper's panel that has keyboard focus, as a short description. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const data = [...active.attributes]
      .filter((a) => a.name.startsWith('data-'))
      .map((a) => `[${a.name}="${a.value}"]`)
      .join('');
    return `${active.localName}${data}${active.className ? `.${String(active.className).split(' ')[0]}` : ''}`;
  });
}

async function tab(page: Page, until: (description: string) => boolean, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (until(await focused(page))) return;
  }
  assert.fail(`focus never reached the expected control; last: ${await focused(page)}`);
}

describe('the call screen and the console, by keyboard, with axe and a strict CSP', () => {
  const env = freshStack();

  for (const size of ['desktop', 'phone'] as const) {
    it(`goes through a whole call by keyboard with zero axe violations and no CSP violation (${size})`, async () => {
      const problems: string[] = [];
      const expert = new ConsolePage(await participant(env.browser, 'desktop'));
      const shopPage = await participant(env.browser, size);
      const shopper = new ShopPage(shopPage);
      try {
        await expert.signIn(env.stack.consoleUrl, `Camille ${size}`);
        problems.push(...ours(await axe(expert.page, 'console signed in')));
        await expert.goAvailable();

        // Open with the keyboard: the launcher is reached by Tab, Enter opens, focus goes inside.
        await shopPage.goto(env.stack.shopUrl);
        await shopPage.focus('expert-call button[part="button"]');
        await shopPage.keyboard.press('Enter');
        await shopPage.waitForSelector('expert-call-panel [data-mode="video"]');
        await shopPage.waitForFunction(() => {
          const panel = document
            .querySelector('expert-call')
            ?.shadowRoot?.querySelector('expert-call-panel');
          return panel?.shadowRoot?.activeElement != null;
        });
        problems.push(...ours(await axe(shopPage, 'first screen')));

        // Escape closes and gives focus back to the launcher; Enter opens again.
        await shopPage.keyboard.press('Escape');
        assert.equal(await focused(shopPage), 'button');
        await shopPage.keyboard.press('Enter');
        await shopPage.waitForSelector('expert-call-panel [data-mode="video"]');

        await tab(shopPage, (d) => d.includes('[data-mode="video"]'));
        await shopPage.keyboard.press('Enter');

        await expert.waitForRing();
        const title = await expert.page.title();
        assert.match(title, /appel vidéo entrant/i, 'the tab title says it rings');
        problems.push(...ours(await axe(expert.page, 'console ringing')));
        await expert.page.waitForFunction(
          () => (window as unknown as { __tones: number }).__tones > 0,
        );
        await expert.accept();
        await shopper.waitForState('in-call');
        assert.doesNotMatch(
          await expert.page.title(),
          /entrant/,
          'the title is back after the ring',
        );
        problems.push(...ours(await axe(shopPage, 'in call')));
        problems.push(...ours(await axe(expert.page, 'console in call')));

        // The chat: on phones the sheet is opened from the control bar, by keyboard.
        if (size === 'phone') {
          await tab(shopPage, (d) => d.includes('[data-control="chat-sheet"]'));
          await shopPage.keyboard.press('Enter');
        }
        await tab(shopPage, (d) => d.startsWith('textarea'));
        await shopPage.keyboard.type('Bonjour, au clavier');
        await shopPage.keyboard.press('Enter');
        await expert.page.waitForSelector('expert-console ec-chat li:has-text("au clavier")');
        await say(expert.page, EXPERT_BOX, 'Je vous entends');
        await shopPage.waitForSelector('expert-call-panel ec-chat li:has-text("Je vous entends")');
        problems.push(...ours(await axe(shopPage, 'in call, chat open')));

        // Written conversation, then hang up by keyboard.
        await tab(shopPage, (d) => d.includes('[data-control="to-chat"]'));
        await shopPage.keyboard.press('Enter');
        await shopper.waitForState('chat');
        problems.push(...ours(await axe(shopPage, 'written')));
        problems.push(...ours(await axe(expert.page, 'console written')));
        await say(shopPage, SHOPPER_BOX, 'Merci');
        await tab(shopPage, (d) => d.includes('[data-control="hang-up"]'));
        await shopPage.keyboard.press('Enter');
        await shopper.waitForState('ended');
        await shopPage.waitForSelector('expert-call-panel [data-action="download"]');
        problems.push(...ours(await axe(shopPage, 'ended')));

        // The transcript downloads as text, with what both wrote.
        const [download] = await Promise.all([
          shopPage.waitForEvent('download'),
          shopPage.click('expert-call-panel [data-action="download"]'),
        ]);
        const text = readFileSync((await download.path())!, 'utf8');
        assert.match(text, /au clavier/);
        assert.match(text, /Je vous entends/);
        assert.match(download.suggestedFilename(), /\.txt$/);

        assert.deepEqual(problems, [], 'axe-core finds nothing in any state');
        assert.deepEqual(await violations(shopPage), [], 'no CSP violation on the shop page');
        assert.deepEqual(await violations(expert.page), [], 'no CSP violation in the back office');
      } finally {
        await shopPage.context().close();
        await expert.page.context().close();
      }
    });
  }

  it('tells two nameless shoppers apart in the console, with what is unread', async () => {
    const expert = new ConsolePage(await participant(env.browser, 'desktop'));
    await expert.signIn(env.stack.consoleUrl, 'Dominique');
    await expert.goAvailable();
    const pages: Page[] = [];
    for (const text of ['premier client', 'second client']) {
      const page = await participant(env.browser, 'desktop');
      pages.push(page);
      const shopper = new ShopPage(page);
      await shopper.open(env.stack.shopUrl);
      await shopper.choose('chat');
      await expert.waitForRing();
      await expert.accept();
      await shopper.waitForState('chat');
      await say(page, SHOPPER_BOX, text);
    }
    // The first shopper writes again while the second one is in front: unread, and waiting.
    await say(pages[0]!, SHOPPER_BOX, 'vous êtes là ?');
    const items = await expert.page.$$eval('expert-console [data-conversation]', (buttons) =>
      buttons.map((b) => b.querySelector('strong')?.textContent?.trim()),
    );
    assert.deepEqual(items, ['Client 1', 'Client 2']);
    await expert.page.waitForSelector('expert-console [data-conversation] [data-unread="1"]');
    assert.ok(await expert.page.$('expert-console [data-conversation] [data-waiting]'));
    assert.deepEqual(ours(await axe(expert.page, 'two chats')), []);
    for (const page of pages) await page.context().close();
    await expert.page.context().close();
  });

  // One test per language and size: each is a whole call with six axe scans.
  for (const lang of LANGUAGES) {
    for (const size of ['desktop', 'phone'] as const) {
      it(`has zero axe violations on the call's states in ${lang}, ${size}`, async () => {
        const problems: string[] = [];
        const expert = new ConsolePage(await participant(env.browser, 'desktop'));
        const page = await participant(env.browser, size);
        const shopper = new ShopPage(page);
        try {
          await expert.page.goto(env.stack.consoleUrl);
          await expert.page.evaluate((l) => document.documentElement.setAttribute('lang', l), lang);
          await expert.signIn(null, `Expert ${lang} ${size}`);
          await expert.goAvailable();
          await page.goto(env.stack.shopUrl);
          await page.evaluate((l) => document.documentElement.setAttribute('lang', l), lang);
          await shopper.open(null);
          assert.equal(
            (await page.textContent('expert-call-panel [data-mode="video"] .choice-title'))?.trim(),
            (await loadPanelText(lang)).videoCall,
            'the panel speaks the page’s language',
          );
          await shopper.choose('video');
          await expert.waitForRing();
          problems.push(...ours(await axe(expert.page, `${lang} ${size} console ringing`)));
          await expert.accept();
          await shopper.waitForState('in-call');
          await page.click('expert-call-panel [data-control="camera"]');
          problems.push(...ours(await axe(page, `${lang} ${size} in call`)));
          if (size === 'phone') await page.click('expert-call-panel [data-control="chat-sheet"]');
          await say(page, SHOPPER_BOX, 'Hallo, hola, ciao');
          await say(expert.page, EXPERT_BOX, 'https://lumen.example/e-city');
          await page.waitForSelector('expert-call-panel ec-chat li a');
          problems.push(...ours(await axe(page, `${lang} ${size} in call, chat`)));
          problems.push(...ours(await axe(expert.page, `${lang} ${size} console in call`)));
          await page.click('expert-call-panel [data-control="to-chat"]');
          await shopper.waitForState('chat');
          problems.push(...ours(await axe(page, `${lang} ${size} written`)));
          await expert.hangUp();
          await shopper.waitForState('ended');
          problems.push(...ours(await axe(page, `${lang} ${size} ended`)));
          problems.push(...ours(await axe(expert.page, `${lang} ${size} console after`)));
        } finally {
          await page.context().close();
          await expert.page.context().close();
        }
        assert.deepEqual(problems, []);
      });
    }
  }

  it('lets the shopper choose camera, microphone and speaker in a call, and remembers them', async () => {
    const expert = new ConsolePage(await participant(env.browser, 'desktop'));
    const page = await participant(env.browser, 'phone');
    const shopper = new ShopPage(page);
    try {
      await expert.signIn(env.stack.consoleUrl, 'Appareils');
      await expert.goAvailable();
      await shopper.open(env.stack.shopUrl);
      await shopper.choose('video');
      await expert.waitForRing();
      await expert.accept();
      await shopper.waitForState('in-call');
      await page.click('expert-call-panel [data-control="devices"]');
      // The list is read from the browser after the click: wait for it to be drawn.
      await page.waitForSelector('expert-call-panel select[data-device="audioinput"] option', {
        state: 'attached',
      });
      const microphones = await page.$$eval(
        'expert-call-panel select[data-device="audioinput"] option',
        (options) => options.map((o) => (o as HTMLOptionElement).value),
      );
      assert.ok(microphones.length > 0, 'Chromium’s fake microphones are offered');
      assert.ok(await page.$('expert-call-panel select[data-device="videoinput"]'));
      // Chromium can send sound to a chosen speaker: the picker is there when it has outputs.
      const speakers = await page.evaluate(async () =>
        (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audiooutput'),
      );
      assert.equal(
        (await page.$('expert-call-panel select[data-device="audiooutput"]')) !== null,
        speakers.length > 0,
      );
      const chosen = microphones.at(-1)!;
      await page.selectOption('expert-call-panel select[data-device="audioinput"]', chosen);
      await page.waitForFunction(
        (id) => localStorage.getItem('expert-call:devices')?.includes(id) ?? false,
        chosen,
      );
      assert.deepEqual(ours(await axe(page, 'device picker')), []);
    } finally {
      await page.context().close();
      await expert.page.context().close();
    }
  });

  it('checks the microphone before the call, and the call uses the one chosen', async () => {
    const expert = new ConsolePage(await participant(env.browser, 'desktop'));
    const page = await participant(env.browser, 'phone');
    const shopper = new ShopPage(page);
    try {
      await expert.signIn(env.stack.consoleUrl, 'Essai');
      await expert.goAvailable();
      await shopper.open(env.stack.shopUrl);
      await page.click('expert-call-panel [data-control="device-check"]');
      await page.waitForSelector('ec-device-check [role="meter"]');
      // Chromium's fake microphone beeps: the level moves.
      await page.waitForFunction(() => {
        const meter = document
          .querySelector('expert-call')
          ?.shadowRoot?.querySelector('expert-call-panel')
          ?.shadowRoot?.querySelector('ec-device-check')
          ?.shadowRoot?.querySelector('[role="meter"]');
        return Number(meter?.getAttribute('aria-valuenow') ?? 0) > 0;
      });
      const select = 'ec-device-check select[data-device="audioinput"]';
      await page.waitForSelector(`${select} option:nth-child(2)`, { state: 'attached' });
      const chosen = await page.$$eval(`${select} option`, (options) =>
        (options as HTMLOptionElement[]).filter((o) => !o.selected).map((o) => o.value),
      );
      await page.selectOption(select, chosen.at(-1)!);
      assert.deepEqual(ours(await axe(page, 'device check')), []);
      await shopper.choose('audio');
      await expert.waitForRing();
      await expert.accept();
      await shopper.waitForState('in-call');
      // The check let go of its devices; the call's microphone is the chosen one.
      const live = await page.waitForFunction(() => {
        const tracks = (window as unknown as { __streams: MediaStream[] }).__streams
          .flatMap((s) => s.getAudioTracks())
          .filter((t) => t.readyState === 'live');
        return tracks.length === 1 ? tracks.map((t) => t.getSettings().deviceId) : false;
      });
      assert.deepEqual(await live.jsonValue(), [chosen.at(-1)]);
    } finally {
      await page.context().close();
      await expert.page.context().close();
    }
  });

  it('tells a shopper who blocked the microphone what to do, before any call', async () => {
    const refusing = await launchChromium('denied');
    try {
      const page = await participant(refusing, 'phone', 'denied');
      const shopper = new ShopPage(page);
      await shopper.open(env.stack.shopUrl);
      await page.click('expert-call-panel [data-control="device-check"]');
      await page.waitForSelector('ec-device-check [data-check="microphone"] .problem');
      const words = (await loadPanelText('fr')).deviceProblem('microphone', 'permission-denied');
      assert.equal(
        (await page.textContent('ec-device-check [data-check="microphone"] .problem'))?.trim(),
        words,
      );
      assert.equal(
        await page.$('ec-device-check [role="meter"]'),
        null,
        'no level without a microphone',
      );
      // Said once in the panel's live region, too.
      assert.match(
        (await page.textContent('expert-call-panel [data-announce]')) ?? '',
        /micro ne fonctionne pas/,
      );
    } finally {
      await refusing.close();
    }
  });
});
