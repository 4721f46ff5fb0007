import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import {
  countToDo,
  formatInstant,
  formatSpan,
  inHandlingOrder,
  isOverdue,
  mailtoHref,
  reachOf,
  telHref,
  webHref,
} from '../../src/core/requests-to-handle.js';
import type { OfflineRequest } from '../../src/protocol/index.js';

const request = (id: string, extra: Partial<OfflineRequest> = {}): OfflineRequest => ({
  id,
  kind: 'message',
  topic: null,
  lang: 'fr',
  name: null,
  contact: 'camille@example.com',
  phone: null,
  text: 'Bonjour',
  from: null,
  to: null,
  context: {},
  status: 'to-do',
  createdAt: 1_000,
  ...extra,
});

describe('the order requests are handled in', () => {
  it('puts the ones to do first, the one waiting longest at the top, then the latest handled', () => {
    const ordered = inHandlingOrder([
      request('done-old', { status: 'done', createdAt: 1 }),
      request('new', { createdAt: 30 }),
      request('done-new', { status: 'done', createdAt: 20 }),
      request('old', { createdAt: 10 }),
      request('cancelled', { status: 'cancelled', createdAt: 5 }),
    ]);
    assert.deepEqual(
      ordered.map((r) => r.id),
      ['old', 'new', 'done-new', 'cancelled', 'done-old'],
    );
  });

  it('does not reorder the list it was given, and counts only the ones to do', () => {
    const list = [request('b', { createdAt: 2 }), request('a', { status: 'done', createdAt: 1 })];
    inHandlingOrder(list);
    assert.deepEqual(
      list.map((r) => r.id),
      ['b', 'a'],
    );
    assert.equal(countToDo(list), 1);
  });
});

describe('how to reach the shopper', () => {
  it('dials a callback’s phone and writes to an email contact', () => {
    assert.deepEqual(
      reachOf(request('c', { kind: 'callback', contact: null, phone: '+33612345678' })),
      {
        text: '+33612345678',
        href: 'tel:+33612345678',
      },
    );
    assert.deepEqual(reachOf(request('m')), {
      text: 'camille@example.com',
      href: 'mailto:camille@example.com',
    });
  });

  it('shows anything else as text, without a link', () => {
    assert.deepEqual(reachOf(request('m', { contact: '06 12 34 56 78' })), {
      text: '06 12 34 56 78',
    });
    assert.equal(reachOf(request('m', { contact: '  ' })), undefined);
    assert.equal(telHref('javascript:alert(1)'), undefined);
    assert.equal(telHref('+33 6 12 34 56 78'), undefined);
    assert.equal(
      mailtoHref('javascript:alert(1)//@x.fr'),
      'mailto:javascript%3Aalert(1)%2F%2F@x.fr',
    );
    assert.equal(mailtoHref('not an email'), undefined);
  });

  it('cannot add a recipient or a subject through what was typed', () => {
    assert.equal(mailtoHref('me?bcc=spy@evil.example'), 'mailto:me%3Fbcc%3Dspy@evil.example');
    assert.equal(mailtoHref('a&subject=x@shop.example'), 'mailto:a%26subject%3Dx@shop.example');
  });

  it('links pages only over http(s)', () => {
    assert.equal(webHref('https://shop.example/bike?x=1'), 'https://shop.example/bike?x=1');
    assert.equal(webHref('javascript:alert(1)'), undefined);
    assert.equal(webHref('data:text/html,hi'), undefined);
    assert.equal(webHref('//evil.example'), undefined);
    assert.equal(webHref(undefined), undefined);
  });
});

describe('when', () => {
  const from = new Date(2025, 10, 25, 14, 0).getTime();
  const to = from + 30 * 60_000;

  it('writes a window within one day with the day once, in the expert’s locale', () => {
    const en = formatSpan({ from, to }, 'en-GB');
    const fr = formatSpan({ from, to }, 'fr');
    assert.equal(en.match(/2025/g)?.length, 1, en);
    assert.match(en, /25 Nov 2025/);
    assert.match(fr, /25 nov\. 2025/);
    assert.match(fr, /–/);
  });

  it('writes when a request was left as a day and a time, in the expert’s locale', () => {
    assert.equal(formatInstant(from, 'en-GB'), '25 Nov 2025, 14:00');
    assert.equal(formatInstant(from, 'fr'), '25 nov. 2025, 14:00');
  });

  it('writes nothing for a message, and one instant when there is no end', () => {
    assert.equal(formatSpan({ from: null, to: null }, 'en'), '');
    assert.doesNotMatch(formatSpan({ from, to: null }, 'en'), /–/);
  });

  it('says a window or a slot is over only while it is still to do', () => {
    const callback = request('c', { kind: 'callback', from, to });
    assert.equal(isOverdue(callback, to - 1), false);
    assert.equal(isOverdue(callback, to), true);
    assert.equal(isOverdue({ ...callback, status: 'done' }, to + 1), false);
    assert.equal(isOverdue(request('m'), Number.MAX_SAFE_INTEGER), false);
  });
});

describe('at the edges', () => {
  it('breaks ties by id, both ways, and counts only the ones to do', () => {
    const order = (list: OfflineRequest[]) => inHandlingOrder(list).map((r) => r.id);
    const toDo = [request('b'), request('a'), request('c')];
    assert.deepEqual(order(toDo), ['a', 'b', 'c']);
    assert.deepEqual(order([...toDo].reverse()), ['a', 'b', 'c']);
    const done = toDo.map((r) => ({ ...r, status: 'done' as const }));
    assert.deepEqual(order(done), ['a', 'b', 'c']);
    assert.equal(order([request('a'), request('a')]).length, 2, 'equal ids both kept');
    assert.equal(countToDo([...toDo, ...done, { ...request('x'), status: 'cancelled' }]), 3);
  });

  it('takes a phone or an email only whole, not a part of what was typed', () => {
    assert.equal(telHref('+33612345678'), 'tel:+33612345678');
    assert.equal(telHref('call +33612345678'), undefined);
    assert.equal(telHref('+33612345678 after 6pm'), undefined);
    assert.equal(mailtoHref('x camille@example.com'), undefined);
    assert.equal(mailtoHref('camille@example.com, and more'), undefined);
    assert.equal(mailtoHref('camille@example.com.'), undefined);
    assert.equal(mailtoHref('camille@example.co.uk'), 'mailto:camille@example.co.uk');
  });

  it('takes an email address of up to 254 characters', () => {
    const longest = `${'a'.repeat(254 - '@example.com'.length)}@example.com`;
    assert.equal(longest.length, 254);
    assert.equal(mailtoHref(longest), `mailto:${longest}`);
    assert.equal(mailtoHref(`a${longest}`), undefined);
  });

  it('links a page only from its start, over http or https', () => {
    assert.equal(webHref('http://shop.example/a'), 'http://shop.example/a');
    assert.equal(webHref('HTTPS://shop.example/a'), 'https://shop.example/a');
    assert.equal(webHref('javascript:alert(1)//http://x'), undefined);
    assert.equal(webHref('https://[bad'), undefined);
  });

  it('writes one instant for a window that ends when it starts', () => {
    const from = new Date(2025, 10, 25, 14, 0).getTime();
    assert.equal(formatSpan({ from, to: from }, 'en-GB'), formatSpan({ from, to: null }, 'en-GB'));
    assert.notEqual(
      formatSpan({ from, to: from + 60_000 }, 'en-GB'),
      formatSpan({ from, to: null }, 'en-GB'),
    );
  });
});
