/**
 * What background blur costs: the files a page fetches when the shopper turns it on (and only
 * then), and the CPU time per second of a video call in the shopper's tab with and without it.
 * Figures, not assertions. Headless Chromium here has no GPU: its WebGL is SwiftShader, on the
 * CPU, so the GPU process's time is printed too (on a phone or a laptop that part is the GPU's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { startStack } from '../demo/stack/stack.js';
import { inboundStats, launchChromium, newParticipant } from '../test/support/browser.js';
import { ConsolePage, ShopPage, putThrough } from '../test/support/pages.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** The blur's files in the embed: the chunk, MediaPipe's WebAssembly, the model. */
export function blurAssetSizes(): void {
  const files = [
    ...readdirSync('dist/embed/chunks')
      .filter((name) => /^background-blur-.*\.js$/.test(name))
      .map((name) => join('dist/embed/chunks', name)),
    ...readdirSync('dist/embed/blur').map((name) => join('dist/embed/blur', name)),
  ];
  console.log('\nBackground blur: what the page fetches when it is turned on (never before)');
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    const packed = gzipSync(bytes, { level: 9 }).byteLength;
    raw += bytes.byteLength;
    gzip += packed;
    console.log(`  ${file}: ${kb(bytes.byteLength)} (${kb(packed)} gzip)`);
  }
  console.log(`  in all: ${kb(raw)} (${kb(gzip)} gzip)`);
}

/** The page's main-thread task time so far, in ms (Chromium's own count). */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** CPU time so far, in ms, of the GPU process and of all of Chromium's processes. */
async function processMs(browserCdp: CDPSession): Promise<{ gpu: number; all: number }> {
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; cpuTime: number }[];
  };
  const sum = (list: { cpuTime: number }[]) => list.reduce((ms, p) => ms + p.cpuTime * 1000, 0);
  return {
    // Chromium names it "GPU" (upper case), the others in lower case.
    gpu: sum(processInfo.filter((p) => p.type.toLowerCase() === 'gpu')),
    all: sum(processInfo),
  };
}

/**
 * Over `seconds`: CPU ms per second in the shopper's tab, the GPU process and all of Chromium,
 * and the frames per second of the shopper's camera that the expert decodes.
 */
async function perSecond(
  page: Page,
  expert: Page,
  cdp: CDPSession,
  browserCdp: CDPSession,
  seconds: number,
) {
  // How long a tap could wait: the longest gap between the ticks of a 20 ms timer, less 20 ms.
  await page.evaluate(() => {
    const counted = window as unknown as { longestWait: number; waitTicker?: number };
    counted.longestWait = 0;
    clearInterval(counted.waitTicker);
    let last = performance.now();
    counted.waitTicker = window.setInterval(() => {
      const now = performance.now();
      counted.longestWait = Math.max(counted.longestWait, now - last - 20);
      last = now;
    }, 20);
  });
  const [task0, cpu0] = [await taskMs(cdp), await processMs(browserCdp)];
  const frames0 = (await inboundStats(expert)).videoFramesDecoded;
  await page.waitForTimeout(seconds * 1000);
  const [task1, cpu1] = [await taskMs(cdp), await processMs(browserCdp)];
  const frames1 = (await inboundStats(expert)).videoFramesDecoded;
  const longestWait = await page.evaluate(
    () => (window as unknown as { longestWait: number }).longestWait,
  );
  return {
    longestWait,
    fps: (frames1 - frames0) / seconds,
    tab: (task1 - task0) / seconds,
    gpu: (cpu1.gpu - cpu0.gpu) / seconds,
    all: (cpu1.all - cpu0.all) / seconds,
  };
}

export async function blurCpu(seconds: number): Promise<void> {
  const stack = await startStack({ ports: 'free' });
  const browser = await launchChromium();
  try {
    const expert = new ConsolePage((await newParticipant(browser)).page);
    const shopperSide = await newParticipant(browser);
    const shopper = new ShopPage(shopperSide.page);
    await putThrough(expert, shopper, stack, { expertName: 'Bench', mode: 'video' });
    await shopper.page.click('expert-call-panel [data-control="camera"]');
    await shopper.page.waitForSelector('expert-call-panel ec-video-tile.self video');
    const cdp = await shopperSide.context.newCDPSession(shopper.page);
    await cdp.send('Performance.enable');
    const browserCdp = await browser.newBrowserCDPSession();
    await shopper.page.waitForTimeout(3000);
    const without = await perSecond(shopper.page, expert.page, cdp, browserCdp, seconds);
    await shopper.page.click('expert-call-panel [data-control="blur"]');
    await shopper.page.waitForSelector(
      'expert-call-panel [data-control="blur"][aria-pressed="true"]',
      { timeout: 120_000 },
    );
    await shopper.page.waitForTimeout(3000);
    const blurred = await perSecond(shopper.page, expert.page, cdp, browserCdp, seconds);
    const ms = (v: number) => `${v.toFixed(0)} ms/s`;
    console.log(
      `\nBackground blur: CPU time per second of a video call (camera on, ${seconds} s each, SwiftShader WebGL)`,
    );
    console.log(
      `  shopper's tab, main thread: ${ms(without.tab)} without blur, ${ms(blurred.tab)} with`,
    );
    console.log(
      `  shopper's tab, longest wait of a 20 ms timer: ${without.longestWait.toFixed(0)} ms without blur, ${blurred.longestWait.toFixed(0)} ms with`,
    );
    console.log(
      `  GPU process (both tabs):    ${ms(without.gpu)} without blur, ${ms(blurred.gpu)} with`,
    );
    console.log(
      `  all of Chromium (both tabs): ${ms(without.all)} without blur, ${ms(blurred.all)} with`,
    );
    console.log(
      `  the shopper's camera at the expert: ${without.fps.toFixed(1)} frames/s without blur, ${blurred.fps.toFixed(1)} with`,
    );
  } finally {
    await browser.close();
    await stack.stop();
  }
}
