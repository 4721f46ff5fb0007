/**
 * The requests on the expert's desk (src/core/expert-desk.ts), against the real hub and its
 * storage: the list as the hub sends it, marking one done, a refusal, signing out.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from '../support/node-test.js';
import WebSocket from 'ws';
import { ExpertDesk } from '../../src/core/expert-desk.js';
import { WAIT_MS, within } from '../support/deadline.js';
import { startHubFixture, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';

// The desk speaks the browser's WebSocket; Node 20 has none of its own.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

let stack: HubFixture;
let desk: ExpertDesk | undefined;

before(async () => {
  stack = await startHubFixture();
});
afterEach(() => desk?.dispose());
after(() => stack.stop());

/** A shopper leaves a message; resolves with its id once stored. */
async function leaveMessage(text: string): Promise<string> {
  const shopper = await HubPeer.open(stack.hub.url);
  shopper.send({
    type: 'offline.message',
    lang: 'fr',
    name: 'Camille',
    contact: 'camille@example.com',
    text,
    context: {},
  });
  const { id } = await shopper.next('offline.confirmed');
  await shopper.close();
  return id;
}

/** Resolves once the desk says something changed and `check` holds; fails after a while. */
function until(subject: ExpertDesk, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve();
  let off = () => {};
  return within(
    WAIT_MS,
    () => `the desk never reached ${String(check)}; it is ${JSON.stringify(subject.state)}`,
    new Promise<void>((resolve) => {
      off = subject.on('change', () => {
        if (check()) resolve();
      });
    }),
  ).finally(() => off());
}

async function signedIn(): Promise<ExpertDesk> {
  const signed = new ExpertDesk(stack.hub.url);
  desk = signed;
  await signed.signIn({ devName: 'Ana' });
  await until(signed, () => signed.state.kind === 'ready');
  return signed;
}

describe('the requests on the expert’s desk', () => {
  it('has none before signing in, and ignores marking one done', () => {
    desk = new ExpertDesk(stack.hub.url);
    assert.deepEqual(desk.requests, []);
    desk.markDone('r1');
    assert.equal(desk.markingDone.size, 0);
  });

  it('keeps the list the hub sends on sign-in and each time it changes', async () => {
    const first = await leaveMessage('Première demande');
    const signed = await signedIn();
    await until(signed, () => signed.requests.some((r) => r.id === first));
    const second = await leaveMessage('Seconde demande');
    await until(signed, () => signed.requests.some((r) => r.id === second));
    assert.equal(signed.requests.find((r) => r.id === second)?.text, 'Seconde demande');
  });

  it('marks one done once, and lets it go when the hub lists it done', async () => {
    const id = await leaveMessage('À traiter');
    const signed = await signedIn();
    await until(signed, () => signed.requests.some((r) => r.id === id));
    signed.markDone(id);
    signed.markDone(id);
    assert.deepEqual([...signed.markingDone], [id]);
    await until(
      signed,
      () =>
        signed.markingDone.size === 0 &&
        signed.requests.find((r) => r.id === id)?.status === 'done',
    );
  });

  it('gives the button back when the hub refuses', async () => {
    const signed = await signedIn();
    signed.markDone('no-such-request');
    assert.equal(signed.markingDone.size, 1);
    await until(signed, () => signed.markingDone.size === 0);
  });

  it('forgets the list on sign-out', async () => {
    await leaveMessage('Avant la déconnexion');
    const signed = await signedIn();
    await until(signed, () => signed.requests.length > 0);
    signed.signOutNow();
    assert.deepEqual(signed.requests, []);
    assert.equal(signed.state.kind, 'signed-out');
  });
});
