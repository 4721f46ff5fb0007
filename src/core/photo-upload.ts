/**
 * A photo from the shopper's device to the hub. The browser decodes the file first (anything it
 * cannot decode is not a picture, whatever its name), turns it the way the camera held it and
 * draws it again as a JPEG of at most {@link MAX_SIDE} pixels: a phone's 12-megapixel photo
 * becomes a few hundred kilobytes, quick on a mobile network, and leaves without its Exif
 * block. The hub checks and strips again on its side (server/photos/images.ts): this side's
 * work is for the shopper's data plan, not the hub's safety.
 */
import type { PhotoRef } from '../protocol/index.js';

/** Longest side sent: enough for an expert to read a serial number on a label. */
const MAX_SIDE = 2048;
const QUALITY = 0.85;

/** Why a photo did not go: each is said to the shopper in words, nothing they chose is lost. */
export type PhotoFailure =
  /** The file is not a picture this browser can open. */
  | 'not-a-photo'
  /** Larger than the hub takes, even made smaller. */
  | 'too-large'
  /** The conversation holds all the photos it may. */
  | 'too-many'
  /** No expert in the conversation (yet, or any more). */
  | 'not-open'
  /** The hub could not be reached, or did not answer in time: try again. */
  | 'failed';

// Stryker disable all: only a browser decodes and draws pictures (createImageBitmap,
// OffscreenCanvas); test/browser/photo-prepare.test.ts tests this in Chromium.
/** The picture in `file`, as the JPEG to send; `not-a-photo` when the browser cannot open it. */
export async function photoToSend(file: Blob): Promise<Blob | 'not-a-photo'> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return 'not-a-photo';
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return 'not-a-photo';
    // A transparent PNG would turn black as a JPEG: white behind it, as on paper.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  } finally {
    bitmap.close();
  }
}
// Stryker restore all

/** Sends the photo's bytes with the ticket the hub gave; what the hub stored, or why not. */
export async function uploadPhoto(
  url: string,
  ticket: string,
  photo: Blob,
  signal?: AbortSignal,
): Promise<PhotoRef | PhotoFailure> {
  // Stryker disable next-line LogicalOperator,StringLiteral: the hub reads the picture's bytes, not this header; it is there for the proxies in between
  const type = photo.type || 'image/jpeg';
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${ticket}`, 'content-type': type },
      body: photo,
      credentials: 'omit',
      ...(signal ? { signal } : {}),
    });
  } catch {
    return 'failed';
  }
  if (response.status === 201) return (await response.json()) as PhotoRef;
  const refusal = (await response.json().catch(() => ({}))) as { error?: string };
  switch (refusal.error) {
    case 'not-a-photo':
    case 'too-large':
    case 'too-many':
      return refusal.error;
    default:
      return 'failed';
  }
}
