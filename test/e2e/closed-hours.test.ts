/**
 * Outside business hours, in Chromium through the real hub: the shopper is told when the shop
 * opens, books a video appointment in a free slot, and the expert sees it in the console and
 * marks it done. A callback request with a bad phone number is refused beside the field, with
 * what was typed kept.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { newParticipant } from '../support/browser.js';
import { ConsolePage, ShopPage } from '../support/pages.js';
import { closedToday } from '../support/shops.js';
import { freshStack } from '../support/stack-env.js';

const env = freshStack(() => ({
  shop: closedToday({
    languages: ['fr', 'en'],
    topics: [{ id: 'bikes', label: { fr: 'Vélos', en: 'Bikes' } }],
    texts: { fr: { panelTitle: 'Parler à l’atelier', closedMessage: 'L’atelier est fermé.' } },
  }),
}));

const PANEL = 'expert-call-panel ec-offline';

describe('outside business hours', () => {
  it('books a video appointment that the expert sees in the console', async () => {
    const expert = new ConsolePage((await newParticipant(env.browser)).page);
    await expert.signIn(env.stack.consoleUrl, 'Atelier');
    const shopper = new ShopPage((await newParticipant(env.browser)).page);
    await shopper.page.goto(env.stack.shopUrl);
    await shopper.page.waitForSelector('expert-call[availability="closed"]');
    // The first screen already says it is closed, and leads with what can be done: no call to
    // choose first and be turned away from.
    await shopper.page.click('expert-call button[part="button"]');
    await shopper.page.waitForSelector(`${PANEL} [data-offline="appointment"]`);
    assert.equal(await shopper.page.$('expert-call-panel [data-mode="video"]'), null);
    // The shop's own words, from its config.
    assert.equal(await shopper.page.textContent('expert-call-panel h2'), 'Parler à l’atelier');
    assert.match(
      (await shopper.page.textContent(`${PANEL} p[role="status"]`)) ?? '',
      /L’atelier est fermé\.\s+Retour /,
    );

    await shopper.page.click(`${PANEL} [data-offline="appointment"]`);
    await shopper.page.click(`${PANEL} .slot >> nth=0`);
    const slot = await shopper.page.textContent(`${PANEL} .slot >> nth=0`);
    await shopper.page.fill(`${PANEL} input[name="name"]`, 'Camille');
    await shopper.page.fill(`${PANEL} input[name="contact"]`, 'camille@example.com');
    await shopper.page.click(`${PANEL} button[type="submit"]`);
    const confirmed = await shopper.page.textContent(`${PANEL} [data-confirmed]`);
    assert.match(confirmed ?? '', /rendez-vous vidéo est réservé/);
    assert.ok(confirmed?.includes(slot!.trim()), `the confirmation says the time (${slot})`);

    const booked = 'expert-console li[data-kind="appointment"][data-status="to-do"]';
    await expert.page.waitForSelector(`${booked}:has-text("Camille")`);
    assert.match((await expert.page.textContent(booked)) ?? '', /camille@example\.com/);
    await expert.page.click(`${booked} [data-action="request-done"]`);
    await expert.page.waitForSelector(
      'expert-console li[data-kind="appointment"][data-status="done"]:has-text("Camille")',
    );
  });

  it('shows the launcher closed before any click, without moving the button', async () => {
    const { page } = await newParticipant(env.browser);
    await page.goto(env.stack.shopUrl);
    const button = 'expert-call button[part="button"]';
    const before = await page.locator(button).boundingBox();
    await page.waitForSelector('expert-call[availability="closed"]');
    assert.deepEqual(await page.locator(button).boundingBox(), before);
    assert.match(
      (await page.getAttribute(button, 'title')) ?? '',
      /Fermé pour le moment/,
      'said in words too, not only by a colour',
    );
  });

  it('refuses a bad phone number beside the field, keeping what was typed', async () => {
    const shopper = new ShopPage((await newParticipant(env.browser)).page);
    await shopper.page.goto(env.stack.shopUrl);
    await shopper.page.click('expert-call button[part="button"]');
    await shopper.page.waitForSelector(`${PANEL} [data-offline="callback"]`);
    // Put away and taken out again: there is no expert to go "back to".
    await shopper.page.click('expert-call-panel .close');
    assert.equal(
      await shopper.page.textContent('expert-call button[part="button"] span:not(.icon)'),
      'Parler à un expert',
    );
    await shopper.page.click('expert-call button[part="button"]');
    await shopper.page.click(`${PANEL} [data-offline="callback"]`);
    await shopper.page.fill(`${PANEL} input[name="name"]`, 'Dominique');
    await shopper.page.fill(`${PANEL} input[name="phone"]`, 'appelez-moi');
    await shopper.page.click(`${PANEL} button[type="submit"]`);
    const problem = await shopper.page.waitForSelector(`${PANEL} #problem-phone`);
    assert.match((await problem.textContent()) ?? '', /numéro ne semble pas correct/);
    assert.equal(
      await shopper.page.getAttribute(`${PANEL} input[name="phone"]`, 'aria-invalid'),
      'true',
    );
    assert.equal(await shopper.page.inputValue(`${PANEL} input[name="name"]`), 'Dominique');

    await shopper.page.fill(`${PANEL} input[name="phone"]`, '06 12 34 56 78');
    await shopper.page.click(`${PANEL} button[type="submit"]`);
    assert.match(
      (await shopper.page.textContent(`${PANEL} [data-confirmed]`)) ?? '',
      /un expert vous rappelle/,
    );
  });
});
