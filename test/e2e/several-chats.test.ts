/**
 * An expert holding two written conversations at once in the console: a list with what is
 * unread, each conversation its own transcript, through the real hub and Chromium.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { newParticipant } from '../support/browser.js';
import { ConsolePage, EXPERT_BOX, SHOPPER_BOX, ShopPage, say } from '../support/pages.js';
import { freshStack } from '../support/stack-env.js';

const env = freshStack();

async function startChat(expert: ConsolePage): Promise<ShopPage> {
  const shopper = new ShopPage((await newParticipant(env.browser)).page);
  await shopper.open(env.stack.shopUrl);
  await shopper.choose('chat');
  await expert.waitForRing();
  await expert.accept();
  await shopper.waitForState('chat');
  return shopper;
}

describe('an expert with several chats', () => {
  it('holds two at once, shows what is unread, and keeps each transcript apart', async () => {
    const expert = new ConsolePage((await newParticipant(env.browser)).page);
    await expert.signIn(env.stack.consoleUrl, 'Élise');
    await expert.goAvailable();
    const first = await startChat(expert);
    const second = await startChat(expert);
    await expert.waitForStatus('in-chat');

    // The second conversation is in front; the first one is in the list behind it.
    const behind = 'expert-console nav button[aria-current="false"]';
    await expert.page.waitForSelector(behind);
    assert.equal((await expert.page.$$('expert-console nav button')).length, 2);

    await say(first.page, SHOPPER_BOX, 'Question du premier client');
    await expert.page.waitForSelector(`${behind} .unread[data-unread="1"]`);
    assert.equal(
      await expert.page.$('expert-console ec-chat li:has-text("premier client")'),
      null,
      'a message of the conversation behind is not shown in the one in front',
    );

    await say(second.page, SHOPPER_BOX, 'Question du second client');
    await expert.page.waitForSelector('expert-console ec-chat li:has-text("second client")');
    assert.equal(
      await expert.page.$('expert-console nav button[aria-current="true"] .unread'),
      null,
      'what is in front counts as read',
    );

    await expert.page.click(behind);
    await expert.page.waitForSelector('expert-console ec-chat li:has-text("premier client")');
    assert.equal(await expert.page.$('expert-console nav .unread'), null);
    await say(expert.page, EXPERT_BOX, 'Réponse au premier');
    await first.page.waitForSelector('expert-call-panel ec-chat li:has-text("Réponse au premier")');
    assert.equal(
      await second.page.$('expert-call-panel ec-chat li:has-text("Réponse au premier")'),
      null,
    );

    // One ends: the list goes, the other stays in front; then the last ends.
    await second.hangUp();
    await expert.page.waitForSelector('expert-console nav', { state: 'detached' });
    await expert.page.waitForSelector('expert-console ec-chat li:has-text("premier client")');
    await first.hangUp();
    await expert.waitForStatus('available');
  });
});
