/**
 * Screen sharing, in Chromium (its fake screen capture: a 16:9 picture) through the real
 * hub and LiveKit: the desktop shopper shares their screen and the expert sees it in place of
 * the camera, without the pointing that only fits a camera; sharing stops from the same button;
 * the expert shares theirs and the shopper sees it.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import type { Page } from 'playwright-core';
import { until } from '../support/deadline.js';
import { ConsolePage, ShopPage, putThrough } from '../support/pages.js';
import { freshStack, people } from '../support/stack-env.js';

/**
 * The proportions of the picture the stage shows as the other side's, once frames decode:
 * Chromium's fake screen is 16:9 (its fake camera 4:3); LiveKit sends the layer the view needs.
 */
async function shown(page: Page, stage: string, showing: 'screen' | 'camera') {
  const video = page.locator(`${stage}[data-showing="${showing}"] ec-video-tile.remote video`);
  return until(
    () => video.evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight })),
    (size) => size.width > 0,
    { what: `the other side's ${showing} decoded in ${stage}` },
  ).then(({ width, height }) => (width / height).toFixed(2));
}

describe('a screen shared in a call', () => {
  const env = freshStack();
  const person = people(env);

  it('goes from the shopper to the expert and back, and from the expert to the shopper', async () => {
    const expert = new ConsolePage(await person());
    const shopper = new ShopPage(await person());
    await putThrough(expert, shopper, env.stack, { expertName: 'Camille', mode: 'video' });

    const EXPERT_STAGE = 'expert-console ec-call-stage';
    const SHOPPER_STAGE = 'expert-call-panel ec-call-stage';
    await shopper.page.click('expert-call-panel [data-control="share-screen"]');
    await shopper.page.waitForSelector('expert-call-panel [data-sharing="screen"]');
    assert.equal(
      await shopper.page.getAttribute(
        'expert-call-panel [data-control="share-screen"]',
        'aria-pressed',
      ),
      'true',
    );
    assert.equal(await shown(expert.page, EXPERT_STAGE, 'screen'), (16 / 9).toFixed(2));
    assert.equal(
      await expert.page.$(`${EXPERT_STAGE} ec-video-tile.remote[markable]`),
      null,
      'a mark on a screen would land on the shopper’s camera view: not offered',
    );
    assert.equal(await expert.page.$('expert-console [data-hint="mark"]'), null);

    await shopper.page.click('expert-call-panel [data-control="share-screen"]');
    await expert.page.waitForSelector(`${EXPERT_STAGE}[data-showing="camera"]`);
    await shopper.page.waitForSelector('expert-call-panel [data-sharing="screen"]', {
      state: 'detached',
    });

    await expert.page.click('expert-console [data-control="share-screen"]');
    await expert.page.waitForSelector('expert-console [data-sharing="screen"]');
    assert.equal(await shown(shopper.page, SHOPPER_STAGE, 'screen'), (16 / 9).toFixed(2));
  });
});
