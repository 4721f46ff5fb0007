/**
 * A third participant in a call's room (a recorder, an agent that a hosted LiveKit dispatches)
 * is neither shown nor heard as the other side: each browser shows and plays only the identity
 * the hub named in its token's grant.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from '../support/node-test.js';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import type * as LivekitClient from 'livekit-client';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../../demo/stack/stack.js';
import { eventually, inboundStats, launchChromium, newParticipant } from '../support/browser.js';
import { ConsolePage, ShopPage, putThrough } from '../support/pages.js';

/** livekit-client's browser build, for a page that is not ours (not in the package's exports). */
const LIVEKIT_UMD = join(
  dirname(createRequire(import.meta.url).resolve('livekit-client')),
  'livekit-client.umd.js',
);

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await startStack({ ports: 'free' });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** What a page plays: `<audio>` elements with a stream, `<video>` elements showing a picture. */
function playing(page: Page): Promise<{ audio: number; video: number }> {
  return page.evaluate(() => {
    // A loop, not a recursive helper: the test loader would wrap a named one in a helper
    // the page does not have.
    const found = { audio: 0, video: 0 };
    const roots: Array<Document | ShadowRoot> = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLAudioElement && element.srcObject) found.audio++;
        if (element instanceof HTMLVideoElement && element.videoWidth > 0) found.video++;
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    return found;
  });
}

/** Joins `room` from a page of its own, as a participant the hub never invited, camera and mic on. */
async function stranger(room: string): Promise<Page> {
  const token = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, {
    identity: 'recorder',
    name: 'Recorder',
  });
  token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true });
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    bypassCSP: true,
  });
  const page = await context.newPage();
  // Any page of the loopback origin: a secure context, where the browser offers devices.
  await page.goto(new URL('/not-a-page', stack.shopUrl).toString());
  await page.addScriptTag({ path: LIVEKIT_UMD });
  await page.evaluate(
    async ({ url, jwt }) => {
      const { Room } = (window as unknown as { LivekitClient: typeof LivekitClient }).LivekitClient;
      const intruder = new Room();
      await intruder.connect(url, jwt);
      await intruder.localParticipant.enableCameraAndMicrophone();
    },
    { url: stack.livekit.url, jwt: await token.toJwt() },
  );
  return page;
}

describe('a stranger in the call’s room', () => {
  it('is neither shown nor heard on either side, though their media arrives', async () => {
    const expert = new ConsolePage((await newParticipant(browser)).page);
    const shopper = new ShopPage((await newParticipant(browser)).page);
    // A voice call: nobody the hub invited sends video, so any picture would be the stranger's.
    await putThrough(expert, shopper, stack, { expertName: 'Inès', mode: 'audio' });
    const rooms = await new RoomServiceClient(
      stack.livekit.url.replace(/^ws/, 'http'),
      stack.livekit.apiKey,
      stack.livekit.apiSecret,
    ).listRooms();
    assert.equal(rooms.length, 1);
    await stranger(rooms[0]!.name);

    for (const side of [shopper.page, expert.page]) {
      // The stranger's camera reaches this browser (it subscribes to the room), and so does
      // their voice, published with it...
      await eventually(
        () => inboundStats(side),
        (s) => s.videoFramesDecoded > 10,
        'the stranger’s camera decoded',
      );
      // ...yet the page shows no picture, and plays one voice: the other side's.
      assert.deepEqual(await playing(side), { audio: 1, video: 0 });
    }
  });
});
