/**
 * Photos: what the hub takes as one (by its bytes, not its name), what it strips (the camera's
 * Exif with its location, XMP, comments, text chunks), and the whole path through the real hub
 * and storage (PGlite and PostgreSQL): a ticket over the socket, the bytes by HTTP, a line in
 * the transcript at both sides, the photo served at its id to whoever has it, clean. Refused
 * with a reason: no or a forged ticket, a text file named .jpg, too many bytes, too many
 * photos, a photo of another conversation, a photo from the expert's side.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { cleanPhoto, MAX_PHOTO_SIDE, NotAPhotoError } from '../../src/server/photos/images.js';
import { PhotoTickets } from '../../src/server/photos/photo-tickets.js';
import { MAX_PHOTO_BYTES } from '../../src/server/transport/photo-routes.js';
import { MAX_PHOTOS_PER_CONVERSATION } from '../../src/server/photos/photo-store.js';
import { uploadPhoto } from '../../src/core/photo-upload.js';
import type { PhotoRef } from '../../src/protocol/index.js';
import { hubOnEngine } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { liveChat } from '../support/live-chat.js';
import { storageEngines } from '../support/storage-engines.js';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const bytesOf = (...parts: number[][]) => new Uint8Array(parts.flat());
const includes = (haystack: Uint8Array, text: string) =>
  Buffer.from(haystack).includes(Buffer.from(text, 'latin1'));

/** A JPEG segment: FF, its marker, its length (which counts itself), its payload. */
const segment = (marker: number, payload: number[]) => [
  0xff,
  marker,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 0xff,
  ...payload,
];
/** A JPEG laid out as a camera writes one, with Exif (a GPS position), XMP and a comment. */
function cameraJpeg(width = 640, height = 480): Uint8Array {
  return bytesOf(
    [0xff, 0xd8],
    segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    segment(0xe1, [...ascii('Exif\0\0'), ...ascii('GPSLatitude 48.8584 N GPSLongitude 2.2945 E')]),
    segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Paris</x:xmpmeta>')),
    segment(0xe2, [...ascii('ICC_PROFILE\0'), 1, 1, 9, 9]),
    segment(0xed, ascii('Photoshop 3.0\0IPTC city Paris')),
    segment(0xfe, ascii('taken at home')),
    segment(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]),
    segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    segment(0xc4, [0, ...Array.from({ length: 16 }, () => 0)]),
    segment(0xda, [1, 1, 0, 0, 63, 0]),
    [0x12, 0x34, 0xff, 0x00, 0x56],
    [0xff, 0xd9],
  );
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
/** A PNG chunk (its CRC is not checked, so zeros here). */
const chunk = (type: string, data: number[]) => [
  ...u32(data.length),
  ...ascii(type),
  ...data,
  0,
  0,
  0,
  0,
];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
function screenshotPng({ width = 1280, height = 720, idat = true } = {}): Uint8Array {
  return bytesOf(
    PNG_SIGNATURE,
    chunk('IHDR', [...u32(width), ...u32(height), 8, 6, 0, 0, 0]),
    chunk('tEXt', ascii('Author\0Jane Doe')),
    chunk('eXIf', ascii('MM\0*GPS 48.85')),
    chunk('sRGB', [0]),
    idat ? chunk('IDAT', [1, 2, 3, 4]) : [],
    chunk('tIME', [7, 234, 12, 1, 10, 0, 0]),
    chunk('IEND', []),
  );
}

describe('a photo, by its bytes', () => {
  it('keeps a JPEG’s picture and drops its Exif, XMP, IPTC and comments', () => {
    const photo = cleanPhoto(cameraJpeg(640, 480));
    assert.equal(photo.type, 'image/jpeg');
    assert.deepEqual([photo.width, photo.height], [640, 480]);
    for (const gone of ['Exif', 'GPS', 'xmpmeta', 'IPTC', 'taken at home']) {
      assert.ok(!includes(photo.bytes, gone), `no ${gone}`);
    }
    for (const kept of ['JFIF', 'ICC_PROFILE']) assert.ok(includes(photo.bytes, kept), kept);
    // The compressed picture after the start of scan, up to the end, is kept byte for byte.
    assert.deepEqual([...photo.bytes.subarray(-7)], [0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]);
    assert.deepEqual([...photo.bytes.subarray(0, 4)], [0xff, 0xd8, 0xff, 0xe0]);
  });

  it('keeps a PNG’s picture and drops its text, Exif and time', () => {
    const photo = cleanPhoto(screenshotPng({ width: 1280, height: 720 }));
    assert.equal(photo.type, 'image/png');
    assert.deepEqual([photo.width, photo.height], [1280, 720]);
    for (const gone of ['tEXt', 'Jane Doe', 'eXIf', 'tIME']) {
      assert.ok(!includes(photo.bytes, gone), `no ${gone}`);
    }
    for (const kept of ['IHDR', 'sRGB', 'IDAT', 'IEND']) assert.ok(includes(photo.bytes, kept));
  });

  it('refuses what is not a picture, whatever its name, with a reason', () => {
    const refused = (bytes: Uint8Array, why: RegExp) =>
      assert.throws(
        () => cleanPhoto(bytes),
        (error: Error) => error instanceof NotAPhotoError && why.test(error.message),
      );
    refused(new TextEncoder().encode('holiday.jpg: just text'), /not a JPEG or PNG/);
    refused(new Uint8Array(), /not a JPEG or PNG/);
    refused(bytesOf([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]), /not a JPEG or PNG/);
    const jpeg = cameraJpeg();
    refused(jpeg.subarray(0, 40), /ends before its picture|runs past its end/);
    refused(bytesOf([0xff, 0xd8], segment(0xe0, ascii('JFIF\0')), [0xff, 0xd9]), /no picture/);
    refused(bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 1, 0, 0]), /runs past|malformed|ends before/);
    refused(
      bytesOf([0xff, 0xd8], segment(0xda, [1, 1, 0, 0, 63, 0]), [0xff, 0xd9]),
      /before its size/,
    );
    refused(cameraJpeg(0, 480), /no pixels/);
    refused(cameraJpeg(MAX_PHOTO_SIDE + 1, 480), /at most/);
    refused(screenshotPng({ idat: false }), /no picture/);
    refused(screenshotPng({ width: 0 }), /no pixels/);
    refused(screenshotPng().subarray(0, 50), /ends before|runs past/);
    refused(bytesOf(PNG_SIGNATURE, chunk('tEXt', ascii('a\0b')), chunk('IEND', [])), /header/);
  });
});

describe('photo tickets', () => {
  const secret = 'a photo ticket secret of 32 characters or more';
  it('name a conversation and a side, and are refused when forged, altered or expired', async () => {
    const tickets = new PhotoTickets(secret);
    const ticket = await tickets.issue({ conversationId: 'c-1', author: 'shopper' });
    assert.deepEqual(await tickets.check(ticket), { conversationId: 'c-1', author: 'shopper' });
    const forged = await new PhotoTickets(`${secret} but another`).issue({
      conversationId: 'c-1',
      author: 'shopper',
    });
    assert.equal(await tickets.check(forged), undefined);
    const [head, body, signature] = ticket.split('.');
    const altered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), sub: 'c-2' }),
    ).toString('base64url');
    assert.equal(await tickets.check(`${head}.${altered}.${signature}`), undefined);
    const old = await tickets.issue(
      { conversationId: 'c-1', author: 'shopper' },
      Date.now() - 10 * 60_000,
    );
    assert.equal(await tickets.check(old), undefined, 'five minutes, not ten');
  });
});

for (const engine of await storageEngines('photos')) {
  describe(`photos in a conversation (${engine.name})`, () => {
    const hub = hubOnEngine(engine);
    const { track } = hub;

    let experts = 0;
    const live = () => liveChat(hub.stack.hub.url, `Technician ${++experts}`, track);
    async function ticketFor(peer: HubPeer, conversationId: string): Promise<string> {
      peer.send({ type: 'photo.prepare', conversationId });
      return (await peer.next('photo.ticket')).ticket;
    }
    const post = (body: Uint8Array | string, ticket?: string, origin?: string) =>
      fetch(`${hub.stack.hub.url}/photos`, {
        method: 'POST',
        headers: {
          'content-type': 'image/jpeg',
          ...(ticket ? { authorization: `Bearer ${ticket}` } : {}),
          ...(origin ? { origin } : {}),
        },
        body: typeof body === 'string' ? body : Buffer.from(body),
      });

    it('takes a photo with a ticket, shows it to both sides, and serves it without its metadata', async () => {
      const { expert, shopper, conversationId } = await live();
      const ticket = await ticketFor(shopper, conversationId);
      const uploaded = await post(cameraJpeg(800, 600), ticket);
      assert.equal(uploaded.status, 201);
      const info = (await uploaded.json()) as { id: string; width: number; height: number };
      assert.match(info.id, /^[A-Za-z0-9_-]{22}$/);
      assert.deepEqual(info, { id: info.id, type: 'image/jpeg', width: 800, height: 600 });

      shopper.send({
        type: 'chat.photo',
        conversationId,
        clientId: 'photo-0001',
        photoId: info.id,
      });
      const atExpert = await expert.nextWhere('chat.message', (m) => m.author === 'shopper');
      assert.deepEqual(atExpert.photo, info);
      assert.equal(atExpert.clientId, 'photo-0001');
      const atShopper = await shopper.nextWhere('chat.message', (m) => m.author === 'shopper');
      assert.deepEqual(atShopper, atExpert);

      const served = await fetch(`${hub.stack.hub.url}/photos/${info.id}`);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), 'image/jpeg');
      assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
      const bytes = new Uint8Array(await served.arrayBuffer());
      assert.deepEqual(bytes, cleanPhoto(cameraJpeg(800, 600)).bytes);
      assert.ok(!includes(bytes, 'GPS'), 'the location is not served');

      // A resend of the line (after a reconnect) shows the same line once.
      shopper.send({
        type: 'chat.photo',
        conversationId,
        clientId: 'photo-0001',
        photoId: info.id,
      });
      const again = await shopper.nextWhere('chat.message', (m) => m.clientId === 'photo-0001');
      assert.equal(again.seq, atShopper.seq);
    });

    it('answers a page of an allowed origin, before and after sending', async () => {
      const { shopper, conversationId } = await live();
      const origin = 'http://localhost:8080';
      const preflight = await fetch(`${hub.stack.hub.url}/photos`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
      const ticket = await ticketFor(shopper, conversationId);
      const uploaded = await post(screenshotPng(), ticket, origin);
      assert.equal(uploaded.status, 201);
      assert.equal(uploaded.headers.get('access-control-allow-origin'), origin);
    });

    it('refuses without a valid ticket, a non-picture named .jpg, and too many bytes, saying why', async () => {
      const { shopper, conversationId } = await live();
      const noTicket = await post(cameraJpeg());
      assert.equal(noTicket.status, 401);
      assert.equal(((await noTicket.json()) as { error: string }).error, 'ticket');
      const forged = await new PhotoTickets('another secret, of 32 characters or more').issue({
        conversationId,
        author: 'shopper',
      });
      assert.equal((await post(cameraJpeg(), forged)).status, 401);

      const ticket = await ticketFor(shopper, conversationId);
      const text = await post('not a picture, though the file was called photo.jpg', ticket);
      assert.equal(text.status, 415);
      const why = (await text.json()) as { error: string; message: string };
      assert.equal(why.error, 'not-a-photo');
      assert.match(why.message, /not a JPEG or PNG/);

      const huge = new Uint8Array(MAX_PHOTO_BYTES + 1);
      huge.set(cameraJpeg());
      const tooLarge = await post(huge, ticket);
      assert.equal(tooLarge.status, 413);
      assert.equal(((await tooLarge.json()) as { error: string }).error, 'too-large');
      assert.deepEqual(
        await hub.stack.sql('select id from photos where conversation_id = $1', [conversationId]),
        [],
        'nothing refused was stored',
      );
      const unknown = await fetch(`${hub.stack.hub.url}/photos/AAAAAAAAAAAAAAAAAAAAAA`);
      assert.equal(unknown.status, 404);
      assert.equal((await fetch(`${hub.stack.hub.url}/photos/..%2Fetc`)).status, 404);
    });

    it('keeps photos to their conversation and their side, and to a bounded number', async () => {
      const first = await live();
      const second = await live();
      const ticket = await ticketFor(first.shopper, first.conversationId);
      const { id } = (await (await post(cameraJpeg(), ticket)).json()) as { id: string };

      // Another conversation's shopper cannot show it, and the expert asks for no ticket.
      second.shopper.send({
        type: 'chat.photo',
        conversationId: second.conversationId,
        clientId: 'photo-0002',
        photoId: id,
      });
      assert.equal((await second.shopper.refusal()).reason, 'invalid-message');
      first.expert.send({ type: 'photo.prepare', conversationId: first.conversationId });
      assert.equal((await first.expert.refusal()).reason, 'wrong-state');
      first.expert.send({
        type: 'chat.photo',
        conversationId: first.conversationId,
        clientId: 'photo-0003',
        photoId: id,
      });
      assert.equal((await first.expert.refusal()).reason, 'wrong-state');

      for (let i = 1; i < MAX_PHOTOS_PER_CONVERSATION; i++) {
        assert.equal((await post(screenshotPng(), ticket)).status, 201);
      }
      const over = await post(screenshotPng(), ticket);
      assert.equal(over.status, 409);
      assert.equal(((await over.json()) as { error: string }).error, 'too-many');
    });

    it('is read by the panel’s sender (uploadPhoto) as stored, or as the reason it was not', async () => {
      const { shopper, conversationId } = await live();
      const url = `${hub.stack.hub.url}/photos`;
      const ticket = await ticketFor(shopper, conversationId);
      const jpeg = (bytes: Uint8Array, type = 'image/jpeg') => new Blob([bytes.slice()], { type });

      const stored = await uploadPhoto(url, ticket, jpeg(cameraJpeg(320, 240), ''));
      assert.equal(typeof stored, 'object', `stored, not "${String(stored)}"`);
      assert.deepEqual(stored, {
        id: (stored as PhotoRef).id,
        type: 'image/jpeg',
        width: 320,
        height: 240,
      });
      const [row] = await hub.stack.sql('select id from photos where conversation_id = $1', [
        conversationId,
      ]);
      assert.deepEqual(row, { id: (stored as PhotoRef).id }, 'the ticket named this conversation');

      const text = new TextEncoder().encode('not a picture');
      assert.equal(await uploadPhoto(url, ticket, jpeg(text)), 'not-a-photo');
      const huge = new Uint8Array(MAX_PHOTO_BYTES + 1);
      huge.set(cameraJpeg());
      assert.equal(await uploadPhoto(url, ticket, jpeg(huge)), 'too-large');
      for (let i = 1; i < MAX_PHOTOS_PER_CONVERSATION; i++) {
        assert.equal(typeof (await uploadPhoto(url, ticket, jpeg(screenshotPng()))), 'object');
      }
      assert.equal(await uploadPhoto(url, ticket, jpeg(screenshotPng())), 'too-many');

      // Any other refusal, no hub, or the shopper giving up: "failed", to try again.
      const forged = await new PhotoTickets('another secret, of 32 characters or more').issue({
        conversationId,
        author: 'shopper',
      });
      assert.equal(await uploadPhoto(url, forged, jpeg(cameraJpeg())), 'failed');
      assert.equal(
        await uploadPhoto(`${hub.stack.hub.url}/nowhere`, ticket, jpeg(cameraJpeg())),
        'failed',
      );
      assert.equal(
        await uploadPhoto('http://127.0.0.1:1/photos', ticket, jpeg(cameraJpeg())),
        'failed',
      );
      const given = new AbortController();
      given.abort();
      assert.equal(await uploadPhoto(url, ticket, jpeg(cameraJpeg()), given.signal), 'failed');
    });

    it('gives no ticket before the expert has joined', async () => {
      const shopper = track(await HubPeer.shopper(hub.stack.hub.url, 'chat'));
      const { conversationId } = await shopper.next('conversation.opened');
      shopper.send({ type: 'photo.prepare', conversationId });
      assert.equal((await shopper.refusal()).reason, 'wrong-state');
      shopper.send({ type: 'shopper.cancel' });
      await shopper.next('call.ended');
    });
  });
}
