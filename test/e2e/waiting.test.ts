/**
 * Waiting for an expert, in Chromium through the real hub and LiveKit: the shopper sees a live
 * place in line and an expected wait while the only expert is busy, may choose to write
 * instead without losing their place, and is put through when the expert frees up. The expert,
 * in the call, sees that someone waits.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { newParticipant } from '../support/browser.js';
import { ConsolePage, ShopPage, putThrough } from '../support/pages.js';
import { freshStack } from '../support/stack-env.js';

const env = freshStack();

describe('a shopper waiting while the only expert is busy', () => {
  it('sees a live place and wait, and is put through when the expert frees up', async () => {
    const expert = new ConsolePage((await newParticipant(env.browser)).page);
    const first = new ShopPage((await newParticipant(env.browser)).page);
    await putThrough(expert, first, env.stack, { expertName: 'Hugo', mode: 'video' });

    const second = new ShopPage((await newParticipant(env.browser)).page);
    await second.open(env.stack.shopUrl);
    await second.choose('video');
    await second.waitForState('queued');
    await second.page.waitForSelector('expert-call-panel [data-position="1"]');
    const eta = await second.page.getAttribute('expert-call-panel [data-eta]', 'data-eta');
    assert.match(eta ?? '', /^\d+$/, 'an expected wait, since an expert answers this queue');
    assert.match(await second.panelText(), /prochain/);
    assert.match(await second.panelText(), /Attente estimée/);
    // In the call, the expert sees the shopper waiting, in the console's words.
    await expert.page.waitForSelector('expert-console .queues [data-waiting="1"]');
    assert.match(
      (await expert.page.textContent('expert-console .queues')) ?? '',
      /En attente\s+1 client attend.*vient d’arriver/s,
    );

    // Writing instead keeps the place; the expert is rung for a chat once the call ends.
    await second.page.click('expert-call-panel [data-control="wait-in-chat"]');
    await second.page.waitForSelector('expert-call-panel [data-control="wait-in-chat"]', {
      state: 'detached',
    });
    assert.equal(await second.state(), 'queued');

    await first.hangUp();
    assert.match(await expert.waitForRing(), /Conversation écrite entrante/);
    await expert.accept();
    await second.waitForState('chat');
    await expert.page.waitForSelector('expert-console .queues [data-queues="0"]');
    assert.match(
      (await expert.page.textContent('expert-console .queues')) ?? '',
      /Personne n’attend/,
    );
  });
});
