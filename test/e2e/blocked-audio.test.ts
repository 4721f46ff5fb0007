/**
 * A page that may not play sound until it is tapped (Safari always; Chrome on a page the person
 * has not touched yet), in Chromium through the real hub and LiveKit: the shopper goes on to the
 * shop's next page in a call, the call follows, and a clear "tap to hear" brings the expert's
 * voice back.
 *
 * The browser's rule is put in place by the page's own `play()`, which refuses, as Safari's
 * does, until a real (trusted) tap or click: Chromium's own flag for it cannot be used here,
 * since the test driver's every look into the page counts as a gesture.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { newParticipant } from '../support/browser.js';
import { ConsolePage, ShopPage, putThrough } from '../support/pages.js';
import { freshStack } from '../support/stack-env.js';

const env = freshStack();

/** Sound may play once the page has had a real tap or click, not before (Safari's rule). */
const TAP_BEFORE_SOUND = () => {
  let tapped = false;
  addEventListener(
    'pointerdown',
    (event) => {
      if (event.isTrusted) tapped = true;
    },
    true,
  );
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    if (tapped || this.muted) return play.call(this);
    return Promise.reject(
      new DOMException('play() can only be initiated by a user gesture.', 'NotAllowedError'),
    );
  };
};

async function tapFirstPage() {
  const participant = await newParticipant(env.browser);
  await participant.context.addInitScript(TAP_BEFORE_SOUND);
  return participant;
}

describe('a page that may not play sound before a tap', () => {
  it('offers “tap to hear” after the shopper changes page in a call, and the tap brings the voice back', async () => {
    const expert = new ConsolePage((await newParticipant(env.browser)).page);
    let shopper = new ShopPage((await tapFirstPage()).page);
    await putThrough(expert, shopper, env.stack, { expertName: 'Nina', mode: 'audio' });
    // The call's own page was clicked (the launcher, the choice): its sound plays.
    assert.equal(
      await shopper.page.$('expert-call-panel [data-control="start-audio"]'),
      null,
      'no tap asked for on the page the shopper clicked',
    );

    // The next page of the shop, not tapped yet: the conversation's ticket, as the page left
    // it, is all it carries.
    const ticket = await shopper.page.evaluate(() =>
      sessionStorage.getItem('expert-call:conversation'),
    );
    assert.ok(ticket, 'the call left its ticket for the next page');
    await shopper.page.context().close();
    const next = await tapFirstPage();
    await next.context.addInitScript((kept) => {
      sessionStorage.setItem('expert-call:conversation', kept);
    }, ticket);
    await next.page.goto(env.stack.shopUrl);
    shopper = new ShopPage(next.page);
    await shopper.waitForState('in-call');
    await shopper.page.waitForSelector('expert-call-panel [data-control="start-audio"]');
    assert.match(await shopper.panelText(), /Touchez pour entendre Nina/);

    await shopper.page.click('expert-call-panel [data-control="start-audio"]');
    await shopper.page.waitForSelector('expert-call-panel [data-control="start-audio"]', {
      state: 'detached',
    });
    const sound = await shopper.page.waitForFunction(() => {
      const stage = document
        .querySelector('expert-call')
        ?.shadowRoot?.querySelector('expert-call-panel')
        ?.shadowRoot?.querySelector('ec-call-stage')?.shadowRoot;
      const audio = [...(stage?.querySelectorAll('audio') ?? [])];
      return audio.length > 0 && audio.every((a) => !a.paused);
    });
    assert.ok(await sound.jsonValue());
    assert.equal(await shopper.state(), 'in-call');
    await shopper.hangUp();
    await expert.waitForStatus('available');
  });
});
