/**
 * `<ec-rating>`, the end screen's rating, in a real Chromium: five radio buttons named
 * "n stars out of 5" in one group that arrow keys move through, an optional comment, a send
 * button that waits for a choice, the states the hub's answer brings (sending, failed, thanks),
 * and no axe violation in any language, at phone and desktop sizes.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/widget/panel/rating-form.js';
import type { RatingChoice, RatingForm } from '../../src/widget/panel/rating-form.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { loadPanelText } from '../../src/i18n/panel.js';
import { loadAxe, violations } from '../support/axe.js';

before(loadAxe);

afterEach(async () => {
  for (const element of document.querySelectorAll('ec-rating')) element.remove();
  document.documentElement.removeAttribute('lang');
  await setViewport({ width: 800, height: 600 });
});

async function rating(lang: (typeof LANGUAGES)[number] = 'en'): Promise<RatingForm> {
  document.documentElement.lang = lang;
  const element = document.createElement('ec-rating');
  element.words = (await loadPanelText(lang)).rating;
  element.expertName = 'Camille';
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const radios = (element: RatingForm) => [
  ...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];
const sendButton = (element: RatingForm) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const commentBox = (element: RatingForm) => element.shadowRoot!.querySelector('textarea')!;

function sent(element: RatingForm): RatingChoice[] {
  const choices: RatingChoice[] = [];
  element.addEventListener('ec-rate', (e) => choices.push((e as CustomEvent<RatingChoice>).detail));
  return choices;
}

describe('<ec-rating>', () => {
  describe('accessibility', () => {
    it('asks about the expert by name, in one group of five choices named by their stars', async () => {
      const element = await rating();
      const legend = element.shadowRoot!.querySelector('fieldset legend')!;
      expect(legend.textContent).to.equal('How was your conversation with Camille?');
      expect(radios(element).map((r) => r.getAttribute('aria-label'))).to.deep.equal([
        '1 star out of 5',
        '2 stars out of 5',
        '3 stars out of 5',
        '4 stars out of 5',
        '5 stars out of 5',
      ]);
      expect(new Set(radios(element).map((r) => r.name)).size).to.equal(1);
      expect(commentBox(element).closest('label')!.textContent).to.contain('(optional)');
    });

    it('gives every choice a target of at least 44 by 44 pixels, on a phone too', async () => {
      await setViewport({ width: 320, height: 640 });
      const element = await rating();
      for (const label of element.shadowRoot!.querySelectorAll('.star')) {
        const box = label.getBoundingClientRect();
        expect(box.width, 'width').to.be.at.least(44);
        expect(box.height, 'height').to.be.at.least(44);
      }
    });
  });

  describe('keyboard', () => {
    it('is rated, commented and sent with the keyboard alone', async () => {
      const element = await rating();
      const choices = sent(element);
      radios(element)[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      expect(radios(element).findIndex((r) => r.checked)).to.equal(3);
      expect(element.shadowRoot!.querySelectorAll('.star.lit').length).to.equal(4);
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(commentBox(element));
      await sendKeys({ type: 'Very clear' });
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(sendButton(element));
      await sendKeys({ press: 'Enter' });
      expect(choices).to.deep.equal([{ stars: 4, comment: 'Very clear' }]);
    });
  });

  describe('sending', () => {
    it('cannot be sent before a choice: nothing is required, the panel can be closed instead', async () => {
      const element = await rating();
      const choices = sent(element);
      expect(sendButton(element).disabled).to.equal(true);
      sendButton(element).click();
      expect(choices).to.deep.equal([]);
      radios(element)[4]!.click();
      await element.updateComplete;
      expect(sendButton(element).disabled).to.equal(false);
      sendButton(element).click();
      expect(choices).to.deep.equal([{ stars: 5, comment: '' }]);
    });

    it('waits while sending, says when it failed and keeps the choice, then thanks', async () => {
      const element = await rating();
      radios(element)[1]!.click();
      commentBox(element).value = 'Slow to answer';
      commentBox(element).dispatchEvent(new Event('input'));
      element.status = 'sending';
      await element.updateComplete;
      expect(sendButton(element).disabled).to.equal(true);
      expect(sendButton(element).textContent!.trim()).to.equal('Sending…');
      element.status = 'failed';
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(
        'Your rating could not be sent. You can try again.',
      );
      expect(radios(element)[1]!.checked).to.equal(true);
      expect(commentBox(element).value).to.equal('Slow to answer');
      expect(sendButton(element).disabled).to.equal(false);
      element.status = 'sent';
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
        'Thank you: your rating has been passed on.',
      );
      expect(radios(element)).to.deep.equal([]);
    });
  });

  for (const size of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    for (const lang of LANGUAGES) {
      it(`has no axe violations, ${lang}, ${size.name}, open, failed and thanked`, async () => {
        await setViewport({ width: size.width, height: size.height });
        const element = await rating(lang);
        radios(element)[2]!.click();
        for (const status of ['open', 'failed', 'sent'] as const) {
          element.status = status;
          await element.updateComplete;
          expect(await violations(`${status} `)).to.deep.equal([]);
        }
      });
    }
  }
});
