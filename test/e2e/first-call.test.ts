/**
 * The first complete path, as people live it: a shopper taps the button on the shop's page and
 * talks to an expert working from the console, through the real hub and a real LiveKit server,
 * in Chromium with fake camera and microphone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../demo/stack/stack.js';
import { eventually, inboundStats, launchChromium, newParticipant } from '../support/browser.js';
import { until } from '../support/deadline.js';
import { ConsolePage, ShopPage } from '../support/pages.js';

let stack: Stack;
let browser: Browser;
let expert: ConsolePage;
let shopper: ShopPage;
/** What the hub logged, oldest first. */
const logged: Array<{ event: string; fields: Record<string, unknown> }> = [];

before(async () => {
  stack = await startStack({
    ports: 'free',
    webhook: true,
    log: (event, fields = {}) => void logged.push({ event, fields }),
  });
  browser = await launchChromium();
  expert = new ConsolePage((await newParticipant(browser)).page);
  shopper = new ShopPage((await newParticipant(browser)).page);
  await expert.signIn(stack.consoleUrl, 'Camille');
  await expert.goAvailable();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Shopper taps, chooses video; the console rings with the context; the expert accepts. */
async function connect(): Promise<void> {
  await shopper.open(stack.shopUrl);
  await shopper.choose('video');
  const ring = await expert.waitForRing();
  assert.match(ring, /Lumen/, 'the ring shows the product the shopper is looking at');
  await expert.accept();
  await shopper.waitForState('in-call');
  await expert.waitForStatus('in-call');
}

describe('first call end to end', () => {
  it('puts the shopper through to the expert with media both ways', async () => {
    await connect();

    // Shopper side: the expert's camera is decoded, and the expert's voice arrives.
    const atShopper = await eventually(
      () => inboundStats(shopper.page),
      (s) => s.videoFramesDecoded > 10 && s.audioSamplesReceived > 0,
      'the expert’s video and voice at the shopper',
    );
    assert.ok(atShopper.videoFramesDecoded > 10);
    const playing = await shopper.page.$eval(
      'expert-call-panel ec-call-stage ec-video-tile.remote',
      (tile) => (tile.shadowRoot!.querySelector('video') as HTMLVideoElement).videoWidth,
    );
    assert.ok(playing > 0, 'the remote video element shows a picture');

    // Expert side: the shopper's voice arrives; the shopper's camera stays off (privacy default).
    const atExpert = await eventually(
      () => inboundStats(expert.page),
      (s) => s.audioSamplesReceived > 0,
      'the shopper’s voice at the expert',
    );
    assert.equal(atExpert.videoFramesDecoded, 0, 'the shopper camera is off until they turn it on');

    // LiveKit told the hub, by a signed webhook, that both sides are in the call's room.
    const joined = await until(
      () =>
        logged.filter(
          (l) => l.event === 'media.event' && l.fields['kind'] === 'participant-joined',
        ),
      (lines) => {
        const who = lines.map((l) => String(l.fields['participant']));
        return (
          who.some((w) => w.startsWith('shopper-')) && who.some((w) => w.startsWith('expert-'))
        );
      },
      { what: 'the hub hearing from LiveKit that the shopper and the expert joined' },
    );
    assert.equal(new Set(joined.map((l) => l.fields['room'])).size, 1, 'one room, both sides');
  });

  it('ends the call on both sides when the shopper hangs up, and the expert is available again', async () => {
    await shopper.hangUp();
    await shopper.waitForState('ended');
    assert.match(await shopper.panelText(), /raccroché/);
    await expert.waitForStatus('available');
  });

  it('ends the call on both sides when the expert hangs up', async () => {
    await connect();
    await expert.hangUp();
    await shopper.waitForState('ended');
    assert.match(await shopper.panelText(), /L’expert a terminé l’appel/);
    await expert.waitForStatus('available');
  });

  it('lets the shopper rate the call from the end screen, and the expert’s console shows it', async () => {
    // The end screen of the call the expert just hung up asks about Camille, in French.
    const legend = await shopper.page.textContent('expert-call-panel ec-rating legend');
    assert.equal(legend, 'Comment s’est passée votre conversation avec Camille\u202f?');
    // Four stars with the keyboard: focus the first, then the arrow keys, as a keyboard user.
    await shopper.page.focus('expert-call-panel ec-rating input[aria-label="1 étoile sur 5"]');
    for (let i = 0; i < 3; i++) await shopper.page.keyboard.press('ArrowRight');
    await shopper.page.fill('expert-call-panel ec-rating textarea', 'Très <b>clair</b>, merci');
    await shopper.page.click('expert-call-panel ec-rating button[type="submit"]');
    const thanks = await shopper.page.waitForSelector(
      'expert-call-panel ec-rating [role="status"]',
    );
    assert.equal(await thanks.textContent(), 'Merci\u202f: votre note a été transmise.');

    assert.match(
      await shopper.panelText(),
      /Appel terminé L’expert a terminé l’appel/,
      'the end screen still says what ended',
    );

    const rated = await expert.page.waitForSelector('expert-console .ratings li');
    assert.equal(
      await rated.$eval('.stars', (stars) => stars.getAttribute('aria-label')),
      '4 étoiles sur 5',
    );
    assert.equal(await rated.$eval('q', (q) => q.textContent), 'Très <b>clair</b>, merci');
    assert.equal(await rated.$$eval('b', (bold) => bold.length), 0, 'the comment is text');
    // Stored by the hub, which said so once it was.
    const line = logged.find((l) => l.event === 'conversation.rated');
    assert.equal(line?.fields['stars'], 4);
  });

  it('lets the shopper turn the camera on, and the expert then sees them', async () => {
    await connect();
    await shopper.page.click('expert-call-panel [data-control="camera"]');
    await eventually(
      () => inboundStats(expert.page),
      (s) => s.videoFramesDecoded > 10,
      'the shopper’s video at the expert',
    );
    await shopper.hangUp();
    await expert.waitForStatus('available');
  });

  it('lets the expert tap and draw on the shopper’s picture, and the shopper sees it at that spot', async () => {
    await connect();
    await shopper.page.click('expert-call-panel [data-control="camera"]');
    /**
     * Where `video` shows its frame (`object-fit` contain letterboxes, cover crops), once the
     * stage has settled: the same box twice in a row (one's own view moving into a strip of
     * its own resizes the picture when the video's size becomes known).
     */
    const pictureOf = async (page: typeof expert.page, tile: string, fit: 'contain' | 'cover') => {
      const measure = () =>
        page.$eval(tile, (element) => {
          const video = element.shadowRoot!.querySelector('video')!;
          const { left, top, width, height } = video.getBoundingClientRect();
          return { left, top, width, height, vw: video.videoWidth, vh: video.videoHeight };
        });
      let last = '';
      const { left, top, width, height, vw, vh } = await until(
        measure,
        (box) => {
          const same = JSON.stringify(box) === last;
          last = JSON.stringify(box);
          return box.vw > 0 && same;
        },
        { what: `a settled picture in ${tile}`, everyMs: 200 },
      );
      const scale = (fit === 'contain' ? Math.min : Math.max)(width / vw, height / vh);
      return {
        left: left + (width - vw * scale) / 2,
        top: top + (height - vh * scale) / 2,
        width: vw * scale,
        height: vh * scale,
      };
    };
    const center = async (page: typeof expert.page, selector: string) => {
      const box = (await (await page.waitForSelector(selector)).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const near = (a: { x: number; y: number }, b: { x: number; y: number }, what: string) =>
      assert.ok(
        Math.hypot(a.x - b.x, a.y - b.y) < 3,
        `${what}: at ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`,
      );

    // The expert taps a quarter in from the left and three quarters down the shopper's frame.
    const seen = await pictureOf(
      expert.page,
      'expert-console ec-call-stage ec-video-tile.remote',
      'contain',
    );
    await expert.page.mouse.click(seen.left + 0.25 * seen.width, seen.top + 0.75 * seen.height);
    // Where that spot of the frame is now, should the stage have moved since.
    const now = await pictureOf(
      expert.page,
      'expert-console ec-call-stage ec-video-tile.remote',
      'contain',
    );
    near(
      await center(expert.page, 'expert-console ec-video-tile.remote .mark .dot'),
      { x: now.left + 0.25 * now.width, y: now.top + 0.75 * now.height },
      'the expert’s own mark',
    );

    // The shopper sees it over their own view: mirrored, as that view is, and fitted to it.
    await shopper.page.waitForSelector('expert-call-panel ec-video-tile.self .mark .dot');
    const own = await pictureOf(
      shopper.page,
      'expert-call-panel ec-call-stage ec-video-tile.self',
      'cover',
    );
    near(
      await center(shopper.page, 'expert-call-panel ec-video-tile.self .mark .dot'),
      { x: own.left + (1 - 0.25) * own.width, y: own.top + 0.75 * own.height },
      'the mark over the shopper’s own view',
    );
    assert.equal(
      await shopper.page.$eval('expert-call-panel ec-video-tile.self .marks', (layer) =>
        layer.getAttribute('aria-label'),
      ),
      'Camille a marqué un endroit sur votre image',
    );

    // A stroke across the picture comes as a line; the marks then fade away.
    await expert.page.mouse.move(now.left + 0.2 * now.width, now.top + 0.3 * now.height);
    await expert.page.mouse.down();
    await expert.page.mouse.move(now.left + 0.8 * now.width, now.top + 0.3 * now.height, {
      steps: 12,
    });
    await expert.page.mouse.up();
    // A level line has no height: attached, not "visible" to Playwright.
    const line = await shopper.page.waitForSelector(
      'expert-call-panel ec-video-tile.self .mark polyline.ink',
      { state: 'attached' },
    );
    const points = (await line.getAttribute('points'))!.trim().split(/\s+/);
    assert.ok(points.length > 2, `a line of several points: ${points.join(' ')}`);
    await until(
      () => shopper.page.$$('expert-call-panel ec-video-tile.self .mark'),
      (marks) => marks.length === 0,
      { what: 'the marks fading away' },
    );
    await shopper.hangUp();
    await expert.waitForStatus('available');
  });

  it('lets the shopper turn to their other camera in one tap, and the expert goes on seeing', async () => {
    // The call starts on the last camera (as chosen in the device check); the next one is then
    // the first, both of Chromium's fake cameras that send pictures.
    await shopper.page.goto(stack.shopUrl);
    await shopper.page.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      stream.getTracks().forEach((track) => track.stop());
      const cameras = (await navigator.mediaDevices.enumerateDevices()).filter(
        (d) => d.kind === 'videoinput',
      );
      const last = cameras.find((c) => c.label === 'fake_device_2')!;
      localStorage.setItem('expert-call:devices', JSON.stringify({ videoinput: last.deviceId }));
    });
    await connect();
    assert.equal(
      await shopper.page.$('expert-call-panel [data-control="switch-camera"]'),
      null,
      'nothing to switch while the camera is off',
    );
    await shopper.page.click('expert-call-panel [data-control="camera"]');
    const sent = () =>
      shopper.page.evaluate(() => {
        const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] })
          .__peerConnections;
        return pcs
          .flatMap((pc) => (pc.connectionState === 'closed' ? [] : pc.getSenders()))
          .map((sender) => sender.track)
          .filter((track) => track?.kind === 'video' && track.readyState === 'live')
          .map((track) => track!.label);
      });
    const [before] = await until(sent, (labels) => labels.length === 1, {
      what: 'the shopper’s camera sent',
    });
    await eventually(
      () => inboundStats(expert.page),
      (s) => s.videoFramesDecoded > 10,
      'the shopper’s video at the expert',
    );
    await shopper.page.click('expert-call-panel [data-control="switch-camera"]');
    const [after] = await until(sent, (labels) => labels.length === 1 && labels[0] !== before, {
      what: 'the other camera sent instead',
    });
    assert.deepEqual([before, after], ['fake_device_2', 'fake_device_0']);
    const decoded = (await inboundStats(expert.page)).videoFramesDecoded;
    await eventually(
      () => inboundStats(expert.page),
      (s) => s.videoFramesDecoded > decoded + 10,
      'the shopper’s video still flowing at the expert after the switch',
    );
    await shopper.hangUp();
    await expert.waitForStatus('available');
  });
});

describe('a shopper who refuses the camera and microphone', () => {
  let refusing: Browser;
  let shopperWithoutDevices: ShopPage;

  before(async () => {
    refusing = await launchChromium('denied');
    shopperWithoutDevices = new ShopPage((await newParticipant(refusing, 'denied')).page);
  });
  after(async () => {
    await refusing?.close();
  });

  it('is told plainly, still sees and hears the expert, and can write to them', async () => {
    const previous = shopper;
    shopper = shopperWithoutDevices;
    try {
      await connect();
      await shopper.page.waitForSelector('expert-call-panel .problem');
      assert.match(
        await shopper.panelText(),
        /micro est bloqué. Pour l’utiliser, cliquez sur l’icône à gauche de la barre d’adresse et autorisez le micro/,
      );
      await eventually(
        () => inboundStats(shopper.page),
        (s) => s.videoFramesDecoded > 10 && s.audioSamplesReceived > 0,
        'the expert’s video and voice at a shopper without devices',
      );
      // Turning the camera on is refused too, and said so, without ending the call.
      await shopper.page.click('expert-call-panel [data-control="camera"]');
      await shopper.page.waitForFunction(
        () =>
          document
            .querySelector('expert-call')
            ?.shadowRoot?.querySelector('expert-call-panel')
            ?.shadowRoot?.querySelectorAll('.problem').length === 2,
      );
      assert.equal(await shopper.state(), 'in-call');
      // Without a microphone, the shopper can still be understood: by chat.
      await shopper.page.fill('expert-call-panel ec-chat textarea', 'Je n’ai pas de micro');
      await shopper.page.press('expert-call-panel ec-chat textarea', 'Enter');
      await expert.page.waitForSelector('expert-console ec-chat li:has-text("pas de micro")');
      await shopper.hangUp();
      await expert.waitForStatus('available');
    } finally {
      shopper = previous;
    }
  });
});

describe('chat during a call', () => {
  const SHOPPER_BOX = 'expert-call-panel ec-chat textarea';
  const EXPERT_BOX = 'expert-console ec-chat textarea';

  it('carries typed messages both ways, shown as text and never as markup', async () => {
    await connect();
    const hostile =
      '<img src=x onerror="window.pwned=1"> is this one https://shop.example/lumen-500 ?';
    await shopper.page.fill(SHOPPER_BOX, hostile);
    await shopper.page.press(SHOPPER_BOX, 'Enter');
    await expert.page.waitForSelector('expert-console ec-chat li:has-text("onerror")');
    assert.equal(
      (await expert.page.$$('expert-console ec-chat li img')).length,
      0,
      'no element made from text',
    );
    // Read the probe only once an `onerror` in rendered markup would have run: after an image
    // of the same broken address has failed.
    const pwned = await expert.page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const control = new Image();
          control.onerror = () => resolve('pwned' in window);
          control.src = 'x';
        }),
    );
    assert.equal(pwned, false);
    const link = await expert.page.$eval('expert-console ec-chat li a', (a) => [
      a.getAttribute('href'),
      a.getAttribute('rel'),
    ]);
    assert.deepEqual(link, ['https://shop.example/lumen-500', 'noopener noreferrer nofollow']);
    await shopper.page.waitForSelector('expert-call-panel ec-chat li.mine[data-delivery="sent"]');

    await expert.page.fill(EXPERT_BOX, 'Oui, le 500 a la batterie amovible.');
    await expert.page.press(EXPERT_BOX, 'Enter');
    await shopper.page.waitForSelector(
      'expert-call-panel ec-chat li:has-text("batterie amovible")',
    );
  });

  it('keeps an over-long message in the box with the reason, instead of losing it', async () => {
    await shopper.page.fill(SHOPPER_BOX, 'x'.repeat(2010));
    await shopper.page.press(SHOPPER_BOX, 'Enter');
    assert.match(
      (await shopper.page.textContent('expert-call-panel ec-chat .refusal')) ?? '',
      /10 caractères/,
    );
    assert.equal((await shopper.page.inputValue(SHOPPER_BOX)).length, 2010);
    await shopper.page.fill(SHOPPER_BOX, '');
  });

  it('follows the shopper to another page of the shop, call and transcript included', async () => {
    await shopper.page.goto(new URL('product-2.html', stack.shopUrl).toString());
    await shopper.waitForState('in-call');
    await shopper.page.waitForSelector(
      'expert-call-panel ec-chat li:has-text("batterie amovible")',
    );
    await eventually(
      () => inboundStats(shopper.page),
      (s) => s.videoFramesDecoded > 10,
      'the expert’s video on the shop’s next page',
    );
    await shopper.hangUp();
    await expert.waitForStatus('available');
  });
});
