/**
 * Background blur, in Chromium through the real hub and LiveKit, under the demo's strict CSP
 * and Trusted Types: the shopper turns it on, and what the expert receives is blurred (Chromium's
 * fake camera shows no person, so all of it is background) while frames keep coming; turned
 * off, the picture is sharp again. The blur's files come from the embed's own folder, and only
 * once it is turned on.
 *
 * Headless Chromium's WebGL here is SwiftShader, on a shared CPU: a blurred frame can take
 * seconds. The waits are bounded generously for that; none of them is a speed requirement
 * (`npm run bench` prints what blur costs).
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import type { Page } from 'playwright-core';
import { inboundStats } from '../support/browser.js';
import { until } from '../support/deadline.js';
import { ConsolePage, ShopPage, putThrough } from '../support/pages.js';
import { freshStack, people } from '../support/stack-env.js';

const EXPERT_VIDEO = 'expert-console ec-call-stage ec-video-tile.remote video';
const BLUR = 'expert-call-panel [data-control="blur"]';
/** For what software WebGL makes slow: the blur's start, a blurred frame. */
const SLOW_MS = 90_000;

/**
 * How sharp the picture the expert receives is: the mean difference between neighbouring
 * pixels of the frame shown (edges make it high, blur makes it low).
 */
function sharpness(page: Page): Promise<number> {
  return page.locator(EXPERT_VIDEO).evaluate((video: HTMLVideoElement) => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) return 0;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(video, 0, 0);
    const { data } = context.getImageData(0, 0, width, height);
    let sum = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 1; x < width; x++) {
        const i = (y * width + x) * 4;
        sum += Math.abs(data[i + 1]! - data[i - 3]!);
      }
    }
    return sum / (height * (width - 1));
  });
}

/** The blur control's state, read without waiting on the page's animation frames. */
function pressed(page: Page): Promise<string | null> {
  return page.evaluate((selector) => {
    const panel = document
      .querySelector('expert-call')
      ?.shadowRoot?.querySelector('expert-call-panel');
    const button = panel?.shadowRoot?.querySelector(selector.replace('expert-call-panel ', ''));
    return button && !button.hasAttribute('disabled') ? button.getAttribute('aria-pressed') : null;
  }, BLUR);
}

describe('background blur', () => {
  const env = freshStack();
  const person = people(env);

  it(
    'blurs the shopper’s camera as the expert receives it, with frames still flowing, and stops',
    { timeout: 6 * SLOW_MS },
    async () => {
      const expert = new ConsolePage(await person());
      const shopper = new ShopPage(await person());
      const fetched: string[] = [];
      shopper.page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      const blurFiles = () => fetched.filter((path) => /\/blur\/|background-blur/.test(path));

      await putThrough(expert, shopper, env.stack, { expertName: 'Camille', mode: 'video' });
      assert.equal(await shopper.page.$(BLUR), null, 'no blur to offer while the camera is off');
      await shopper.page.click('expert-call-panel [data-control="camera"]');
      const sharp = await until(
        () => sharpness(expert.page),
        (s) => s > 0,
        { what: 'the shopper’s camera at the expert' },
      );
      assert.deepEqual(blurFiles(), [], 'nothing of the blur is fetched before it is turned on');

      await shopper.page.click(BLUR);
      await until(
        () => pressed(shopper.page),
        (state) => state === 'true',
        { what: 'the blur on', timeoutMs: SLOW_MS },
      );
      assert.equal(await shopper.page.$('expert-call-panel [data-problem="blur"]'), null);
      await until(
        () => sharpness(expert.page),
        (s) => s < sharp / 2,
        { what: `a blurred picture at the expert (sharp: ${sharp})`, timeoutMs: SLOW_MS },
      );
      assert.ok(
        blurFiles().some((path) => /\/blur\/vision-[\d.]+\.wasm$/.test(path)) &&
          blurFiles().some((path) => /\/blur\/selfie-segmenter-[\d.]+\.tflite$/.test(path)),
        `the blur's files come from the embed's folder: ${blurFiles().join(', ')}`,
      );
      const decoded = (await inboundStats(expert.page)).videoFramesDecoded;
      await until(
        () => inboundStats(expert.page),
        (stats) => stats.videoFramesDecoded >= decoded + 5,
        { what: 'blurred frames still decoded at the expert', timeoutMs: SLOW_MS },
      );

      await shopper.page.click(BLUR);
      await until(
        () => pressed(shopper.page),
        (state) => state === 'false',
        { what: 'the blur off', timeoutMs: SLOW_MS },
      );
      await until(
        () => sharpness(expert.page),
        (s) => s > sharp * 0.75,
        { what: `a sharp picture at the expert again (sharp: ${sharp})`, timeoutMs: SLOW_MS },
      );
    },
  );
});
