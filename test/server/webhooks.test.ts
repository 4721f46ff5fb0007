/**
 * The hub knows what the media did: LiveKit's webhooks, posted by a real LiveKit server to the
 * hub, or by the test signed as LiveKit signs them. Only a body signed with the hub's own key
 * is taken, and a room that finishes under a live call leaves the conversation in chat.
 */
import assert from 'node:assert/strict';
import { RoomServiceClient } from 'livekit-server-sdk';
import { after, before, describe, it } from '../support/node-test.js';
import { until } from '../support/deadline.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { postWebhook, signature } from '../support/webhooks.js';

let stack: HubFixture;
const track = trackPeers(() => stack);

before(async () => {
  stack = await startHubFixture({ webhook: true });
});
after(async () => {
  await stack.stop();
});

/** A shopper and an expert in a live call: its conversation and its LiveKit room. */
async function liveCall(name: string) {
  const expert = track(await HubPeer.expert(stack.hub.url, name));
  const shopper = track(await HubPeer.shopper(stack.hub.url));
  const ring = await expert.next('expert.ring');
  expert.send({ type: 'expert.accept', conversationId: ring.conversationId });
  await Promise.all([shopper.next('call.live'), expert.next('call.live')]);
  return { expert, shopper, conversationId: ring.conversationId, room: ring.media!.room };
}

/** The hub's log lines named `event` that mention `room`, once there are some. */
function loggedFor(event: string, room: string) {
  return until(
    () => stack.logged.filter((l) => l.event === event && l.fields['room'] === room),
    (lines) => lines.length > 0,
    { what: `the hub logging ${event} for ${room}` },
  );
}

const livekitRooms = () =>
  new RoomServiceClient(
    stack.livekit.url.replace(/^ws/, 'http'),
    stack.livekit.apiKey,
    stack.livekit.apiSecret,
  );

const joined = (room: string, identity: string) =>
  JSON.stringify({
    event: 'participant_joined',
    room: { sid: 'RM_test', name: room },
    participant: { sid: 'PA_test', identity },
    id: 'EV_test',
    createdAt: String(Math.floor(Date.now() / 1000)),
  });

describe('LiveKit webhooks at the hub', () => {
  it('takes an event signed with the hub’s key, and logs it against the conversation', async () => {
    const { conversationId, room } = await liveCall('Signed');
    const body = joined(room, 'shopper-from-the-test');

    const status = await postWebhook(stack.hub.url, body, {
      authorization: await signature(body, stack.livekit),
    });

    assert.equal(status, 204);
    const [line] = await until(
      () =>
        stack.logged.filter(
          (l) => l.event === 'media.event' && l.fields['participant'] === 'shopper-from-the-test',
        ),
      (lines) => lines.length > 0,
      { what: 'the hub logging the signed participant_joined' },
    );
    assert.deepEqual(line!.fields, {
      kind: 'participant-joined',
      room,
      participant: 'shopper-from-the-test',
      conversation: conversationId,
    });
  });

  it('refuses an event signed with another secret, or not signed, with 401', async () => {
    const body = joined('conversation-forged', 'intruder');
    const forged = await signature(body, {
      apiKey: stack.livekit.apiKey,
      apiSecret: 'not-the-secret-of-this-hub-0123456789',
    });
    assert.equal(await postWebhook(stack.hub.url, body, { authorization: forged }), 401);
    assert.equal(await postWebhook(stack.hub.url, body), 401);
    // Signed for another body: the hash in the token does not match.
    const other = await signature(joined('conversation-other', 'x'), stack.livekit);
    assert.equal(await postWebhook(stack.hub.url, body, { authorization: other }), 401);
    assert.ok(
      !stack.logged.some((l) => l.fields['participant'] === 'intruder'),
      'nothing of the refused bodies reached the hub',
    );
  });

  it('refuses a body over 64 KB with 413, whether its length is said or it comes in chunks', async () => {
    const body = JSON.stringify({ event: 'room_finished', padding: 'x'.repeat(70 * 1024) });
    const authorization = await signature(body, stack.livekit);
    assert.equal(await postWebhook(stack.hub.url, body, { authorization }), 413);
    assert.equal(await postWebhook(stack.hub.url, body, { authorization, chunked: true }), 413);
    // Chunks that stay under the limit are read whole.
    const small = joined('conversation-chunked', 'chunks');
    const signed = await signature(small, stack.livekit);
    assert.equal(
      await postWebhook(stack.hub.url, small, { authorization: signed, chunked: true }),
      204,
    );
  });

  it('ignores, saying why, an event for a room no conversation has and one it does not act on', async () => {
    const body = joined('conversation-nobody-has', 'ghost');
    assert.equal(
      await postWebhook(stack.hub.url, body, {
        authorization: await signature(body, stack.livekit),
      }),
      204,
    );
    const [line] = await loggedFor('media.ignored', 'conversation-nobody-has');
    assert.equal(line!.fields['reason'], 'no open conversation has this room');

    const track = JSON.stringify({ event: 'track_published', room: { name: 'r' } });
    assert.equal(
      await postWebhook(stack.hub.url, track, {
        authorization: await signature(track, stack.livekit),
      }),
      204,
    );
    await until(
      () => stack.logged.filter((l) => l.fields['webhook'] === 'track_published'),
      (lines) => lines.length === 1 && /does not act on/.test(String(lines[0]!.fields['reason'])),
      { what: 'the hub saying it does not act on track_published' },
    );
  });

  it('has LiveKit keep a call’s room longer than the hub waits for a side to come back', async () => {
    const { room } = await liveCall('Grace');
    const [info] = await livekitRooms().listRooms([room]);
    // The fixture's reconnect grace is 30 s: a room finished within it would end a call that
    // both sides could still come back to.
    assert.ok(info!.departureTimeout > 30, `departure timeout ${info!.departureTimeout} s`);
  });

  it('leaves a live call in chat when LiveKit says its room finished', async () => {
    const { expert, shopper, conversationId, room } = await liveCall('Finished');
    // The room goes away under the call, as when a LiveKit node is lost; LiveKit itself
    // posts room_finished to the hub.
    await livekitRooms().deleteRoom(room);

    const [atShopper, atExpert] = await Promise.all([
      shopper.next('conversation.chat'),
      expert.next('conversation.chat'),
    ]);
    assert.equal(atShopper.reason, 'media-lost');
    assert.equal(atExpert.conversationId, conversationId);
    const said = await shopper.next('chat.message');
    assert.equal(said.author, 'system');
    assert.equal(said.text, 'media-lost', 'the transcript says why the video stopped');
    const [line] = await loggedFor('media.event', room);
    assert.equal(line!.fields['kind'], 'room-finished');
    // The conversation carries on in writing.
    shopper.send({
      type: 'chat.send',
      conversationId,
      clientId: 'after-room',
      text: 'Still here?',
    });
    await expert.nextWhere('chat.message', (m) => m.text === 'Still here?');
  });

  it('ignores LiveKit’s word of a room the hub let go itself, once the call moved on', async () => {
    const { expert, shopper, conversationId, room } = await liveCall('Chosen');
    shopper.send({ type: 'media.switch', conversationId, to: 'chat' });
    assert.equal((await expert.next('conversation.chat')).reason, 'chosen');

    // The hub closed the call's room; LiveKit says it finished, and nothing changes.
    const [line] = await loggedFor('media.ignored', room);
    assert.equal(line!.fields['kind'], 'room-finished');
    assert.equal(line!.fields['reason'], 'no longer the room of its conversation');
    shopper.send({
      type: 'chat.send',
      conversationId,
      clientId: 'still-written',
      text: 'Par écrit',
    });
    await expert.nextWhere('chat.message', (m) => m.text === 'Par écrit');
    assert.ok(
      !expert.received.some((m) => m.type === 'conversation.chat' && m.reason === 'media-lost'),
      'the conversation stays in chat as chosen',
    );
  });
});
