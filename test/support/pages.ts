/**
 * Small harnesses for the two demo pages: what a person does on them, in product words.
 * Playwright's CSS selectors pierce open shadow roots, so these read like the page a person sees.
 */
import type { Page } from 'playwright-core';
import { eventually, inboundStats } from './browser.js';

/** The chat boxes of each side. */
export const SHOPPER_BOX = 'expert-call-panel ec-chat textarea';
export const EXPERT_BOX = 'expert-console ec-chat textarea';

/** Writes `text` in a chat box and sends it with Enter, as a person does. */
export async function say(page: Page, box: string, text: string): Promise<void> {
  await page.fill(box, text);
  await page.press(box, 'Enter');
}

export class ConsolePage {
  constructor(readonly page: Page) {}

  /** Signs in by name; `url` null when the page is already open. */
  async signIn(url: string | null, name: string): Promise<void> {
    if (url) await this.page.goto(url);
    await this.page.fill('expert-console input[name="name"]', name);
    await this.page.click('expert-console button[type="submit"]');
    await this.page.waitForSelector('expert-console [data-action="presence"]');
  }

  async goAvailable(): Promise<void> {
    await this.page.click('expert-console [data-action="presence"]');
    await this.waitForStatus('available');
  }

  async waitForStatus(
    status: 'available' | 'away' | 'in-call' | 'in-chat' | 'ringing',
  ): Promise<void> {
    await this.page.waitForSelector(`expert-console [data-status="${status}"]`);
  }

  async waitForRing(): Promise<string> {
    await this.page.waitForSelector('expert-console [data-action="accept"]');
    return (await this.page.textContent('expert-console .ring')) ?? '';
  }

  async accept(): Promise<void> {
    await this.page.click('expert-console [data-action="accept"]');
  }

  async hangUp(): Promise<void> {
    await this.page.click('expert-console [data-action="hang-up"]');
  }
}

export class ShopPage {
  constructor(readonly page: Page) {}

  /** Opens the shop page and the panel; `url` null when the page is already open. */
  async open(url: string | null): Promise<void> {
    if (url) await this.page.goto(url);
    await this.page.click('expert-call button[part="button"]');
    await this.page.waitForSelector('expert-call-panel [data-mode="chat"]');
  }

  async choose(mode: 'video' | 'audio' | 'chat'): Promise<void> {
    await this.page.click(`expert-call-panel [data-mode="${mode}"]`);
  }

  async state(): Promise<string> {
    return this.page.evaluate(
      () =>
        (document.querySelector('expert-call') as unknown as { state: { kind: string } }).state
          .kind,
    );
  }

  async waitForState(kind: string): Promise<void> {
    await this.page.waitForFunction(
      (k) =>
        (document.querySelector('expert-call') as unknown as { state?: { kind: string } } | null)
          ?.state?.kind === k,
      kind,
    );
  }

  async hangUp(): Promise<void> {
    await this.page.click('expert-call-panel [data-control="hang-up"]');
  }

  async panelText(): Promise<string> {
    return (await this.page.textContent('expert-call-panel .body'))?.replace(/\s+/g, ' ') ?? '';
  }
}

/**
 * Up to the ring: the expert signs in and goes available, the shopper taps and chooses, and
 * the console rings. Returns what the ring showed.
 */
export async function ringExpert(
  expert: ConsolePage,
  shopper: ShopPage,
  urls: { consoleUrl: string; shopUrl: string },
  options: { expertName: string; mode: 'video' | 'audio' | 'chat' },
): Promise<string> {
  await expert.signIn(urls.consoleUrl, options.expertName);
  await expert.goAvailable();
  await shopper.open(urls.shopUrl);
  await shopper.choose(options.mode);
  return expert.waitForRing();
}

/**
 * The common opening: {@link ringExpert}, then the expert accepts. Returns what the ring showed.
 */
export async function putThrough(
  expert: ConsolePage,
  shopper: ShopPage,
  urls: { consoleUrl: string; shopUrl: string },
  options: { expertName: string; mode: 'video' | 'audio' | 'chat' },
): Promise<string> {
  const ring = await ringExpert(expert, shopper, urls, options);
  await expert.accept();
  await shopper.waitForState(options.mode === 'chat' ? 'chat' : 'in-call');
  return ring;
}

/**
 * Waits until a call carries media both ways: the expert's camera decoded at the shopper, the
 * shopper's voice (their camera stays off) arriving at the expert. What "mid-call" means.
 */
export async function mediaFlowing(expert: ConsolePage, shopper: ShopPage): Promise<void> {
  await Promise.all([
    eventually(
      () => inboundStats(shopper.page),
      (s) => s.videoFramesDecoded > 10,
      'the expert’s video at the shopper',
    ),
    eventually(
      () => inboundStats(expert.page),
      (s) => s.audioPacketsReceived > 10,
      'the shopper’s voice at the expert',
    ),
  ]);
}
