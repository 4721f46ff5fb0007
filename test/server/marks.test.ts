/**
 * The expert's marks on the shopper's picture, through the hub's real WebSocket with a real
 * LiveKit server: passed on to the shopper of that call as they came, and refused with a reason
 * from anyone else, outside a call, or out of the frame, with nothing passed on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from '../support/node-test.js';
import { MAX_MARK_POINTS } from '../../src/protocol/index.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';

let stack: HubFixture;
const track = trackPeers(() => stack);

before(async () => {
  stack = await startHubFixture();
});
after(() => stack.stop());

let experts = 0;
/** A live conversation between a fresh expert and a fresh shopper, by video or in chat. */
async function live(mode: 'video' | 'chat') {
  const expert = track(await HubPeer.expert(stack.hub.url, `Pointer ${++experts}`));
  const shopper = track(await HubPeer.shopper(stack.hub.url, mode));
  const { conversationId } = await shopper.next('conversation.opened');
  await expert.nextWhere('expert.ring', (r) => r.conversationId === conversationId);
  expert.send({ type: 'expert.accept', conversationId });
  await shopper.next(mode === 'chat' ? 'conversation.chat' : 'call.live');
  return { expert, shopper, conversationId };
}

/** Ends a test's conversation and steps its expert away, so the next shopper rings another. */
async function end({ expert, conversationId }: { expert: HubPeer; conversationId: string }) {
  expert.send({ type: 'call.end', conversationId });
  await expert.next('call.ended');
  expert.send({ type: 'expert.set-presence', status: 'away' });
  await expert.nextWhere('expert.presence', (p) => p.status === 'away');
}

describe('the expert marks the shopper’s picture', () => {
  it('passes a tap and a stroke on to the shopper as they came, in the frame’s coordinates', async () => {
    const call = await live('video');
    const tap = [{ x: 0.25, y: 0.75 }];
    const stroke = Array.from({ length: MAX_MARK_POINTS }, (_, i) => ({
      x: i / (MAX_MARK_POINTS - 1),
      y: 0.5,
    }));
    call.expert.send({ type: 'expert.mark', conversationId: call.conversationId, points: tap });
    call.expert.send({ type: 'expert.mark', conversationId: call.conversationId, points: stroke });
    assert.deepEqual(await call.shopper.next('call.mark'), {
      type: 'call.mark',
      conversationId: call.conversationId,
      points: tap,
    });
    assert.deepEqual((await call.shopper.next('call.mark')).points, stroke);
    assert.deepEqual(
      (await call.expert.roundTrip()).filter((m) => m.type === 'call.mark'),
      [],
      'the expert is not sent their own mark',
    );
    await end(call);
  });

  it('refuses marks from the shopper, outside a call, and out of the frame, passing none on', async () => {
    const call = await live('video');
    const { conversationId } = call;
    call.shopper.send({ type: 'expert.mark', conversationId, points: [{ x: 0.5, y: 0.5 }] });
    assert.equal((await call.shopper.refusal()).reason, 'wrong-state');

    const offFrame = [{ x: 1.2, y: 0.5 }];
    call.expert.sendRaw(JSON.stringify({ type: 'expert.mark', conversationId, points: offFrame }));
    assert.equal((await call.expert.refusal()).reason, 'invalid-message');
    const tooLong = Array.from({ length: MAX_MARK_POINTS + 1 }, () => ({ x: 0.5, y: 0.5 }));
    call.expert.sendRaw(JSON.stringify({ type: 'expert.mark', conversationId, points: tooLong }));
    assert.equal((await call.expert.refusal()).reason, 'invalid-message');
    call.expert.sendRaw(JSON.stringify({ type: 'expert.mark', conversationId, points: [] }));
    assert.equal((await call.expert.refusal()).reason, 'invalid-message');

    const other = await live('video');
    other.expert.send({ type: 'expert.mark', conversationId, points: [{ x: 0.5, y: 0.5 }] });
    assert.equal((await other.expert.refusal()).reason, 'wrong-state', 'not their conversation');

    assert.deepEqual(
      (await call.shopper.roundTrip()).filter((m) => m.type === 'call.mark'),
      [],
      'nothing refused reached the shopper',
    );
    await end(call);
    await end(other);

    const written = await live('chat');
    written.expert.send({
      type: 'expert.mark',
      conversationId: written.conversationId,
      points: [{ x: 0.5, y: 0.5 }],
    });
    assert.equal((await written.expert.refusal()).reason, 'wrong-state', 'a chat has no picture');
    await end(written);
  });
});
