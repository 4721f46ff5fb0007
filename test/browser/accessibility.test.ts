/**
 * axe-core on every state of both elements that a page reaches without a hub (the states of a
 * live call are checked end to end, in test/e2e/accessibility.test.ts), in the five languages
 * and at desktop and phone sizes: zero violations. axe-core is served from node_modules.
 */
import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import '../../src/widget/index.js';
import '../../src/console/index.js';
import type { ExpertCall } from '../../src/widget/index.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { loadAxe, violations } from '../support/axe.js';

const DEAD_HUB = 'http://127.0.0.1:9';
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

before(loadAxe);

afterEach(async () => {
  for (const element of document.querySelectorAll('expert-call, expert-console')) element.remove();
  document.documentElement.removeAttribute('lang');
  await setViewport({ width: 800, height: 600 });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

function panelOf(element: ExpertCall) {
  return element.shadowRoot!.querySelector('expert-call-panel')!;
}

async function openShop(lang: string, theme?: 'dark'): Promise<ExpertCall> {
  document.documentElement.lang = lang;
  const element = document.createElement('expert-call');
  element.setAttribute('hub', DEAD_HUB);
  if (theme) element.setAttribute('theme', theme);
  element.context = { product: { name: 'Lumen E-City 500' } };
  document.body.append(element);
  await element.open();
  await panelOf(element).updateComplete;
  return element;
}

for (const size of SIZES) {
  for (const lang of LANGUAGES) {
    describe(`accessibility, ${lang}, ${size.name} (${size.width}×${size.height})`, () => {
      beforeEach(() => setViewport({ width: size.width, height: size.height }));

      it('the launcher has no violations', async () => {
        document.documentElement.lang = lang;
        const element = document.createElement('expert-call');
        element.setAttribute('hub', DEAD_HUB);
        document.body.append(element);
        expect(await violations()).to.deep.equal([]);
      });

      it('the first screen has no violations', async () => {
        await openShop(lang);
        expect(await violations()).to.deep.equal([]);
      });

      it('the end screen after an unreachable hub has no violations', async () => {
        const element = await openShop(lang);
        panelOf(element)
          .shadowRoot!.querySelector<HTMLButtonElement>('[data-mode="chat"]')!
          .click();
        await until(() => element.state.kind === 'ended');
        await panelOf(element).updateComplete;
        expect(await violations()).to.deep.equal([]);
      });

      it('the console sign-in has no violations', async () => {
        document.documentElement.lang = lang;
        const console = document.createElement('expert-console');
        console.setAttribute('hub', DEAD_HUB);
        document.body.append(console);
        await console.updateComplete;
        expect(await violations()).to.deep.equal([]);
      });
    });
  }
}

describe('accessibility, dark theme', () => {
  it('the first screen in dark has no violations', async () => {
    await openShop('en', 'dark');
    expect(await violations()).to.deep.equal([]);
  });

  it('the console in dark has no violations', async () => {
    document.documentElement.lang = 'en';
    const console = document.createElement('expert-console');
    console.setAttribute('hub', DEAD_HUB);
    console.setAttribute('theme', 'dark');
    document.body.append(console);
    await console.updateComplete;
    expect(await violations()).to.deep.equal([]);
  });
});

describe('the panel as a dialog', () => {
  it('is a modal dialog named by its title', async () => {
    const element = await openShop('en');
    const dialog = panelOf(element).shadowRoot!.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).to.equal('true');
    const title = panelOf(element).shadowRoot!.getElementById(
      dialog.getAttribute('aria-labelledby')!,
    );
    expect(title?.textContent).to.equal('Talk to an expert');
  });

  it('has one polite live region, and the chat log is not inside it', async () => {
    const element = await openShop('en');
    const root = panelOf(element).shadowRoot!;
    const live = root.querySelectorAll('[aria-live], [role="status"], [role="alert"]');
    expect(live.length).to.equal(1);
    expect(live[0]!.getAttribute('role')).to.equal('status');
  });

  it('keeps Tab and Shift+Tab inside while open', async () => {
    const element = await openShop('en');
    const root = panelOf(element).shadowRoot!;
    const close = root.querySelector<HTMLButtonElement>('.close')!;
    // The device check's button comes last, under the choices.
    const last = root.querySelector<HTMLButtonElement>('[data-control="device-check"]')!;
    last.focus();
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true }));
    expect(root.activeElement).to.equal(close);
    close.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, composed: true }),
    );
    expect(root.activeElement).to.equal(last);
  });

  it('follows the launcher’s theme attribute', async () => {
    const element = await openShop('en', 'dark');
    const panel = panelOf(element);
    expect(panel.getAttribute('theme')).to.equal('dark');
    const surface = getComputedStyle(panel.shadowRoot!.querySelector('.dialog')!).backgroundColor;
    expect(surface).to.equal('rgb(28, 33, 40)');
    element.setAttribute('theme', 'light');
    await until(() => panel.getAttribute('theme') === 'light');
  });

  it('lets the shop style its parts through ::part', async () => {
    const style = document.createElement('style');
    style.textContent = 'expert-call::part(panel) { border-top: 7px solid rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const element = await openShop('en');
      const dialog = panelOf(element).shadowRoot!.querySelector('.dialog')!;
      expect(getComputedStyle(dialog).borderTopColor).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });
});
