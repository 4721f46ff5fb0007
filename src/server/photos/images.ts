/**
 * What a shopper's photo is, read from its bytes (never from its name or the type the browser
 * claims), and the same photo without what could tell more than the picture: the camera's
 * Exif block (where and when it was taken, the phone's model), XMP, IPTC, comments, text.
 *
 * JPEG and PNG only, the two every camera and browser writes (the panel sends JPEG). Both are
 * a list of segments (JPEG) or chunks (PNG): they are walked once, the ones that hold the
 * picture kept as they are, the others dropped. Nothing is decoded, so a photo costs the hub a
 * copy of its bytes, not a decoder's time: a client cannot slow the hub with a crafted image.
 */

export type PhotoType = 'image/jpeg' | 'image/png';

export interface CleanPhoto {
  type: PhotoType;
  width: number;
  height: number;
  /** The photo as stored and served: its picture, without its metadata. */
  bytes: Uint8Array;
}

/** Why bytes are not a photo the hub takes: said to the sender as it is. */
export class NotAPhotoError extends Error {
  override readonly name = 'NotAPhotoError';
}

/** Longest side, in pixels, of a picture the hub takes (a 50-megapixel camera gives ~8,700). */
export const MAX_PHOTO_SIDE = 10_000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The photo in `bytes`, cleaned; throws {@link NotAPhotoError} for anything else. */
export function cleanPhoto(bytes: Uint8Array): CleanPhoto {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return cleanJpeg(bytes);
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return cleanPng(bytes);
  throw new NotAPhotoError('This file is not a JPEG or PNG picture.');
}

const broken = (what: string) => new NotAPhotoError(`This picture is damaged: ${what}.`);

function checkSize(width: number, height: number): void {
  if (width < 1 || height < 1) throw broken('it has no pixels');
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE) {
    throw new NotAPhotoError(`A picture is at most ${MAX_PHOTO_SIDE} pixels on a side.`);
  }
}

// JPEG: SOI, then segments (FF, marker, 2-byte length that counts itself, payload) up to the
// start of scan (SOS), after which comes the compressed picture and the end (EOI).
const SOS = 0xda;
const EOI = 0xd9;
/** Start of frame: every SOFn (C0–CF) but DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/**
 * Application segments kept: APP0 (JFIF), APP2 (the colour profile) and APP14 (Adobe, which
 * says how colours are coded). APP1 (Exif, XMP), APP13 (IPTC) and the rest go, with comments.
 */
const keptApp = new Set([0xe0, 0xe2, 0xee]);

function cleanJpeg(bytes: Uint8Array): CleanPhoto {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let size: { width: number; height: number } | undefined;
  let at = 2;
  for (;;) {
    if (at + 2 > bytes.length) throw broken('it ends before its picture');
    if (bytes[at] !== 0xff) throw broken('a segment is malformed');
    const marker = bytes[at + 1]!;
    // Fill bytes (FF FF …) may come between segments.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === EOI) throw broken('it has no picture');
    if (at + 4 > bytes.length) throw broken('it ends before its picture');
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw broken('a segment runs past its end');
    if (isStartOfFrame(marker)) {
      if (length < 8) throw broken('its frame header is short');
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      checkSize(width, height);
      size = { width, height };
    }
    const metadata = (marker >= 0xe0 && marker <= 0xef && !keptApp.has(marker)) || marker === 0xfe;
    if (!metadata) kept.push(bytes.subarray(at, end));
    if (marker === SOS) {
      if (!size) throw broken('its picture comes before its size');
      kept.push(bytes.subarray(end));
      return { type: 'image/jpeg', ...size, bytes: concat(kept) };
    }
    at = end;
  }
}

// PNG: the signature, then chunks (4-byte length, 4-byte type, data, 4-byte CRC), IHDR first
// and IEND last. Chunks that hold the picture or say how to show it are kept; text (tEXt,
// zTXt, iTXt), Exif (eXIf) and the time it was last changed (tIME) go, as does any chunk this
// list does not know.
const keptChunks = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'bKGD',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

function cleanPng(bytes: Uint8Array): CleanPhoto {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let size: { width: number; height: number } | undefined;
  let picture = false;
  for (let at = 8; ;) {
    if (at + 12 > bytes.length) throw broken('it ends before its last chunk');
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > bytes.length) throw broken('a chunk runs past its end');
    if (!size) {
      if (type !== 'IHDR' || length !== 13) throw broken('it does not start with its header');
      size = { width: view.getUint32(at + 8), height: view.getUint32(at + 12) };
      checkSize(size.width, size.height);
    }
    if (keptChunks.has(type)) kept.push(bytes.subarray(at, end));
    if (type === 'IDAT') picture = true;
    if (type === 'IEND' && !picture) throw broken('it has no picture');
    if (type === 'IEND') return { type: 'image/png', ...size, bytes: concat(kept) };
    at = end;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
