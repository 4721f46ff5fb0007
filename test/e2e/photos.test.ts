/**
 * A photo from the shopper, in Chromium through the real hub and LiveKit: picked from a file in
 * the panel, made ready in the browser, sent with the hub's ticket, shown in both chats; the
 * expert's picture is the hub's copy, full size a tap away. A file that is no picture, though
 * it is called .jpg, is refused in the panel with words, and nothing reaches the expert.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { until } from '../support/deadline.js';
import { ConsolePage, ShopPage, putThrough } from '../support/pages.js';
import { freshStack, people } from '../support/stack-env.js';

const PICKER = 'expert-call-panel ec-chat input[type="file"]';

describe('a photo sent in a conversation', () => {
  const env = freshStack();
  const person = people(env);

  it('crosses from a file in the panel to the expert, and a non-picture named .jpg does not', async () => {
    const expert = new ConsolePage(await person());
    const shopper = new ShopPage(await person());
    await putThrough(expert, shopper, env.stack, { expertName: 'Camille', mode: 'chat' });

    // Not a picture, whatever its name says: refused in words, the expert sees nothing.
    await shopper.page.setInputFiles(PICKER, {
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('These are the words of a text file, not a photo.'),
    });
    const refusal = await shopper.page.waitForSelector('expert-call-panel ec-chat p.refusal');
    assert.equal(
      await refusal.textContent(),
      'Ce fichier n’est pas une photo. Choisissez une image.',
    );

    // A picture of the broken part (drawn here: a PNG of 1200 × 800).
    const png = Buffer.from(
      await shopper.page.evaluate(async () => {
        const canvas = new OffscreenCanvas(1200, 800);
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#2a6';
        context.fillRect(0, 0, 1200, 800);
        context.fillStyle = '#c22';
        context.fillRect(500, 300, 200, 200);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        return [...new Uint8Array(await blob.arrayBuffer())];
      }),
    );
    await shopper.page.setInputFiles(PICKER, {
      name: 'chain.png',
      mimeType: 'image/png',
      buffer: png,
    });
    const atExpert = await expert.page.waitForSelector('expert-console ec-chat li.photo img');
    const seen = await until(
      () =>
        atExpert.evaluate((img) => {
          const image = img as HTMLImageElement;
          return {
            loaded: image.complete && image.naturalWidth > 0,
            width: image.naturalWidth,
            height: image.naturalHeight,
            src: image.src,
            link: (image.parentElement as HTMLAnchorElement).href,
          };
        }),
      (state) => state.loaded,
      { what: 'the photo loaded in the expert’s chat' },
    );
    assert.deepEqual([seen.width, seen.height], [1200, 800], 'full size');
    assert.match(seen.src, /\/photos\/[A-Za-z0-9_-]{22}$/);
    assert.equal(seen.link, seen.src, 'a tap opens it full size');
    assert.equal(new URL(seen.src).port, new URL(env.stack.hub.url).port, 'served by the hub');

    // The shopper sees it as their own line, sent; the refusal is gone.
    const mine = await shopper.page.waitForSelector(
      'expert-call-panel ec-chat li.photo.mine[data-delivery="sent"] img',
    );
    assert.equal(await mine.getAttribute('src'), seen.src);
    assert.equal(await shopper.page.$('expert-call-panel ec-chat p.refusal'), null);

    // The hub's copy is a JPEG, whatever the file was: made ready in the browser.
    const served = await fetch(seen.src);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.equal(await expert.page.$$eval('expert-console ec-chat li.photo', (l) => l.length), 1);
  });
});
