/**
 * A shopper's LiveKit token, as the hub mints it, checked against the real LiveKit server:
 * it opens its own room, and nothing else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { MediaGrant } from '../../src/protocol/index.js';
import { startHubFixture, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';

let stack: HubFixture;
let shopperGrant: MediaGrant;
let admin: RoomServiceClient;
const otherRoom = 'somebody-elses-conversation';
const peers: HubPeer[] = [];

const httpUrl = () => stack.livekit.url.replace(/^ws/, 'http');

/** Asks the real server whether it would let this token join (the same check as a join). */
async function validate(token: string): Promise<number> {
  const response = await fetch(
    `${httpUrl()}/rtc/validate?access_token=${encodeURIComponent(token)}`,
  );
  await response.body?.cancel();
  return response.status;
}

/** The same token with its room claim changed: what a shopper would try to get into another room. */
function retarget(token: string, room: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
    video: { room: string };
  };
  claims.video.room = room;
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

before(async () => {
  stack = await startHubFixture();
  admin = new RoomServiceClient(httpUrl(), stack.livekit.apiKey, stack.livekit.apiSecret);
  await admin.createRoom({ name: otherRoom });
  peers.push(await HubPeer.expert(stack.hub.url, 'Gatekeeper'));
  const shopper = await HubPeer.shopper(stack.hub.url);
  peers.push(shopper);
  shopperGrant = (await shopper.next('shopper.connecting')).media!;
});

after(async () => {
  await Promise.all(peers.map((p) => p.close()));
  await stack.stop();
});

describe('shopper LiveKit token', () => {
  it('is accepted by the real server for its own room', async () => {
    assert.equal(await validate(shopperGrant.token), 200);
  });

  it('is refused by the real server for a different room', async () => {
    const status = await validate(retarget(shopperGrant.token, otherRoom));
    assert.equal(status, 401);
  });

  it('cannot administer rooms: listing, creating or removing participants is refused', async () => {
    const asShopper = async (method: string, body: object) => {
      const response = await fetch(`${httpUrl()}/twirp/livekit.RoomService/${method}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${shopperGrant.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      await response.body?.cancel();
      return response.status;
    };
    assert.equal(await asShopper('ListRooms', {}), 401);
    assert.equal(await asShopper('CreateRoom', { name: 'mine-now' }), 401);
    assert.equal(await asShopper('RemoveParticipant', { room: otherRoom, identity: 'x' }), 401);
    assert.equal(await asShopper('ListParticipants', { room: otherRoom }), 401);
  });
});
