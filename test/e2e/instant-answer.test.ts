/**
 * Accepting is a switch, not a negotiation, in Chromium through the real hub and LiveKit: while
 * the console rings, the expert's camera and microphone are already published to the room, muted
 * (LiveKit's own server lists them so), and the shopper's panel already shows the call's stage;
 * the shopper's browser decodes no frame of the expert before accept, however long the ring;
 * after accept, frames flow into that same stage.
 */
import assert from 'node:assert/strict';
import { RoomServiceClient } from 'livekit-server-sdk';
import { describe, it } from '../support/node-test.js';
import { eventually, inboundStats } from '../support/browser.js';
import { until } from '../support/deadline.js';
import { ConsolePage, ShopPage, ringExpert } from '../support/pages.js';
import { freshStack, people } from '../support/stack-env.js';

/** The shopper's call stage, through the shadow roots. */
const STAGE = 'expert-call-panel ec-call-stage';

describe('an expert answering', () => {
  const env = freshStack();
  const person = people(env);

  it('publishes muted during the ring, so the shopper decodes nothing of the expert before accept', async () => {
    const expert = new ConsolePage(await person());
    const shopper = new ShopPage(await person());
    await ringExpert(expert, shopper, env.stack, { expertName: 'Camille', mode: 'video' });
    // The stage the expert's picture will show in is there already.
    await shopper.waitForState('connecting');
    await shopper.page.$eval(STAGE, (stage) => stage.setAttribute('data-from-ring', ''));

    // LiveKit's server says the expert's tracks are there, and muted.
    const { livekit } = env.stack;
    const rooms = new RoomServiceClient(
      livekit.url.replace(/^ws/, 'http'),
      livekit.apiKey,
      livekit.apiSecret,
    );
    const staged = await until(
      async () => {
        for (const room of await rooms.listRooms()) {
          for (const participant of await rooms.listParticipants(room.name)) {
            if (participant.tracks.length >= 2) return participant.tracks;
          }
        }
        return [];
      },
      (tracks) => tracks.length >= 2,
      { what: 'the expert’s camera and microphone published during the ring' },
    );
    assert.deepEqual(
      staged.map((track) => track.muted),
      staged.map(() => true),
      'muted until accept',
    );

    // However long the ring lasts, no picture of the expert reaches the shopper.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal((await inboundStats(shopper.page)).videoFramesDecoded, 0);

    await expert.accept();
    await eventually(
      () => inboundStats(shopper.page),
      (stats) => stats.videoFramesDecoded > 0,
      'the expert’s frames decoded at the shopper after accept',
    );
    await shopper.waitForState('in-call');
    assert.equal(
      await shopper.page.$eval(STAGE, (stage) => stage.hasAttribute('data-from-ring')),
      true,
      'the stage of the ring is the call’s: nothing is drawn anew when the call goes live',
    );
  });

  it('shows the shopper the call’s stage while it rings, whose one control cancels the ring', async () => {
    // Another expert: Camille's call of the test before may still be winding down at the hub.
    const expert = new ConsolePage(await person());
    const shopper = new ShopPage(await person());
    await ringExpert(expert, shopper, env.stack, { expertName: 'Inès', mode: 'video' });
    await shopper.waitForState('connecting');
    await shopper.page.waitForSelector(STAGE);
    assert.equal(
      (await shopper.page.textContent('expert-call-panel .ringing'))?.trim(),
      'Mise en relation avec un expert…',
    );
    // Nothing to press that the call does not have yet; the way out says what it does.
    assert.deepEqual(
      await shopper.page
        .locator('expert-call-panel .bar button')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-control'))),
      ['hang-up'],
    );
    assert.equal(
      (await shopper.page.textContent('expert-call-panel [data-control="hang-up"]'))?.trim(),
      'Annuler',
    );

    await shopper.hangUp();
    await shopper.waitForState('ended');
    await expert.page.waitForSelector('expert-console [data-action="accept"]', {
      state: 'detached',
    });
    await expert.waitForStatus('available');
  });
});
