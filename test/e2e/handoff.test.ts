/**
 * Carrying a conversation on on the phone, in Chromium through the real hub and LiveKit: the
 * desktop shopper asks for a code, the panel shows a QR code and its link; a second browser
 * context (the phone) opens the link, takes the conversation with its transcript and writes on;
 * the desktop is told the conversation went on elsewhere, and its next conversation starts
 * without the card; the link works once.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { ConsolePage, ShopPage, putThrough } from '../support/pages.js';
import { freshStack, people } from '../support/stack-env.js';

const SHOPPER_BOX = 'expert-call-panel ec-chat textarea';

describe('a conversation carried on on the phone', () => {
  const env = freshStack();
  const person = people(env);

  it('moves with its transcript through the QR code’s link, and the desktop is told', async () => {
    const expert = new ConsolePage(await person());
    const desktop = new ShopPage(await person());
    await putThrough(expert, desktop, env.stack, { expertName: 'Camille', mode: 'chat' });
    await desktop.page.fill(SHOPPER_BOX, 'Ma chaîne saute, je vous montre avec mon téléphone');
    await desktop.page.press(SHOPPER_BOX, 'Enter');
    await expert.page.waitForSelector('expert-console ec-chat li:has-text("Ma chaîne saute")');

    await desktop.page.click('expert-call-panel [data-control="handoff"]');
    const link = await (
      await desktop.page.waitForSelector('expert-call-panel .handoff [data-handoff="link"]')
    ).getAttribute('href');
    assert.match(link ?? '', /#ec-take=chat\.[A-Za-z0-9_-]{22}$/);
    const qr = await desktop.page.waitForSelector('expert-call-panel .handoff svg.qr');
    assert.ok((await qr.$$('path')).length === 1, 'the QR code is drawn');

    const phone = new ShopPage(await person());
    await phone.page.goto(link!);
    await phone.waitForState('chat');
    await phone.page.waitForSelector('expert-call-panel ec-chat li:has-text("Ma chaîne saute")');
    assert.equal(new URL(phone.page.url()).hash, '', 'the code is taken off the address');
    await desktop.waitForState('ended');
    assert.match(
      (await desktop.page.textContent('expert-call-panel .ended')) ?? '',
      /La conversation continue sur votre autre appareil\./,
    );

    await phone.page.fill(SHOPPER_BOX, 'Voilà, je suis sur le téléphone');
    await phone.page.press(SHOPPER_BOX, 'Enter');
    await expert.page.waitForSelector('expert-console ec-chat li:has-text("sur le téléphone")');

    // The card was that conversation's: the desktop's next one starts without it.
    await desktop.page.click('expert-call-panel .ended button.primary');
    await desktop.choose('chat');
    await expert.waitForRing();
    await expert.accept();
    await desktop.waitForState('chat');
    assert.equal(await desktop.page.$('expert-call-panel .handoff'), null);

    // Used once: the same link in a third browser says so.
    const late = new ShopPage(await person());
    await late.page.goto(link!);
    await late.waitForState('ended');
    assert.match(
      (await late.page.textContent('expert-call-panel .ended')) ?? '',
      /Ce lien a expiré ou a déjà servi/,
    );
  });
});
