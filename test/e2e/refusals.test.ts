/**
 * A refusal is said as what it is: the shopper is never told to check their connection when
 * the hub answered, and refused. Real hub, real pages.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { eventually, newParticipant } from '../support/browser.js';
import { ConsolePage, ShopPage, putThrough } from '../support/pages.js';
import { freshStack } from '../support/stack-env.js';

describe('a conversation that ended while the shopper changed page', () => {
  const env = freshStack();

  it('is refused on the next page, and the shopper is told so, not to check their connection', async () => {
    const expert = new ConsolePage((await newParticipant(env.browser)).page);
    const shopper = new ShopPage((await newParticipant(env.browser)).page);
    await putThrough(expert, shopper, env.stack, { expertName: 'Ilse', mode: 'chat' });

    // The shopper is between two pages of the shop (one without the button) when the expert
    // hangs up: their ticket to come back to the conversation is still in the tab.
    await shopper.page.goto(new URL('shop.css', env.stack.shopUrl).toString());
    await expert.hangUp();
    await expert.waitForStatus('available');

    await shopper.page.goto(new URL('product-2.html', env.stack.shopUrl).toString());
    await eventually(
      () => shopper.state(),
      (kind) => kind === 'ended',
      'the conversation ended on the next page',
    );
    const said = await shopper.panelText();
    assert.match(said, /Notre service a refusé la demande/);
    assert.doesNotMatch(said, /connexion/);
    const reason = await shopper.page.evaluate(
      () =>
        (document.querySelector('expert-call') as unknown as { state: { reason: string } }).state
          .reason,
    );
    assert.equal(reason, 'refused');
  });
});
