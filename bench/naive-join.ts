/**
 * The yardstick for "accept → first frame": two bare livekit-client pages in one LiveKit room,
 * no hub, no widget. The subscriber is in the room first; at t0 the publisher turns its camera
 * on, and the time to the subscriber's first presented frame is read in the pages (one machine,
 * one clock). What a call would cost if accepting simply published, measured in the same run
 * as ours.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { AccessToken } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import type { LiveKitCredentials } from '../src/server/media/media-rooms.js';
import { newParticipant } from '../test/support/browser.js';

/** The page's script: livekit-client and two functions the bench calls. */
const PAGE_SCRIPT = `
import { Room, RoomEvent } from 'livekit-client';
let room;
window.join = async (url, token) => {
  room = new Room({ adaptiveStream: true, dynacast: true });
  window.firstFrameAt = undefined;
  room.on(RoomEvent.TrackSubscribed, (track) => {
    if (track.kind !== 'video') return;
    const video = track.attach();
    document.body.append(video);
    video.requestVideoFrameCallback(() => {
      window.firstFrameAt = performance.timeOrigin + performance.now();
    });
  });
  await room.connect(url, token);
};
window.publish = async () => {
  const t0 = performance.timeOrigin + performance.now();
  await room.localParticipant.setCameraEnabled(true);
  return t0;
};
window.leave = () => room.disconnect();
`;

export async function naiveJoin(
  browser: Browser,
  livekit: LiveKitCredentials,
  runs: number,
): Promise<number[]> {
  const bundled = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const script = bundled.outputFiles[0]!.text;
  // Served from loopback, as the demo is (a page Playwright made up counts as public, and
  // Chromium's local network checks keep it from LiveKit on 127.0.0.1).
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<!doctype html><body><script type="module">${script}</script></body>`);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const open = async () => {
    const { page, context } = await newParticipant(browser);
    await page.goto(address);
    await page.waitForFunction(() => 'join' in window);
    return { page, context };
  };
  const token = (identity: string, room: string) => {
    const at = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl: 600 });
    at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
    return at.toJwt();
  };
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const room = `naive-${process.pid}-${run}`;
      const subscriber = await open();
      const publisher = await open();
      try {
        const join = (page: typeof subscriber.page, jwt: string) =>
          page.evaluate(
            ([url, t]) =>
              (window as unknown as { join(u: string, t: string): Promise<void> }).join(url!, t!),
            [livekit.url, jwt],
          );
        await join(subscriber.page, await token('subscriber', room));
        await join(publisher.page, await token('publisher', room));
        // As in a call, where both sides are in the room well before accept.
        await new Promise((resolve) => setTimeout(resolve, 800));
        const t0 = await publisher.page.evaluate(() =>
          (window as unknown as { publish(): Promise<number> }).publish(),
        );
        await subscriber.page.waitForFunction(
          () => (window as unknown as { firstFrameAt?: number }).firstFrameAt !== undefined,
        );
        const frameAt = await subscriber.page.evaluate(
          () => (window as unknown as { firstFrameAt: number }).firstFrameAt,
        );
        times.push(frameAt - t0);
      } finally {
        await subscriber.context.close();
        await publisher.context.close();
      }
    }
  } finally {
    server.close();
  }
  return times;
}
