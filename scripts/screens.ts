/**
 * Drives both elements through their states on a real local stack (LiveKit, hub, demo pages)
 * and writes screenshots to docs/screens/: each state at desktop (1280×800) and phone (390×844)
 * sizes, light, and a few in dark. Run with `npm run screens` (after `npm run build`).
 *
 * SCREENS_ONLY=desktop (or phone) takes one size only.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack, type Stack } from '../demo/stack/stack.js';
import { launchChromium } from '../test/support/browser.js';
import { ConsolePage, EXPERT_BOX, SHOPPER_BOX, ShopPage, say } from '../test/support/pages.js';

const OUT = new URL('../docs/screens/', import.meta.url).pathname;

const SIZES = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;
type Size = keyof typeof SIZES;

async function context(
  browser: Browser,
  size: Size,
  scheme: 'light' | 'dark' = 'light',
): Promise<{ context: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    ...SIZES[size],
    deviceScaleFactor: 1,
    colorScheme: scheme,
    permissions: ['camera', 'microphone'],
  });
  const page = await ctx.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return { context: ctx, page };
}

async function shot(page: Page, name: string): Promise<void> {
  // Let transitions and the last frame of video settle: a picture, not a test.
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}${name}.png` });
  console.log(`docs/screens/${name}.png`);
}

async function shopperStates(browser: Browser, stack: Stack, size: Size): Promise<void> {
  const expertSide = await context(browser, 'desktop');
  const shopSide = await context(browser, size);
  const expert = new ConsolePage(expertSide.page);
  const shopper = new ShopPage(shopSide.page);

  await expert.signIn(stack.consoleUrl, size === 'desktop' ? 'Camille' : 'Alex');
  if (size === 'desktop') await shot(expert.page, 'console-desktop-signed-in-away');
  await expert.goAvailable();

  await shopper.page.goto(stack.shopUrl);
  await shot(shopper.page, `shop-${size}-launcher`);
  await shopper.open(null);
  await shot(shopper.page, `shop-${size}-first-screen`);
  // The device check, opened, with the camera's preview on and the microphone's level moving.
  await shopper.page.click('expert-call-panel [data-control="device-check"]');
  await shopper.page.click('ec-device-check [data-control="camera-preview"]');
  await shopper.page.waitForFunction(() => {
    const check = document
      .querySelector('expert-call')
      ?.shadowRoot?.querySelector('expert-call-panel')
      ?.shadowRoot?.querySelector('ec-device-check')?.shadowRoot;
    const level = Number(check?.querySelector('[role="meter"]')?.getAttribute('aria-valuenow'));
    return (check?.querySelector('video')?.videoWidth ?? 0) > 0 && level > 0;
  });
  await shopper.page.locator('ec-device-check h3').scrollIntoViewIfNeeded();
  await shot(shopper.page, `shop-${size}-device-check`);
  await shopper.page.click('expert-call-panel [data-control="device-check"]');

  await shopper.choose('video');
  await expert.waitForRing();
  if (size === 'desktop') await shot(expert.page, 'console-desktop-ringing');
  // While it rings, the shopper already has the call's stage, and the way out.
  await shopper.waitForState('connecting');
  await shopper.page.waitForSelector('expert-call-panel ec-call-stage');
  await shot(shopper.page, `shop-${size}-ringing`);
  await expert.accept();
  await shopper.waitForState('in-call');
  await expert.waitForStatus('in-call');
  await shopper.page.waitForFunction(() => {
    const stage = document
      .querySelector('expert-call')
      ?.shadowRoot?.querySelector('expert-call-panel')
      ?.shadowRoot?.querySelector('ec-call-stage');
    const video = stage?.shadowRoot
      ?.querySelector('ec-video-tile.remote')
      ?.shadowRoot?.querySelector('video');
    return (video?.videoWidth ?? 0) > 0;
  });
  await shot(shopper.page, `shop-${size}-call`);
  await shopper.page.click('expert-call-panel [data-control="camera"]');
  await shopper.page.waitForSelector('expert-call-panel ec-call-stage >> ec-video-tile.self');
  // The expert points at a spot of the shopper's picture: both see the mark for a few seconds.
  await expert.page.waitForFunction(() => {
    const tile = document
      .querySelector('expert-console')
      ?.shadowRoot?.querySelector('ec-call-stage')
      ?.shadowRoot?.querySelector('ec-video-tile.remote');
    return (tile?.shadowRoot?.querySelector('video')?.videoWidth ?? 0) > 0;
  });
  const seen = (await (
    await expert.page.waitForSelector('expert-console ec-call-stage ec-video-tile.remote')
  ).boundingBox())!;
  await expert.page.mouse.click(seen.x + seen.width * 0.35, seen.y + seen.height * 0.5);
  await shopper.page.waitForSelector('expert-call-panel ec-video-tile.self .mark .dot');
  await shot(shopper.page, `shop-${size}-call-marked`);
  if (size === 'desktop') await shot(expert.page, 'console-desktop-call-marked');
  await shopper.page.waitForSelector('expert-call-panel ec-video-tile.self .mark', {
    state: 'detached',
  });
  await say(
    expert.page,
    EXPERT_BOX,
    'Bonjour ! Je vous montre la batterie, elle se retire sans outil.',
  );
  if (size === 'phone') {
    await shot(shopper.page, `shop-${size}-call-self-view-unread`);
    await shopper.page.click('expert-call-panel [data-control="chat-sheet"]');
  }
  await say(shopper.page, SHOPPER_BOX, 'Merci, et l’autonomie en hiver ?');
  await shot(shopper.page, `shop-${size}-call-chat`);
  // The expert finds a product in the catalogue and shows it: a card in the shopper's chat.
  const search = 'expert-console ec-product-search input[type="search"]';
  await expert.page.fill(search, 'lumen e3');
  await expert.page.press(search, 'Enter');
  const found = 'expert-console ec-product-search li[data-product="lumen-e3-sable"]';
  await expert.page.waitForSelector(found);
  if (size === 'desktop') await shot(expert.page, 'console-desktop-products');
  await expert.page.click(`${found} [data-action="show-product"]`);
  await shopper.page.waitForSelector(
    'expert-call-panel ec-chat li.card[data-product="lumen-e3-sable"]',
  );
  await shot(shopper.page, `shop-${size}-call-product-card`);
  // The shopper shows the problem with a photo (here drawn in the page: a worn chain ring).
  const photo = await shopper.page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1600, 1200);
    const g = canvas.getContext('2d')!;
    const sky = g.createLinearGradient(0, 0, 0, 1200);
    sky.addColorStop(0, '#cfd8dc');
    sky.addColorStop(1, '#78909c');
    g.fillStyle = sky;
    g.fillRect(0, 0, 1600, 1200);
    g.strokeStyle = '#37474f';
    g.lineWidth = 60;
    g.beginPath();
    g.arc(800, 600, 380, 0, Math.PI * 2);
    g.stroke();
    g.fillStyle = '#b0bec5';
    for (let i = 0; i < 36; i++) {
      const a = (i / 36) * Math.PI * 2;
      g.fillRect(800 + Math.cos(a) * 430 - 18, 600 + Math.sin(a) * 430 - 18, 36, 36);
    }
    g.fillStyle = '#d84315';
    g.beginPath();
    g.arc(1090, 390, 70, 0, Math.PI * 2);
    g.fill();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  await shopper.page.setInputFiles('expert-call-panel ec-chat input[type="file"]', {
    name: 'plateau.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(photo),
  });
  await shopper.page.waitForFunction(() => {
    const chat = document
      .querySelector('expert-call')
      ?.shadowRoot?.querySelector('expert-call-panel')
      ?.shadowRoot?.querySelector('ec-chat')?.shadowRoot;
    const img = chat?.querySelector<HTMLImageElement>('li.photo[data-delivery="sent"] img');
    return img?.complete && img.naturalWidth > 0;
  });
  await expert.page.waitForSelector('expert-console ec-chat li.photo img');
  await shot(shopper.page, `shop-${size}-call-photo`);
  if (size === 'desktop') {
    await expert.page.evaluate(() => window.scrollTo(0, 0));
    await shot(expert.page, 'console-desktop-call-photo');
  }
  // The shopper blurs their background: the control pressed, the picture blurred for both.
  await shopper.page.click('expert-call-panel [data-control="blur"]');
  await shopper.page.waitForSelector(
    'expert-call-panel [data-control="blur"][aria-pressed="true"]:not([disabled])',
    { timeout: 120_000 },
  );
  await shopper.page.waitForTimeout(3000);
  await shot(shopper.page, `shop-${size}-call-blur`);
  await shopper.page.click('expert-call-panel [data-control="blur"]');
  await shopper.page.waitForSelector(
    'expert-call-panel [data-control="blur"][aria-pressed="false"]',
    { timeout: 120_000 },
  );
  if (size === 'desktop') {
    // A desktop shopper shows their screen (Chromium's fake capture); phones cannot.
    await shopper.page.click('expert-call-panel [data-control="share-screen"]');
    await shopper.page.waitForSelector('expert-call-panel [data-sharing="screen"]');
    await expert.page.waitForFunction(() => {
      const tile = document
        .querySelector('expert-console')
        ?.shadowRoot?.querySelector('ec-call-stage[data-showing="screen"]')
        ?.shadowRoot?.querySelector('ec-video-tile.remote');
      return (tile?.shadowRoot?.querySelector('video')?.videoWidth ?? 0) > 0;
    });
    await shot(shopper.page, 'shop-desktop-call-sharing-screen');
    await expert.page.evaluate(() => window.scrollTo(0, 0));
    await shot(expert.page, 'console-desktop-call-screen');
    await shopper.page.click('expert-call-panel [data-control="share-screen"]');
    // The desktop shopper carries on on their phone: a QR code and its link.
    await shopper.page.click('expert-call-panel [data-control="handoff"]');
    await shopper.page.waitForSelector('expert-call-panel .handoff svg.qr');
    await shot(shopper.page, 'shop-desktop-call-handoff');
    await shopper.page.click('expert-call-panel [data-control="handoff"]');
  }
  if (size === 'desktop') {
    await shot(expert.page, 'console-desktop-call');
    // A second shopper asks meanwhile: the expert, in the call, sees them waiting.
    const other = await context(browser, 'phone');
    const waiting = new ShopPage(other.page);
    await waiting.open(stack.shopUrl);
    await waiting.choose('video');
    await expert.page.waitForSelector('expert-console .queues [data-waiting="1"]');
    await shot(expert.page, 'console-desktop-call-queue');
    await waiting.page.click('expert-call-panel [data-control="leave-queue"]');
    await expert.page.waitForSelector('expert-console .queues [data-queues="0"]');
    await other.context.close();
  }

  await shopper.page.click('expert-call-panel [data-control="to-chat"]');
  await shopper.waitForState('chat');
  await say(
    expert.page,
    EXPERT_BOX,
    'Comptez 60 km par temps froid : https://lumen.example/autonomie',
  );
  await shopper.page.waitForSelector('expert-call-panel ec-chat li:has-text("60 km")');
  await shot(shopper.page, `shop-${size}-written`);

  await shopper.hangUp();
  await shopper.waitForState('ended');
  await shot(shopper.page, `shop-${size}-ended-with-transcript`);

  await shopper.page.click('expert-call-panel ec-rating input[aria-label="4 étoiles sur 5"]');
  await shopper.page.fill(
    'expert-call-panel ec-rating textarea',
    'Réponses claires, et le vélo m’attend en magasin.',
  );
  await shot(shopper.page, `shop-${size}-ended-rating`);
  await shopper.page.click('expert-call-panel ec-rating button[type="submit"]');
  await shopper.page.waitForSelector('expert-call-panel ec-rating [role="status"]');
  await shot(shopper.page, `shop-${size}-ended-rated`);
  await expert.page.waitForSelector('expert-console .ratings li');
  if (size === 'desktop') await shot(expert.page, 'console-desktop-rated');

  await expertSide.context.close();
  await shopSide.context.close();
}

async function consoleSeveralChats(browser: Browser, stack: Stack, size: Size): Promise<void> {
  const expertSide = await context(browser, size);
  const expert = new ConsolePage(expertSide.page);
  await expert.signIn(stack.consoleUrl, size === 'desktop' ? 'Dominique' : 'Sacha');
  await expert.goAvailable();
  const shoppers: Array<{ context: BrowserContext }> = [];
  for (const text of ['Bonjour, le cadre existe en M ?', 'Livrez-vous à Lyon ?']) {
    const side = await context(browser, 'desktop');
    shoppers.push(side);
    const shopper = new ShopPage(side.page);
    await shopper.open(stack.shopUrl);
    await shopper.choose('chat');
    await expert.waitForRing();
    await expert.accept();
    await shopper.waitForState('chat');
    await say(side.page, SHOPPER_BOX, text);
  }
  await expert.page.waitForSelector('expert-console ec-chat li:has-text("Lyon")');
  await shot(expert.page, `console-${size}-two-chats`);
  for (const side of shoppers) await side.context.close();
  await expertSide.context.close();
}

async function closedTopic(browser: Browser, stack: Stack, size: Size): Promise<void> {
  const side = await context(browser, size);
  await side.page.goto(stack.shopUrl);
  await side.page.evaluate(() =>
    document.querySelector('expert-call')?.setAttribute('topic', 'repair'),
  );
  await side.page.click('expert-call button[part="button"]');
  // The repair desk keeps weekday hours: outside them the first screen leads with the
  // alternatives; inside, it offers a call.
  await side.page.waitForSelector(
    'expert-call-panel ec-offline button, expert-call-panel [data-mode]',
  );
  await shot(side.page, `shop-${size}-repair-topic`);
  await side.context.close();
}

/** A browser that cannot call (no WebRTC, as an old in-app browser): writing is offered alone. */
async function noCalls(browser: Browser, stack: Stack, size: Size): Promise<void> {
  const side = await context(browser, size);
  await side.page.addInitScript(() => {
    Object.defineProperty(window, 'RTCPeerConnection', { value: undefined });
  });
  const shopper = new ShopPage(side.page);
  await shopper.open(stack.shopUrl);
  await side.page.waitForSelector('expert-call-panel [data-blocker="no-webrtc"]');
  await shot(side.page, `shop-${size}-no-calls`);
  await side.context.close();
}

async function dark(browser: Browser, stack: Stack): Promise<void> {
  const side = await context(browser, 'desktop', 'dark');
  const shopper = new ShopPage(side.page);
  await shopper.open(stack.shopUrl);
  await shot(side.page, 'shop-desktop-first-screen-dark');
  await side.context.close();
  const expertSide = await context(browser, 'desktop', 'dark');
  await new ConsolePage(expertSide.page).signIn(stack.consoleUrl, 'Noa');
  await shot(expertSide.page, 'console-desktop-dark');
  await expertSide.context.close();
}

mkdirSync(OUT, { recursive: true });
const only = process.env['SCREENS_ONLY'] as Size | undefined;
const stack = await startStack({ ports: 'free' });
const browser = await launchChromium();
try {
  for (const size of Object.keys(SIZES) as Size[]) {
    if (only && only !== size) continue;
    await shopperStates(browser, stack, size);
    await consoleSeveralChats(browser, stack, size);
    await closedTopic(browser, stack, size);
    await noCalls(browser, stack, size);
  }
  if (!only) await dark(browser, stack);
} finally {
  await browser.close();
  await stack.stop();
}
