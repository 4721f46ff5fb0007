/**
 * A photo made ready in the browser before it leaves (photoToSend), in a real Chromium: decoded
 * by the browser whatever its name, made no larger than 2048 pixels on its longest side with its
 * shape kept, drawn as a JPEG on white (a transparent PNG does not turn black), and a file that is
 * no picture refused as such.
 */
import { expect } from '@esm-bundle/chai';
import { photoToSend } from '../../src/core/photo-upload.js';

/** A PNG of `width` × `height`: red on the left half, transparent on the right. */
async function png(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#f00';
  context.fillRect(0, 0, Math.ceil(width / 2), height);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** The colour of the pixel at (x, y) of a picture. */
async function pixel(picture: Blob, x: number, y: number): Promise<number[]> {
  const bitmap = await createImageBitmap(picture);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return [...context.getImageData(x, y, 1, 1).data];
}

async function sizeOf(picture: Blob): Promise<[number, number]> {
  const bitmap = await createImageBitmap(picture);
  return [bitmap.width, bitmap.height];
}

const near = (actual: number[], expected: number[]) =>
  actual.every((value, i) => Math.abs(value - expected[i]!) <= 16);

describe('a photo made ready to send', () => {
  it('is a JPEG no larger than 2048 pixels on its longest side, its shape kept', async () => {
    const wide = await photoToSend(await png(4000, 3000));
    expect(wide).to.be.instanceOf(Blob);
    expect((wide as Blob).type).to.equal('image/jpeg');
    expect(await sizeOf(wide as Blob)).to.deep.equal([2048, 1536]);

    const tall = await photoToSend(await png(1000, 5000));
    expect(await sizeOf(tall as Blob)).to.deep.equal([410, 2048]);
  });

  it('is not made larger when it is small, nor narrower than a pixel', async () => {
    expect(await sizeOf((await photoToSend(await png(640, 480))) as Blob)).to.deep.equal([
      640, 480,
    ]);
    expect(await sizeOf((await photoToSend(await png(6000, 1))) as Blob)).to.deep.equal([2048, 1]);
  });

  it('turns what was transparent white, and keeps the picture', async () => {
    const sent = (await photoToSend(await png(200, 100))) as Blob;
    expect(near(await pixel(sent, 50, 50), [255, 0, 0, 255])).to.equal(true, 'red stays red');
    expect(near(await pixel(sent, 150, 50), [255, 255, 255, 255])).to.equal(
      true,
      'transparent is white, not black',
    );
  });

  it('refuses a file that is no picture, whatever it is called', async () => {
    const text = new File(['not a picture'], 'photo.jpg', { type: 'image/jpeg' });
    expect(await photoToSend(text)).to.equal('not-a-photo');
  });
});
