/**
 * The conversation's one transcript (transcript.ts) on a real store (PGlite): a message becomes
 * a frame only once stored, a resend is stored once and said to be one, a system line carries
 * its event, and a side that comes back is sent everything it missed, in order, page after page.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from '../support/node-test.js';
import type { ServerMessage } from '../../src/protocol/index.js';
import { ConversationStore } from '../../src/server/storage/conversation-store.js';
import { Transcript } from '../../src/server/transcript.js';
import { photoId } from '../support/protocol-examples.js';

let store: ConversationStore;
let transcript: Transcript;

before(async () => {
  store = await ConversationStore.open({});
  transcript = new Transcript(store);
});
after(() => store.close());

async function conversation(): Promise<string> {
  const id = `c-${randomUUID().slice(0, 8)}`;
  await store.create({
    id,
    mode: 'video',
    lang: 'fr',
    context: {},
    state: 'queued',
    resumeToken: 'secret-token',
  });
  return id;
}

/** A side's connection that keeps what it was sent. */
function peer() {
  const sent: ServerMessage[] = [];
  return { sent, send: (message: ServerMessage) => void sent.push(message) };
}

const photo = { id: photoId, type: 'image/jpeg', width: 2048, height: 1536 } as const;
const product = { id: 'lumen-3', name: 'Lumen 3' };

describe('Transcript', () => {
  it('gives the frame of a stored message, with its sequence number and time', async () => {
    const id = await conversation();
    const frame = await transcript.append({
      conversationId: id,
      clientId: 'client-1',
      author: 'shopper',
      authorName: 'Zoé',
      text: 'Hello',
    });
    assert.equal(typeof frame.at, 'number');
    assert.deepEqual(frame, {
      type: 'chat.message',
      conversationId: id,
      seq: 1,
      clientId: 'client-1',
      author: 'shopper',
      authorName: 'Zoé',
      text: 'Hello',
      at: frame.at,
    });
    const [stored] = await store.after(id, 0);
    assert.equal(stored?.at, frame.at);
  });

  it('carries a photo and a product card on their lines', async () => {
    const id = await conversation();
    const withPhoto = await transcript.append({
      conversationId: id,
      clientId: 'p',
      author: 'shopper',
      authorName: '',
      text: '',
      photo,
    });
    assert.deepEqual(withPhoto.photo, photo);
    assert.equal('product' in withPhoto, false);
    const withCard = await transcript.append({
      conversationId: id,
      clientId: null,
      author: 'expert',
      authorName: 'Ana',
      text: '',
      product,
    });
    assert.deepEqual(withCard.product, product);
    assert.equal('photo' in withCard, false);
  });

  it('stores a resend once, gives the same frame, and says it was one', async () => {
    const id = await conversation();
    const message = {
      conversationId: id,
      clientId: 'client-1',
      author: 'shopper' as const,
      authorName: 'Zoé',
      text: 'Hello',
    };
    const first = await transcript.appendOnce(message);
    const again = await transcript.appendOnce(message);
    assert.equal(first.duplicate, false);
    assert.equal(again.duplicate, true);
    assert.deepEqual(again.frame, first.frame);
    assert.equal((await store.after(id, 0)).length, 1);
  });

  it('writes a system line with its event, by nobody unless named', async () => {
    const id = await conversation();
    const joined = await transcript.system(id, 'expert-joined', 'Ana');
    assert.deepEqual(
      {
        author: joined.author,
        authorName: joined.authorName,
        text: joined.text,
        clientId: joined.clientId,
      },
      { author: 'system', authorName: 'Ana', text: 'expert-joined', clientId: null },
    );
    const ended = await transcript.system(id, 'call-ended');
    assert.equal(ended.authorName, '');
    assert.equal(ended.seq, joined.seq + 1);
  });

  it('sends a side that comes back what it missed, in order, over many pages', async () => {
    const id = await conversation();
    const count = 1_203;
    for (let i = 1; i <= count; i++) {
      await store.append({
        conversationId: id,
        clientId: null,
        author: 'expert',
        authorName: 'Ana',
        text: `m${i}`,
      });
    }
    const back = peer();
    await transcript.replay(id, back, 700);
    const seqs = back.sent.map((m) => (m.type === 'chat.message' ? m.seq : -1));
    assert.equal(seqs.length, count - 700);
    assert.deepEqual(
      seqs,
      Array.from({ length: count - 700 }, (_, i) => 701 + i),
    );
    assert.deepEqual(back.sent[0], {
      type: 'chat.message',
      conversationId: id,
      seq: 701,
      clientId: null,
      author: 'expert',
      authorName: 'Ana',
      text: 'm701',
      at: (back.sent[0] as { at: number }).at,
    });
    const fromStart = peer();
    await transcript.replay(id, fromStart, 0);
    assert.equal(fromStart.sent.length, count);
    const upToDate = peer();
    await transcript.replay(id, upToDate, count);
    assert.deepEqual(upToDate.sent, []);
  });
});
