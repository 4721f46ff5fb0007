/**
 * `<expert-call>`: the launcher a shop puts on its pages.
 *
 * This file is everything a page downloads before a shopper shows interest, so it is plain DOM
 * (no Lit, no livekit-client): a button and the code to fetch the rest. The panel, the
 * conversation logic and livekit-client come as one chunk on the first hover, focus or touch,
 * from the same place as this script.
 */
import { launcherText } from '../i18n/launcher.js';
import { hubLanguage, languageOf } from '../i18n/language.js';
import type { ConversationState } from '../core/conversation-state.js';
import type { Availability, ShopperContext, ShopWords } from '../protocol/index.js';
import type { ResumeTicket, TicketStore } from '../core/shopper-conversation.js';
import type { CreatePanel, Panel, StateChange } from './panel-contract.js';
import { launcherCss } from './expert-call.styles.js';

export type { ConversationState } from '../core/conversation-state.js';
export type { ShopperContext } from '../protocol/index.js';
export type { StateChange } from './panel-contract.js';

const INTENT_EVENTS = ['pointerenter', 'focusin', 'touchstart'] as const;

/** The availability dot is refreshed this often while the page is visible (the hub caches it). */
const AVAILABILITY_EVERY_MS = 60_000;

let panelModule: Promise<{ createPanel: CreatePanel }> | undefined;

/** Fetches the panel chunk once per page, whichever element or event asks first. */
function loadPanel(): Promise<{ createPanel: CreatePanel }> {
  panelModule ??= import('./panel/index.js').catch((error: unknown) => {
    panelModule = undefined; // let a later click try again
    throw error;
  });
  return panelModule;
}

let sheet: CSSStyleSheet | undefined;

const TICKET_KEY = 'expert-call:conversation';

/** The resume ticket lives as long as the tab: the shop's next page can resume, another tab not. */
const sessionTickets: TicketStore = {
  load() {
    try {
      const raw = sessionStorage.getItem(TICKET_KEY);
      return raw ? (JSON.parse(raw) as ResumeTicket) : null;
    } catch {
      return null;
    }
  },
  save(ticket) {
    try {
      if (ticket) sessionStorage.setItem(TICKET_KEY, JSON.stringify(ticket));
      else sessionStorage.removeItem(TICKET_KEY);
    } catch {
      // Storage refused (private mode, quota): the conversation cannot follow to the next page.
    }
  },
};

/**
 * A "Talk to an expert" button that opens a video, voice or chat conversation with the shop's
 * experts.
 *
 * @summary The shopper's launcher: one tap to an expert.
 *
 * @attr hub - URL of the hub this shop's experts answer on, e.g. `https://experts.example.com`.
 * @attr lang - `fr`, `en`, `de`, `es` or `it`; defaults to the closest `lang` attribute (usually `<html lang>`).
 * @attr label - the button's words, instead of "Talk to an expert" (in the page's language).
 * @attr placement - `floating` (default: fixed at the bottom right of the window) or `inline`.
 * @attr topic - the shop's topic this button asks about (`bikes`, `repair`): the shopper waits
 *   for the experts of that topic. Absent: any expert.
 * @attr availability - set by the element, not the page: `free`, `busy`, `none` or `closed`,
 *   from the hub, read once the page is idle and every minute while it is visible. Style with
 *   `expert-call[availability='closed']`, for instance.
 * @attr context - JSON of a ShopperContext (`{"product": {"name": "…"}}`), as an alternative to
 *   the `context` property for pages without JavaScript of their own.
 *
 * @event ec-state - the conversation changed state; `detail` is a StateChange `{ state, previous }`.
 * @event ec-open - the panel opened.
 * @event ec-close - the panel closed (the conversation, if any, goes on).
 * @event ec-error - the panel could not be loaded; `detail` is `{ reason: 'load-failed' }`.
 *
 * @csspart button - the launcher button.
 * @csspart badge - the availability dot on the button's corner.
 * @csspart panel - the panel's body, once loaded.
 *
 * @cssprop [--ec-accent=#0b5fff] - the button's and primary actions' colour.
 * @cssprop [--ec-on-accent=#fff] - text on the accent colour.
 * @cssprop [--ec-font=system-ui] - font family.
 * @cssprop [--ec-radius=14px] - corner radius of the panel.
 * @cssprop [--ec-z-index=2147483000] - stacking of the floating button and panel.
 */
export class ExpertCall extends HTMLElement {
  static observedAttributes = ['hub', 'lang', 'placement', 'context', 'label'];

  private readonly root: ShadowRoot;
  private readonly button: HTMLButtonElement;
  private readonly label: HTMLSpanElement;
  private readonly badge: HTMLSpanElement;
  private readonly badgeText: HTMLSpanElement;
  private availabilityTimer: ReturnType<typeof setTimeout> | undefined;
  /** The shop's own words, from the hub (its config's `texts`). */
  private words: ShopWords = {};
  private readonly slotForPanel: HTMLDivElement;
  private panel: Panel | undefined;
  private opening: Promise<void> | undefined;
  private contextValue: ShopperContext | undefined;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    if (
      'adoptedStyleSheets' in this.root &&
      typeof CSSStyleSheet.prototype.replaceSync === 'function'
    ) {
      // A constructed sheet, not a <style>: shops with a strict style-src CSP need no exception.
      sheet ??= new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(launcherCss);
      this.root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = launcherCss;
      this.root.append(style);
    }
    this.button = document.createElement('button');
    this.button.part.add('button');
    this.button.type = 'button';
    this.button.setAttribute('aria-haspopup', 'dialog');
    this.button.setAttribute('aria-expanded', 'false');
    const icon = document.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    this.label = document.createElement('span');
    this.badge = document.createElement('span');
    this.badge.className = 'badge';
    this.badge.part.add('badge');
    this.badge.hidden = true;
    this.badge.setAttribute('aria-hidden', 'true');
    this.badgeText = document.createElement('span');
    this.badgeText.className = 'hidden-text';
    this.button.append(icon, this.label, this.badgeText, this.badge);
    this.slotForPanel = document.createElement('div');
    this.slotForPanel.className = 'panel';
    this.slotForPanel.hidden = true;
    this.root.append(this.button, this.slotForPanel);

    this.button.addEventListener('click', () => void this.open());
    for (const type of INTENT_EVENTS) {
      this.button.addEventListener(type, this.warmUp, { passive: true });
    }
  }

  /** Page and product data the expert will see. Merged over the page's URL and title. */
  get context(): ShopperContext {
    return {
      pageUrl: location.href,
      pageTitle: document.title,
      ...(this.contextValue ?? this.contextFromAttribute()),
    };
  }

  set context(value: ShopperContext) {
    this.contextValue = value;
    this.panel?.refresh();
  }

  /** The conversation's state; `idle` until the panel has loaded. */
  get state(): ConversationState {
    return this.panel?.state ?? { kind: 'idle' };
  }

  /** Opens the panel (loading it if needed) at the first screen or the ongoing conversation. */
  open(): Promise<void> {
    this.opening ??= this.load()
      .then((panel) => {
        this.slotForPanel.hidden = false;
        this.button.setAttribute('aria-expanded', 'true');
        this.button.classList.add('open');
        panel.open();
        this.dispatchEvent(new CustomEvent('ec-open', { bubbles: true, composed: true }));
      })
      .catch((error: unknown) => {
        console.error('[expert-call] The panel could not be loaded.', error);
        this.label.textContent = this.text.loadFailed;
        this.dispatchEvent(
          new CustomEvent('ec-error', {
            bubbles: true,
            composed: true,
            detail: { reason: 'load-failed' },
          }),
        );
      })
      .finally(() => (this.opening = undefined));
    return this.opening;
  }

  /** Hides the panel. A call or a place in the queue goes on; the button leads back to it. */
  close(): void {
    if (this.slotForPanel.hidden) return;
    this.slotForPanel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    this.button.classList.remove('open');
    this.renderLabel();
    this.button.focus();
    this.dispatchEvent(new CustomEvent('ec-close', { bubbles: true, composed: true }));
  }

  /** Leaves the queue or hangs up. */
  end(): void {
    this.panel?.end();
  }

  connectedCallback(): void {
    if (!this.hasAttribute('placement')) this.setAttribute('placement', 'floating');
    this.renderLabel();
    if (!this.panel && sessionTickets.load()) void this.resume();
    this.watchAvailability();
  }

  disconnectedCallback(): void {
    clearTimeout(this.availabilityTimer);
    this.availabilityTimer = undefined;
    // Moved within the page: keep the conversation. Removed for good: end it.
    queueMicrotask(() => {
      if (this.isConnected || !this.panel) return;
      this.panel.dispose();
      this.panel = undefined;
    });
  }

  attributeChangedCallback(name: string): void {
    if (name === 'lang' || name === 'context' || name === 'label') {
      this.renderLabel();
      this.panel?.refresh();
    }
  }

  /** The shopper had a conversation on the previous page: carry on with it, in view. */
  private async resume(): Promise<void> {
    try {
      const panel = await this.load();
      await panel.resume();
      await this.open();
    } catch {
      // The chunk did not load: the button still works, and says so on click.
    }
  }

  private get text() {
    return launcherText[languageOf(this)];
  }

  private renderLabel(): void {
    const active =
      this.panel && !['idle', 'choosing', 'closed', 'ended'].includes(this.panel.state.kind);
    this.label.textContent =
      active && this.slotForPanel.hidden
        ? this.text.back
        : (this.getAttribute('label') ?? this.text.call);
  }

  /**
   * Reads whether experts can answer now, without costing the page anything: not before the
   * page is idle, then once a minute while it is visible; a failure just leaves no dot.
   */
  private watchAvailability(): void {
    if (this.availabilityTimer !== undefined) return;
    const idle = (run: () => void) =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: 5_000 })
        : setTimeout(run, 2_000);
    const check = () => {
      if (!this.isConnected) return;
      this.availabilityTimer = setTimeout(check, AVAILABILITY_EVERY_MS);
      if (document.visibilityState !== 'visible') return;
      idle(() => void this.readAvailability());
    };
    this.availabilityTimer = setTimeout(() => {
      if (document.readyState === 'complete') check();
      else addEventListener('load', check, { once: true });
    }, 0);
  }

  private async readAvailability(): Promise<void> {
    const hub = this.getAttribute('hub');
    if (!hub) return;
    try {
      const url = new URL('availability', new URL(hub, location.href).href.replace(/\/?$/, '/'));
      const topic = this.getAttribute('topic');
      if (topic) url.searchParams.set('topic', topic);
      url.searchParams.set('lang', hubLanguage(languageOf(this)));
      const response = await fetch(url, { credentials: 'omit' });
      if (!response.ok) return;
      this.showAvailability((await response.json()) as Availability);
    } catch {
      // No dot is better than a wrong one.
    }
  }

  private showAvailability(availability: Availability): void {
    this.words = availability.texts;
    this.panel?.refresh();
    const state = !availability.open
      ? 'closed'
      : availability.call === 'free' || availability.chat === 'free'
        ? 'free'
        : availability.call === 'busy' || availability.chat === 'busy'
          ? 'busy'
          : 'none';
    const words = this.text.availability;
    const said =
      state === 'free' ? (availability.call === 'free' ? words.call : words.chat) : words[state];
    this.setAttribute('availability', state);
    this.badge.dataset['state'] = state;
    this.badge.hidden = false;
    this.badgeText.textContent = `, ${said}`;
    this.button.title = said;
  }

  private warmUp = (): void => {
    for (const type of INTENT_EVENTS) this.button.removeEventListener(type, this.warmUp);
    loadPanel().catch(() => {}); // a failure shows on click, where the shopper is looking
  };

  private async load(): Promise<Panel> {
    if (this.panel) return this.panel;
    const hub = this.getAttribute('hub');
    if (!hub) {
      console.error('[expert-call] The "hub" attribute is missing: set it to your hub\'s URL.');
    }
    const { createPanel } = await loadPanel();
    if (this.panel) return this.panel;
    const panel = createPanel({
      hub: hub ?? '',
      lang: () => languageOf(this),
      context: () => this.context,
      topic: () => this.getAttribute('topic') ?? undefined,
      words: () => this.words,
      onState: (change: StateChange) => {
        this.renderLabel();
        this.dispatchEvent(
          new CustomEvent<StateChange>('ec-state', {
            bubbles: true,
            composed: true,
            detail: change,
          }),
        );
      },
      onClose: () => this.close(),
      tickets: sessionTickets,
    });
    this.panel = panel;
    this.slotForPanel.append(panel.element);
    return panel;
  }

  private contextFromAttribute(): ShopperContext {
    const raw = this.getAttribute('context');
    if (!raw) return {};
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        return parsed as ShopperContext;
    } catch {
      // reported below
    }
    console.warn('[expert-call] The "context" attribute is not a JSON object; it is ignored.');
    return {};
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'expert-call': ExpertCall;
  }
  interface HTMLElementEventMap {
    'ec-state': CustomEvent<StateChange>;
    'ec-error': CustomEvent<{ reason: 'load-failed' }>;
  }
}
