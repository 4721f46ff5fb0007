/**
 * The LiveKit tokens the hub mints, checked against the real LiveKit server. Each check first
 * shows, with a correctly signed token that has the flaw, what the server would do with it (it
 * trusts whatever a valid token says), then that the hub's own tokens do not have the flaw.
 */
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { AccessToken, RoomServiceClient, type VideoGrant } from 'livekit-server-sdk';
import type { MediaGrant } from '../../src/protocol/index.js';
import { startHubFixture, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { after, before, describe, it } from '../support/node-test.js';

let stack: HubFixture;
let admin: RoomServiceClient;
const otherRoom = 'somebody-elses-conversation';
const peers: HubPeer[] = [];
/** Two conversations rung at once: each side's grant, as the hub sent it. */
const conversations: Array<{ id: string; shopper: MediaGrant; expert: MediaGrant }> = [];
const hubTokens = () =>
  conversations.flatMap((c) => [
    { side: `shopper of ${c.id}`, grant: c.shopper },
    { side: `expert of ${c.id}`, grant: c.expert },
  ]);

const httpUrl = () => stack.livekit.url.replace(/^ws/, 'http');

/** A token signed with the real key and secret: what a flawed minting would hand out. */
async function mint(grant: VideoGrant, ttl: number | string = 600): Promise<string> {
  const token = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, {
    identity: 'shopper-control',
    ttl,
  });
  token.addGrant(grant);
  return token.toJwt();
}

const JOIN = { roomJoin: true, canPublish: true, canSubscribe: true } as const;

/** Asks the real server whether it would let this token join (the same check as a join). */
async function validate(token: string): Promise<number> {
  const response = await fetch(
    `${httpUrl()}/rtc/validate?access_token=${encodeURIComponent(token)}`,
  );
  await response.body?.cancel();
  return response.status;
}

/** Calls the server's room API with `token`; its HTTP status. */
async function roomService(token: string, method: string, body: object): Promise<number> {
  const response = await fetch(`${httpUrl()}/twirp/livekit.RoomService/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.body?.cancel();
  return response.status;
}

/** Every room-service call a participant must not make, on its own room and on another. */
const administration = (room: string): Array<[string, object]> => [
  ['ListParticipants', { room }],
  ['RemoveParticipant', { room, identity: 'someone' }],
  ['MutePublishedTrack', { room, identity: 'someone', track_sid: 'TR_x', muted: true }],
  ['UpdateParticipant', { room, identity: 'someone', metadata: 'x' }],
  ['UpdateRoomMetadata', { room, metadata: 'x' }],
  ['DeleteRoom', { room }],
];

interface Claims {
  sub?: string;
  exp?: number;
  nbf?: number;
  video?: Record<string, unknown>;
}

/** The retargeted token: the same claims with another room, and the original signature. */
function retarget(token: string, room: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Claims;
  claims.video = { ...claims.video, room };
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

before(async () => {
  stack = await startHubFixture();
  admin = new RoomServiceClient(httpUrl(), stack.livekit.apiKey, stack.livekit.apiSecret);
  await admin.createRoom({ name: otherRoom });
  for (const name of ['Gatekeeper', 'Doorkeeper']) {
    const expert = await HubPeer.expert(stack.hub.url, name);
    const shopper = await HubPeer.shopper(stack.hub.url);
    peers.push(expert, shopper);
    const connecting = await shopper.next('shopper.connecting');
    const ring = await expert.next('expert.ring');
    assert.ok(connecting.media && ring.media, 'both sides get a room');
    conversations.push({ id: ring.conversationId, shopper: connecting.media, expert: ring.media });
  }
});

after(async () => {
  await Promise.all(peers.map((p) => p.hangUpAndClose()));
  await stack.stop();
});

describe('LiveKit tokens the hub mints', () => {
  it('are accepted by the real server, each side for its conversation’s room', async () => {
    for (const { side, grant } of hubTokens()) {
      assert.equal(await validate(grant.token), 200, side);
    }
    for (const { shopper, expert } of conversations) assert.equal(shopper.room, expert.room);
    assert.notEqual(conversations[0]!.shopper.room, conversations[1]!.shopper.room);
  });

  it('name their conversation’s room and no other: the server lets a token into any room it names', async () => {
    // What the server does: a valid token for another room opens that room; one naming no room
    // opens none. So the room a token names is the only thing that keeps a shopper out of
    // somebody else's conversation.
    assert.equal(await validate(await mint({ ...JOIN, room: otherRoom })), 200);
    assert.equal(await validate(await mint({ ...JOIN })), 400);

    for (const { side, grant } of hubTokens()) {
      const claims = decodeJwt(grant.token) as Claims;
      assert.equal(claims.video?.['room'], grant.room, side);
      assert.notEqual(grant.room, otherRoom, side);
    }
  });

  it('name the side and the conversation as identity', () => {
    for (const { id, shopper, expert } of conversations) {
      assert.equal((decodeJwt(shopper.token) as Claims).sub, `shopper-${id}`);
      assert.match((decodeJwt(expert.token) as Claims).sub ?? '', /^expert-dev-/);
    }
  });

  it('are refused once their room is changed: the signature covers it', async () => {
    for (const { side, grant } of hubTokens()) {
      assert.equal(await validate(retarget(grant.token, otherRoom)), 401, side);
    }
  });

  it('cannot administer any room, not even their own', async () => {
    // What the server does: a valid token with an admin grant administers its room.
    const control = await mint({ ...JOIN, room: otherRoom, roomAdmin: true });
    assert.equal(await roomService(control, 'ListParticipants', { room: otherRoom }), 200);
    assert.equal(await roomService(await mint({ roomList: true }), 'ListRooms', {}), 200);
    assert.equal(
      await roomService(await mint({ roomCreate: true }), 'CreateRoom', { name: 'made-by-x' }),
      200,
    );

    for (const { side, grant } of hubTokens()) {
      for (const room of [grant.room, otherRoom]) {
        for (const [method, body] of administration(room)) {
          assert.equal(await roomService(grant.token, method, body), 401, `${side}: ${method}`);
        }
      }
      assert.equal(await roomService(grant.token, 'ListRooms', {}), 401, side);
      assert.equal(await roomService(grant.token, 'CreateRoom', { name: 'mine-now' }), 401, side);
      const video = (decodeJwt(grant.token) as Claims).video ?? {};
      for (const power of ['roomAdmin', 'roomCreate', 'roomList', 'roomRecord', 'ingressAdmin']) {
        assert.ok(!video[power], `${side} must not grant ${power}`);
      }
    }
  });

  it('grant joining, publishing and subscribing, and nothing else', () => {
    for (const { side, grant } of hubTokens()) {
      const video = (decodeJwt(grant.token) as Claims).video;
      assert.deepEqual(
        video,
        {
          room: grant.room,
          roomJoin: true,
          canPublish: true,
          canSubscribe: true,
          canPublishData: false,
          canUpdateOwnMetadata: false,
        },
        side,
      );
    }
  });

  it('live minutes, not days: the server would take a token of any lifetime', async () => {
    // What the server does: a valid 30-day token joins; only an expired one is refused.
    assert.equal(await validate(await mint({ ...JOIN, room: otherRoom }, '30d')), 200);
    assert.equal(await validate(await mint({ ...JOIN, room: otherRoom }, -60)), 401);

    const now = Math.floor(Date.now() / 1000);
    for (const { side, grant } of hubTokens()) {
      const { exp, nbf } = decodeJwt(grant.token) as Claims;
      assert.ok(exp !== undefined && exp > now, `${side} is valid now`);
      assert.ok(exp - now <= 10 * 60, `${side} expires within 10 minutes`);
      assert.ok(exp - now >= 5 * 60, `${side} lasts long enough to join during a ring`);
      assert.ok(nbf === undefined || nbf <= now, `${side} is valid from now`);
    }
  });
});
