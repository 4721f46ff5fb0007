/**
 * `<expert-call>` in a real Chromium: what a shop's page gets before and after a click.
 */
import { expect } from '@esm-bundle/chai';
import { ExpertCall } from '../../src/widget/index.js';
import type { StateChange } from '../../src/widget/index.js';
import { callBlocker } from '../../src/core/media-session.js';
import { until as waitUntil } from '../support/deadline.js';

/** A hub URL where nothing listens: port 9 (discard) on loopback refuses at once. */
const DEAD_HUB = 'http://127.0.0.1:9';

function panelRequested(): boolean {
  return performance
    .getEntriesByType('resource')
    .some((entry) => entry.name.includes('/widget/panel/'));
}

async function mount(attributes: Record<string, string> = {}): Promise<ExpertCall> {
  const element = document.createElement('expert-call');
  element.setAttribute('hub', DEAD_HUB);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

function button(element: ExpertCall): HTMLButtonElement {
  return element.shadowRoot!.querySelector('button')!;
}

function panelText(element: ExpertCall): string {
  const panel = element.shadowRoot!.querySelector('expert-call-panel');
  return panel?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
}

/** Waits for `condition`; fails after 10 s saying `what` never came (not a timing requirement). */
async function until(condition: () => boolean, what: string): Promise<void> {
  await waitUntil(condition, (holds) => holds, { what, timeoutMs: 10_000, everyMs: 20 });
}

afterEach(() => {
  for (const element of document.querySelectorAll('expert-call')) element.remove();
  document.documentElement.removeAttribute('lang');
});

describe('<expert-call> before any click', () => {
  it('is defined by importing the module, in a browser', () => {
    expect(customElements.get('expert-call')).to.equal(ExpertCall);
    expect(document.createElement('expert-call')).to.be.instanceOf(ExpertCall);
  });

  it('is a button that says what it does, in the page language', async () => {
    document.documentElement.lang = 'fr-FR';
    const element = await mount();
    expect(button(element).textContent).to.equal('Parler à un expert');
    element.setAttribute('lang', 'en');
    expect(button(element).textContent).to.equal('Talk to an expert');
    expect(button(element).getAttribute('aria-haspopup')).to.equal('dialog');
  });

  it('falls back to English for a language it does not speak', async () => {
    document.documentElement.lang = 'nl';
    expect(button(await mount()).textContent).to.equal('Talk to an expert');
  });

  it('speaks German, Spanish and Italian too', async () => {
    document.documentElement.lang = 'de-AT';
    expect(button(await mount()).textContent).to.equal('Mit einem Experten sprechen');
    document.documentElement.lang = 'es';
    expect(button(await mount()).textContent).to.equal('Hablar con un experto');
    document.documentElement.lang = 'it';
    expect(button(await mount()).textContent).to.equal('Parla con un esperto');
  });

  it('floats at the bottom right by default, or sits inline', async () => {
    const floating = await mount();
    expect(getComputedStyle(floating).position).to.equal('fixed');
    const inline = await mount({ placement: 'inline' });
    expect(getComputedStyle(inline).position).to.equal('relative');
  });

  it('loads the panel only on intent', async () => {
    const element = await mount();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(panelRequested(), 'panel fetched before any intent').to.equal(false);
    button(element).dispatchEvent(new PointerEvent('pointerenter'));
    await until(panelRequested, 'panel fetched on hover');
  });
});

describe('<expert-call> after a click', () => {
  it('opens on a first screen that says what is shared, camera off, and moves focus into it', async () => {
    const element = await mount({ lang: 'en' });
    element.context = { product: { name: 'Lumen E-City 500' } };
    await element.open();
    const panel = element.shadowRoot!.querySelector('expert-call-panel')!;
    await panel.updateComplete;
    const text = panelText(element);
    expect(text).to.contain('Your camera stays off');
    expect(text).to.contain('Lumen E-City 500');
    expect(text).to.contain('Video call');
    expect(text).to.contain('Voice only');
    await until(() => panel.shadowRoot!.activeElement !== null, 'focus inside the panel');
    expect(element.state.kind).to.equal('choosing');
  });

  /** The first screen's choices, in order. */
  const choices = (element: ExpertCall) =>
    [
      ...element
        .shadowRoot!.querySelector('expert-call-panel')!
        .shadowRoot!.querySelectorAll<HTMLButtonElement>('.choices [data-mode]'),
    ].map(
      (b) => `${b.dataset['mode']}:${b.classList.contains('primary') ? 'primary' : 'secondary'}`,
    );

  it('offers writing once, first, where calling must wait and writing need not', async () => {
    const element = await mount({ lang: 'en' });
    await element.open();
    const panel = element.shadowRoot!.querySelector('expert-call-panel')!;
    expect(choices(element)).to.deep.equal(['video:primary', 'audio:secondary', 'chat:secondary']);
    panel.availability = { open: true, call: 'busy', chat: 'free', texts: {} };
    await panel.updateComplete;
    expect(choices(element)).to.deep.equal(['chat:primary', 'video:secondary', 'audio:secondary']);
  });

  it('offers writing alone in a browser that cannot call, and says why', async () => {
    const real = window.RTCPeerConnection;
    // A browser without WebRTC (an old in-app browser): the one thing it lacks here.
    Object.defineProperty(window, 'RTCPeerConnection', { value: undefined, configurable: true });
    try {
      const element = await mount({ lang: 'en' });
      await element.open();
      expect(choices(element)).to.deep.equal(['chat:primary']);
      expect(panelText(element)).to.contain('This browser cannot make video calls');
      // Nothing on the screen promises a call.
      expect(panelText(element)).to.not.match(/by video or voice|camera stays off/i);
    } finally {
      Object.defineProperty(window, 'RTCPeerConnection', { value: real, configurable: true });
    }
  });

  it('offers writing alone in a frame that may not use the microphone, and the phone for video', async () => {
    // The page's policy as Chromium gives it to a frame without allow="microphone" (the
    // detection itself is tested in a real frame below).
    Object.defineProperty(document, 'featurePolicy', {
      value: { allowsFeature: (feature: string) => feature !== 'microphone' },
      configurable: true,
    });
    try {
      const element = await mount({ lang: 'en' });
      await element.open();
      expect(choices(element)).to.deep.equal(['chat:primary']);
      expect(panelText(element)).to.contain('Calls cannot start from this page');
      expect(panelText(element)).to.contain('carry on with video on your phone');
    } finally {
      delete (document as { featurePolicy?: unknown }).featurePolicy;
    }
  });

  it('knows a frame without the microphone, a frame with it and a page of its own apart', async () => {
    const frame = (allow?: string) => {
      const iframe = document.createElement('iframe');
      if (allow) iframe.setAttribute('allow', allow);
      document.body.append(iframe);
      return iframe;
    };
    const closed = frame("microphone 'none'");
    const open = frame();
    try {
      expect(callBlocker(closed.contentWindow!)).to.equal('framed');
      expect(callBlocker(open.contentWindow!)).to.equal(undefined);
      expect(callBlocker(window)).to.equal(undefined);
    } finally {
      closed.remove();
      open.remove();
    }
  });

  it('closes on Escape and gives focus back to the button', async () => {
    const element = await mount({ lang: 'en' });
    await element.open();
    const panel = element.shadowRoot!.querySelector('expert-call-panel')!;
    panel.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(element.shadowRoot!.querySelector<HTMLElement>('.panel')!.hidden).to.equal(true);
    expect(element.shadowRoot!.activeElement).to.equal(button(element));
  });

  it('says plainly when the hub cannot be reached, and offers to try again', async () => {
    const element = await mount({ lang: 'en' });
    const changes: StateChange[] = [];
    element.addEventListener('ec-state', (event) => changes.push(event.detail));
    await element.open();
    const panel = element.shadowRoot!.querySelector('expert-call-panel')!;
    await panel.updateComplete;
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[data-mode="video"]')!.click();
    await until(() => element.state.kind === 'ended', 'the conversation ends');
    await panel.updateComplete;
    expect(panelText(element)).to.contain('We could not reach our experts');
    expect(changes.map((c) => c.state.kind)).to.deep.equal(['choosing', 'requesting', 'ended']);
    const again = [...panel.shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Try again'),
    );
    again!.click();
    expect(element.state.kind).to.equal('choosing');
  });

  it('rejects a context attribute that is not JSON without breaking', async () => {
    const element = await mount({ context: '{not json' });
    expect(element.context.pageUrl).to.equal(location.href);
    expect(element.context.product).to.equal(undefined);
  });
});
