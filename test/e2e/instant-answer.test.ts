/**
 * Accepting is a switch, not a negotiation, in Chromium through the real hub and LiveKit: while
 * the console rings, the expert's camera and microphone are already published to the room, muted
 * (LiveKit's own server lists them so); the shopper's browser decodes no frame of the expert
 * before accept, however long the ring; after accept, frames flow.
 */
import assert from 'node:assert/strict';
import { RoomServiceClient } from 'livekit-server-sdk';
import { describe, it } from '../support/node-test.js';
import { eventually, inboundStats } from '../support/browser.js';
import { until } from '../support/deadline.js';
import { ConsolePage, ShopPage } from '../support/pages.js';
import { freshStack, people } from '../support/stack-env.js';

describe('an expert answering', () => {
  const env = freshStack();
  const person = people(env);

  it('publishes muted during the ring, so the shopper decodes nothing of the expert before accept', async () => {
    const expert = new ConsolePage(await person());
    const shopper = new ShopPage(await person());
    await expert.signIn(env.stack.consoleUrl, 'Camille');
    await expert.goAvailable();
    await shopper.open(env.stack.shopUrl);
    await shopper.choose('video');
    await expert.waitForRing();

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
  });
});
