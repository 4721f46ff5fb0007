/**
 * `<ec-chat>` in a real Chromium: text stays text, nothing typed is lost.
 */
import { expect } from '@esm-bundle/chai';
import type { ChatEntry } from '../../src/core/chat-log.js';
import { loadPanelText } from '../../src/i18n/panel.js';
import '../../src/ui/chat-view.js';
import type { ChatView } from '../../src/ui/chat-view.js';

const entry = (text: string, extra: Partial<ChatEntry> = {}): ChatEntry => ({
  key: text,
  seq: 1,
  clientId: null,
  author: 'expert',
  authorName: 'Camille',
  text,
  at: 0,
  mine: false,
  delivery: 'sent',
  ...extra,
});

async function mount(entries: ChatEntry[] = []): Promise<ChatView> {
  const chat = document.createElement('ec-chat');
  chat.words = (await loadPanelText('en')).chat;
  chat.entries = entries;
  document.body.append(chat);
  await chat.updateComplete;
  return chat;
}

const box = (chat: ChatView) => chat.shadowRoot!.querySelector('textarea')!;

async function type(chat: ChatView, text: string): Promise<void> {
  box(chat).value = text;
  box(chat).dispatchEvent(new InputEvent('input'));
  await chat.updateComplete;
}

function press(chat: ChatView, init: KeyboardEventInit): void {
  box(chat).dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
}

/**
 * Resolves once an image of the same broken address has failed to load: an `<img onerror>`
 * rendered from a message, which started loading earlier, would have failed and run by then.
 */
function brokenImageFailed(): Promise<void> {
  return new Promise((resolve) => {
    const control = new Image();
    control.onerror = () => resolve();
    control.src = 'x';
  });
}

afterEach(() => document.querySelectorAll('ec-chat').forEach((el) => el.remove()));

describe('<ec-chat>', () => {
  it('shows markup as text and links as plain safe links', async () => {
    const chat = await mount([
      entry('<img src=x onerror="window.hacked=1"> see https://shop.example/a?b=1.'),
    ]);
    const li = chat.shadowRoot!.querySelector('li')!;
    expect(li.querySelector('img')).to.equal(null);
    expect(li.querySelector('.text')!.textContent).to.contain('<img src=x');
    const link = li.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://shop.example/a?b=1');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
    // Read the probe only once an `onerror` in rendered markup would have run.
    await brokenImageFailed();
    expect('hacked' in window).to.equal(false);
  });

  it('makes no link of any scheme but http and https', async () => {
    const chat = await mount([
      entry('javascript:alert(1) data:text/html,<b>x</b> vbscript:msgbox(1) mailto:a@b.example'),
    ]);
    const li = chat.shadowRoot!.querySelector('li')!;
    expect(li.querySelector('a')).to.equal(null);
    expect(li.querySelector('.text')!.textContent).to.equal(
      'javascript:alert(1) data:text/html,<b>x</b> vbscript:msgbox(1) mailto:a@b.example',
    );
  });

  it('keeps a message’s own line breaks and adds no white space of its own', async () => {
    const chat = await mount([entry('line 1\nline 2')]);
    const text = chat.shadowRoot!.querySelector('li .text')!;
    expect(text.textContent).to.equal('line 1\nline 2');
    expect(getComputedStyle(text).whiteSpace).to.equal('pre-wrap');
    expect(getComputedStyle(chat.shadowRoot!.querySelector('li')!).whiteSpace).to.equal('normal');
  });

  it('sends on Enter, not on Shift+Enter, and empties the box only when the host takes it', async () => {
    const chat = await mount();
    const sent: string[] = [];
    chat.addEventListener('ec-chat-send', (event) =>
      sent.push((event as CustomEvent<{ text: string }>).detail.text),
    );
    await type(chat, 'hello');
    press(chat, { key: 'Enter', shiftKey: true });
    expect(sent).to.deep.equal([]);
    press(chat, { key: 'Enter' });
    expect(sent).to.deep.equal(['hello']);
    expect(box(chat).value).to.equal('');

    chat.addEventListener('ec-chat-send', (event) => event.preventDefault());
    await type(chat, 'refused by the host');
    press(chat, { key: 'Enter' });
    expect(box(chat).value).to.equal('refused by the host');
  });

  it('says how much too long a message is, keeps it, and does not send it', async () => {
    const chat = await mount();
    let sent = 0;
    chat.addEventListener('ec-chat-send', () => sent++);
    await type(chat, 'x'.repeat(2003));
    press(chat, { key: 'Enter' });
    expect(sent).to.equal(0);
    expect(chat.shadowRoot!.querySelector('.refusal')!.textContent).to.contain(
      '3 characters too long',
    );
    expect(box(chat).value.length).to.equal(2003);
  });

  it('offers a retry on a message that was not sent', async () => {
    const chat = await mount([
      entry('lost', { mine: true, delivery: 'failed', clientId: 'c-123456789', seq: undefined }),
    ]);
    let retried = '';
    chat.addEventListener(
      'ec-chat-retry',
      (event) => (retried = (event as CustomEvent<{ clientId: string }>).detail.clientId),
    );
    chat.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
    expect(retried).to.equal('c-123456789');
  });
});
