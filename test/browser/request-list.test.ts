/**
 * `<ec-request-list>` in a real Chromium: what each request says, in which order, what the
 * shopper typed kept as text, links only where they are safe, and marking one done.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/console/request-list.js';
import type { RequestList } from '../../src/console/request-list.js';
import { consoleText } from '../../src/i18n/console.js';
import type { OfflineRequest } from '../../src/protocol/index.js';

const HOUR = 3_600_000;
const tomorrow = new Date();
tomorrow.setDate(tomorrow.getDate() + 1);
tomorrow.setHours(14, 0, 0, 0);
const slot = { from: tomorrow.getTime(), to: tomorrow.getTime() + HOUR / 2 };

const request = (id: string, extra: Partial<OfflineRequest> = {}): OfflineRequest => ({
  id,
  kind: 'message',
  topic: null,
  lang: 'en',
  name: null,
  contact: null,
  phone: null,
  text: null,
  from: null,
  to: null,
  context: {},
  status: 'to-do',
  createdAt: Date.now() - HOUR,
  ...extra,
});

const message = request('m1', {
  name: 'Camille',
  contact: 'camille@example.com',
  text: 'My chain came off.\nCan you help?',
  context: {
    pageUrl: 'https://shop.example/bikes/city',
    pageTitle: 'City bike',
    product: { name: 'City bike 7', price: '€499', url: 'https://shop.example/p/7' },
  },
  createdAt: Date.now() - 3 * HOUR,
});
const callback = request('c1', {
  kind: 'callback',
  phone: '+33612345678',
  ...slot,
  createdAt: Date.now() - 2 * HOUR,
});
const appointment = request('a1', {
  kind: 'appointment',
  name: 'Dominique',
  contact: '+33698765432',
  topic: 'repair',
  lang: 'fr',
  ...slot,
});
const done = request('d1', { status: 'done', name: 'Alex', createdAt: Date.now() - 4 * HOUR });

async function mount(
  requests: OfflineRequest[],
  options: { lang?: 'en' | 'fr'; marking?: string[] } = {},
): Promise<RequestList> {
  const lang = options.lang ?? 'en';
  const list = document.createElement('ec-request-list');
  list.words = consoleText[lang].requests;
  list.lang = lang === 'en' ? 'en-GB' : 'fr';
  list.requests = requests;
  list.marking = new Set(options.marking ?? []);
  document.body.append(list);
  await list.updateComplete;
  return list;
}

const items = (list: RequestList) => [
  ...list.shadowRoot!.querySelectorAll<HTMLLIElement>('li[data-request]'),
];
const item = (list: RequestList, id: string) =>
  list.shadowRoot!.querySelector<HTMLLIElement>(`li[data-request="${id}"]`)!;
const field = (li: HTMLElement, name: string) =>
  li.querySelector<HTMLElement>(`[data-field="${name}"]`);
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(() => document.querySelectorAll('ec-request-list').forEach((el) => el.remove()));

describe('<ec-request-list>', () => {
  describe('order and count', () => {
    it('lists the ones to do first, the one waiting longest at the top, then the done ones', async () => {
      const list = await mount([done, appointment, message, callback]);
      expect(items(list).map((li) => li.dataset.request)).to.deep.equal(['m1', 'c1', 'a1', 'd1']);
      expect(items(list).map((li) => li.dataset.status)).to.deep.equal([
        'to-do',
        'to-do',
        'to-do',
        'done',
      ]);
      const heading = list.shadowRoot!.querySelector('h3')!;
      expect(text(heading)).to.contain('Requests to handle');
      expect(heading.querySelector('.count')!.getAttribute('data-count')).to.equal('3');
    });

    it('says there is nothing to handle when nothing is to do, and still shows what was done', async () => {
      const empty = await mount([]);
      expect(text(empty.shadowRoot!.querySelector('.empty'))).to.equal('Nothing to handle.');
      empty.remove();

      const list = await mount([done]);
      expect(text(list.shadowRoot!.querySelector('.empty'))).to.equal('Nothing to handle.');
      expect(items(list)).to.have.length(1);
    });

    it('speaks French', async () => {
      const list = await mount([callback, done], { lang: 'fr' });
      expect(text(list.shadowRoot!.querySelector('h3'))).to.contain('Demandes à traiter');
      expect(text(item(list, 'c1').querySelector('.kind'))).to.equal('À rappeler');
      expect(text(item(list, 'c1').querySelector('button'))).to.equal('Marquer comme traité');
      expect(text(field(item(list, 'c1'), 'name'))).to.equal('Un client');
      expect(text(field(item(list, 'c1'), 'when'))).to.match(/\d{2}:\d{2}/);
    });
  });

  describe('each kind', () => {
    it('a message: who, the email to write to, the text, the page and the product', async () => {
      const li = item(await mount([message]), 'm1');
      expect(li.dataset.kind).to.equal('message');
      expect(text(li.querySelector('.kind'))).to.equal('Message');
      expect(text(field(li, 'name'))).to.equal('Camille');
      expect(field(li, 'when')).to.equal(null);
      const mail = field(li, 'contact')!.querySelector('a')!;
      expect(mail.getAttribute('href')).to.equal('mailto:camille@example.com');
      expect(mail.textContent).to.equal('camille@example.com');

      const page = field(li, 'page')!.querySelector('a')!;
      expect(page.getAttribute('href')).to.equal('https://shop.example/bikes/city');
      expect(page.textContent).to.equal('City bike');
      expect(page.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(page.getAttribute('target')).to.equal('_blank');
      expect(text(field(li, 'product'))).to.equal('City bike 7 — €499');
      expect(field(li, 'product')!.querySelector('a')!.getAttribute('href')).to.equal(
        'https://shop.example/p/7',
      );
    });

    it('keeps the shopper’s line breaks', async () => {
      const shown = field(item(await mount([message]), 'm1'), 'text')!;
      expect(shown.textContent).to.equal('My chain came off.\nCan you help?');
      expect(getComputedStyle(shown).whiteSpace).to.equal('pre-wrap');
    });

    it('a callback: "A shopper" when no name, the number to dial and the window', async () => {
      const li = item(await mount([callback]), 'c1');
      expect(li.dataset.kind).to.equal('callback');
      expect(text(li.querySelector('.kind'))).to.equal('Call back');
      expect(text(field(li, 'name'))).to.equal('A shopper');
      const dial = field(li, 'contact')!.querySelector('a')!;
      expect(dial.getAttribute('href')).to.equal('tel:+33612345678');
      const expected = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).formatRange(slot.from, slot.to);
      expect(text(field(li, 'when'))).to.equal(expected.replace(/\s+/g, ' '));
      expect(text(field(li, 'when')!.previousElementSibling)).to.equal('Call between');
      expect(text(field(li, 'when'))).to.contain('14:00');
      expect(text(field(li, 'when'))).to.contain('14:30');
    });

    it('an appointment: the slot, the phone contact, the topic and the shopper’s language', async () => {
      const li = item(await mount([appointment]), 'a1');
      expect(li.dataset.kind).to.equal('appointment');
      expect(text(li.querySelector('.kind'))).to.equal('Video appointment');
      expect(text(field(li, 'when'))).to.match(/14:00.*14:30/);
      expect(text(field(li, 'when')!.previousElementSibling)).to.equal('Slot');
      expect(field(li, 'contact')!.querySelector('a')!.getAttribute('href')).to.equal(
        'tel:+33698765432',
      );
      expect(text(li.querySelector('.meta'))).to.contain('repair');
      expect(text(li.querySelector('.meta'))).to.contain('French');
    });

    it('marks a window that is over while still to do', async () => {
      const late = request('late', {
        kind: 'callback',
        phone: '+33612345678',
        from: Date.now() - 2 * HOUR,
        to: Date.now() - HOUR,
      });
      const list = await mount([late, { ...late, id: 'late-done', status: 'done' }]);
      expect(item(list, 'late').classList.contains('overdue')).to.equal(true);
      expect(text(item(list, 'late').querySelector('.late'))).to.equal('Window passed');
      expect(item(list, 'late-done').querySelector('.late')).to.equal(null);
    });

    it('shows a done one muted, with "Done" and no button', async () => {
      const list = await mount([done, message]);
      const li = item(list, 'd1');
      expect(li.querySelector('button')).to.equal(null);
      expect(text(li.querySelector('.handled'))).to.equal('Done');
      expect(getComputedStyle(li).color).to.not.equal(getComputedStyle(item(list, 'm1')).color);
    });
  });

  describe('what the shopper typed', () => {
    it('is shown as text, never as HTML', async () => {
      const hostile = '<img src=x onerror=alert(1)>';
      const list = await mount([
        request('h1', {
          name: hostile,
          contact: hostile,
          text: hostile,
          context: { pageTitle: hostile, product: { name: hostile, price: hostile } },
        }),
      ]);
      const li = item(list, 'h1');
      expect(li.querySelector('img')).to.equal(null);
      expect(field(li, 'text')!.textContent).to.equal(hostile);
      expect(text(field(li, 'name'))).to.equal(hostile);
      expect(text(field(li, 'contact'))).to.equal(hostile);
      expect(text(field(li, 'page'))).to.equal(hostile);
    });

    it('becomes a link only when it is a phone number, an email or an http(s) page', async () => {
      const list = await mount([
        request('x1', {
          contact: 'javascript:alert(1)',
          context: {
            pageUrl: 'javascript:alert(1)',
            product: { name: 'Bike', url: 'data:text/html,<script>alert(1)</script>' },
          },
        }),
        request('x2', { contact: '06 12 34 56 78' }),
        request('x3', { contact: 'me?bcc=spy@evil.example' }),
      ]);
      expect(item(list, 'x1').querySelector('a')).to.equal(null);
      expect(text(field(item(list, 'x1'), 'page'))).to.equal('javascript:alert(1)');
      expect(item(list, 'x2').querySelector('a')).to.equal(null);
      expect(text(field(item(list, 'x2'), 'contact'))).to.equal('06 12 34 56 78');
      // Shaped like an email: a link, but what was typed cannot add a recipient.
      expect(item(list, 'x3').querySelector('a')!.getAttribute('href')).to.equal(
        'mailto:me%3Fbcc%3Dspy@evil.example',
      );
    });
  });

  describe('marking done', () => {
    it('fires ec-request-done with the id, bubbling out of the shadow root', async () => {
      const list = await mount([message, callback]);
      const fired: string[] = [];
      document.body.addEventListener('ec-request-done', (event) => fired.push(event.detail.id), {
        once: true,
      });
      item(list, 'c1').querySelector<HTMLButtonElement>('[data-action="request-done"]')!.click();
      expect(fired).to.deep.equal(['c1']);
    });

    it('waits while the hub has not confirmed, without firing again', async () => {
      const list = await mount([message], { marking: ['m1'] });
      let fired = 0;
      list.addEventListener('ec-request-done', () => fired++);
      const button = item(list, 'm1').querySelector<HTMLButtonElement>('button')!;
      expect(text(button)).to.equal('Saving…');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      button.click();
      expect(fired).to.equal(0);
    });

    it('moves focus to the next one to do once the hub lists it done', async () => {
      const list = await mount([message, callback]);
      const button = item(list, 'm1').querySelector<HTMLButtonElement>('button')!;
      button.focus();
      button.click();
      list.requests = [{ ...message, status: 'done' }, callback];
      await list.updateComplete;
      expect(list.shadowRoot!.activeElement).to.equal(item(list, 'c1'));
      expect(item(list, 'm1').dataset.status).to.equal('done');
    });
  });
});
