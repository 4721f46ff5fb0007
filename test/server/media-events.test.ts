/**
 * What the hub makes of a verified LiveKit webhook, before any hub acts on it: the events it
 * takes, the ones it leaves with a reason, the same shape checked again when it crosses the
 * bus, and a hub that knows of nobody running the conversations saying it dropped one.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { WebhookEvent } from 'livekit-server-sdk';
import { describe, it } from '../support/node-test.js';
import { LocalBus } from '../../src/server/bus/local-bus.js';
import { ClusterNode } from '../../src/server/cluster/cluster-node.js';
import { decodeWire } from '../../src/server/cluster/wire.js';
import { conversationOfRoom } from '../../src/server/media/conversation-media.js';
import { mediaEventOf } from '../../src/server/media/media-events.js';
import { until } from '../support/deadline.js';

const webhook = (json: Parameters<typeof WebhookEvent.fromJson>[0]) => WebhookEvent.fromJson(json);

describe('a verified webhook as the hub takes it', () => {
  it('takes participants joining and leaving, and rooms finishing, with who and where', () => {
    assert.deepEqual(
      mediaEventOf(
        webhook({
          event: 'participant_joined',
          room: { sid: 'RM_1', name: 'conversation-a' },
          participant: { sid: 'PA_1', identity: 'shopper-a' },
        }),
      ),
      { event: { kind: 'participant-joined', room: 'conversation-a', participant: 'shopper-a' } },
    );
    assert.deepEqual(
      mediaEventOf(
        webhook({
          event: 'participant_left',
          room: { name: 'conversation-a' },
          participant: { identity: 'expert-b' },
        }),
      ),
      { event: { kind: 'participant-left', room: 'conversation-a', participant: 'expert-b' } },
    );
    assert.deepEqual(
      mediaEventOf(webhook({ event: 'room_finished', room: { name: 'conversation-a' } })),
      { event: { kind: 'room-finished', room: 'conversation-a' } },
    );
  });

  it('leaves the events it does not act on, and those missing a room or a participant, saying why', () => {
    const track = mediaEventOf(webhook({ event: 'track_published', room: { name: 'r' } }));
    assert.equal(track.event, undefined);
    assert.match(track.ignored ?? '', /does not act on "track_published"/);

    const nobody = mediaEventOf(webhook({ event: 'participant_joined', room: { name: 'r' } }));
    assert.equal(nobody.event, undefined);
    assert.match(nobody.ignored ?? '', /without participant/);

    const nowhere = mediaEventOf(webhook({ event: 'room_finished' }));
    assert.equal(nowhere.event, undefined);
    assert.match(nowhere.ignored ?? '', /without room/);
  });

  it('knows the conversation a room was opened for, by its name, and no other room', () => {
    const id = randomUUID();
    assert.equal(conversationOfRoom(`conversation-${id}-0a1b2c3d`), id);
    assert.equal(conversationOfRoom('conversation-'), undefined);
    assert.equal(conversationOfRoom('someone-elses-room'), undefined);
  });
});

describe('a media event between hubs', () => {
  it('is checked again when it arrives on the bus', () => {
    const event = { kind: 'room-finished', room: 'conversation-a' };
    assert.deepEqual(decodeWire(JSON.stringify({ t: 'media', hub: 'h1', event })), {
      t: 'media',
      hub: 'h1',
      event,
    });
    const roomless = { t: 'media', hub: 'h1', event: { kind: 'room-finished' } };
    assert.equal(decodeWire(JSON.stringify(roomless)), undefined);
    const unknown = { t: 'media', hub: 'h1', event: { kind: 'track-published', room: 'r' } };
    assert.equal(decodeWire(JSON.stringify(unknown)), undefined);
  });

  it('is dropped, with the reason logged, by a hub that knows of nobody running the conversations', async () => {
    const logged: Array<{ event: string; fields?: Record<string, unknown> }> = [];
    // Its storage does not answer, so it never learns who holds the shop's lease.
    const node = await ClusterNode.join({
      shopId: `media-${randomUUID().slice(0, 8)}`,
      bus: new LocalBus(),
      db: { query: () => Promise.reject(new Error('storage down (a fault the test put there)')) },
      leaseMs: 1_000,
      log: (event, fields) => void logged.push({ event, ...(fields ? { fields } : {}) }),
      startHub: () => Promise.reject(new Error('never leads')),
      availability: () => {
        throw new Error('not asked');
      },
    });
    try {
      node.media({ kind: 'room-finished', room: 'conversation-a' });
      const [dropped] = await until(
        () => logged.filter((l) => l.event === 'cluster.media-dropped'),
        (lines) => lines.length > 0,
        { what: 'the hub saying it dropped the event' },
      );
      assert.equal(dropped!.fields?.['reason'], 'no holder known');
    } finally {
      await node.close();
    }
  });
});
