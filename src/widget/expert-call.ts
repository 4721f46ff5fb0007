/**
 * `<expert-call>`: the launcher a shop puts on its pages.
 *
 * This file is everything a page downloads before a shopper shows interest, so it is plain DOM
 * (no Lit, no livekit-client): a button and the code to fetch the rest. The panel, the
 * conversation logic and livekit-client come as one chunk on the first hover, focus or touch,
 * from the same place as this script.
 */
import { launcherText } from '../i18n/launcher.js';
import { languageOf } from '../i18n/language.js';
import type { ConversationState } from '../core/conversation-state.js';
import type { Availability, ShopperContext, ShopWords } from '../protocol/index.js';
import type { ResumeTicket, TicketStore } from '../core/resume-ticket.js';
import type {
  CreatePanel,
  HandoffTake,
  Panel,
  ProductEventDetail,
  StateChange,
} from './panel-contract.js';
import { launcherCss } from './expert-call.styles.js';
import { ElementBase } from '../core/custom-element.js';
import type { ExpertCallErrorDetail, ExpertCallErrorReason } from '../core/expert-call-error.js';
import { checkHub, hubAttributeProblem } from './hub-check.js';

export type { ConversationState } from '../core/conversation-state.js';
export type { ShopperContext } from '../protocol/index.js';
export type { ProductEventDetail, StateChange } from './panel-contract.js';
export type { ProductCard } from '../protocol/index.js';
export type { ExpertCallErrorDetail, ExpertCallErrorReason } from '../core/expert-call-error.js';

const INTENT_EVENTS = ['pointerenter', 'focusin', 'touchstart'] as const;

/** The availability dot is refreshed this often while the page is visible (the hub caches it). */
const AVAILABILITY_EVERY_MS = 60_000;

let panelModule: Promise<{ createPanel: CreatePanel }> | undefined;

/**
 * Fetches the panel chunk once per page, whichever element or event asks first; resolves once
 * the chunk is ready (the page's language's words there too).
 */
function loadPanel(): Promise<{ createPanel: CreatePanel }> {
  panelModule ??= import('./panel/index.js')
    .then(async (module) => {
      await module.ready;
      return module;
    })
    .catch((error: unknown) => {
      panelModule = undefined; // let a later click try again
      throw error;
    });
  return panelModule;
}

let sheet: CSSStyleSheet | undefined;

/**
 * One conversation per page, however many buttons: the element that opened first holds the
 * panel and the conversation, and every other one opens that same panel.
 */
let holder: ExpertCall | undefined;
/** The element whose context the expert sees: the one the shopper used last. */
let opener: ExpertCall | undefined;
const onPage = new Set<ExpertCall>();

/**
 * What every `<expert-call>` of the page takes unless it sets its own: attributes from the
 * one-tag script's `data-*` (`data-hub`, …), the context from `ExpertCall('setContext', …)`
 * and the customer token from `ExpertCall('identify', …)`.
 */
export const pageDefaults: {
  attributes: Record<string, string>;
  context?: ShopperContext;
  customerToken?: string | null;
} = {
  attributes: {},
};

/** Attributes the one-tag script's `data-*` may give every element. */
export const PAGE_ATTRIBUTES = ['hub', 'topic', 'lang', 'label', 'placement', 'when-unavailable'];

/** Console messages already written on this page: one per cause, however many elements. */
const told = new Set<string>();

function tellDeveloper(message: string): void {
  if (told.has(message)) return;
  told.add(message);
  console.error(`[expert-call] ${message}`);
}

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
 * The code another device gave to carry its conversation on here: the page's address ends in
 * `#ec-take=<mode>.<code>` (its QR code, its link). Taken off the address at once, so that a
 * reload or a shared address does not present it again.
 */
function takeFromAddress(): HandoffTake | undefined {
  const found = /^#ec-take=(video|audio|chat)\.([A-Za-z0-9_-]{22})$/.exec(location.hash);
  if (!found) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  return { mode: found[1] as HandoffTake['mode'], code: found[2]! };
}

/**
 * A "Talk to an expert" button that opens a video, voice or chat conversation with the shop's
 * experts.
 *
 * @summary The shopper's launcher: one tap to an expert.
 * @tagname expert-call
 *
 * @attr hub - URL of the hub this shop's experts answer on, e.g. `https://experts.example.com`.
 * @attr lang - `fr`, `en`, `de`, `es` or `it`; defaults to the closest `lang` attribute (usually `<html lang>`).
 * @attr label - the button's words, instead of "Talk to an expert" (in the page's language).
 * @attr placement - `floating` (default: fixed at the bottom right of the window) or `inline`.
 * @attr topic - the shop's topic this button asks about (`bikes`, `repair`): the shopper waits
 *   for the experts of that topic. Absent: any expert.
 * @attr availability - set by the element, not the page: `free`, `busy`, `none` or `closed`,
 *   from the hub, read once the page is idle and every minute while it is visible; `unavailable`
 *   when the hub cannot be used (see `ec-error`). Style with `expert-call[availability='closed']`,
 *   for instance.
 * @attr when-unavailable - `show` (default: the button stays, says that video help is
 *   unavailable and offers nothing) or `hide` (the element hides itself while unavailable).
 * @attr context - JSON of a ShopperContext (`{"product": {"name": "…"}}`), as an alternative to
 *   the `context` property for pages without JavaScript of their own.
 *
 * @event {CustomEvent<StateChange>} ec-state - the conversation changed state; `detail` is a StateChange `{ state, previous }`.
 * @event {CustomEvent<null>} ec-open - the panel opened.
 * @event {CustomEvent<null>} ec-close - the panel closed (the conversation, if any, goes on).
 * @event {CustomEvent<ExpertCallErrorDetail>} ec-error - the hub cannot be used or the panel could not be loaded; `detail` is an
 *   ExpertCallErrorDetail `{ reason, message }`, `reason` from a closed set (README, "Errors").
 * @event {CustomEvent<ProductEventDetail>} ec-add-to-cart - the shopper added a product the expert showed to the cart; `detail` is
 *   `{ product, conversationId }`: the page adds it to its cart.
 * @event {CustomEvent<ProductEventDetail>} ec-reserve - the shopper reserved a product the expert showed, for collection in the
 *   store its card names; `detail` is `{ product, conversationId }`.
 * @event {CustomEvent<ProductEventDetail>} ec-open-product - the shopper opened the page of a product the expert showed; cancel
 *   it to route there yourself (the link is then not followed).
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
export class ExpertCall extends ElementBase {
  static observedAttributes = ['hub', 'lang', 'placement', 'context', 'label', 'topic'];

  private readonly root: ShadowRoot;
  private readonly button: HTMLButtonElement;
  private readonly buttonText: HTMLSpanElement;
  private readonly badge: HTMLSpanElement;
  private readonly badgeText: HTMLSpanElement;
  private availabilityTimer: ReturnType<typeof setTimeout> | undefined;
  /** The shop's own words, from the hub (its config's `texts`). */
  private words: ShopWords = {};
  private readonly slotForPanel: HTMLDivElement;
  private panel: Panel | undefined;
  private opening: Promise<void> | undefined;
  private contextValue: ShopperContext | undefined;
  private customerTokenValue: string | null | undefined;
  /** Why the hub cannot be used, once a check has found out; null while it can (or unknown). */
  private problem: ExpertCallErrorReason | null = null;

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
    this.buttonText = document.createElement('span');
    this.badge = document.createElement('span');
    this.badge.className = 'badge';
    this.badge.part.add('badge');
    this.badge.hidden = true;
    this.badge.setAttribute('aria-hidden', 'true');
    this.badgeText = document.createElement('span');
    this.badgeText.className = 'hidden-text';
    this.button.append(icon, this.buttonText, this.badgeText, this.badge);
    this.slotForPanel = document.createElement('div');
    this.slotForPanel.className = 'panel';
    this.slotForPanel.hidden = true;
    this.root.append(this.button, this.slotForPanel);

    this.button.addEventListener('click', () => void this.open());
    for (const type of INTENT_EVENTS) {
      this.button.addEventListener(type, this.warmUp, { passive: true });
    }
  }

  /** URL of the hub (the `hub` attribute): frameworks may set it as a property too. */
  get hub(): string {
    return this.getAttribute('hub') ?? '';
  }
  set hub(value: string) {
    this.setAttribute('hub', value);
  }

  /** The shop's topic this button asks about (the `topic` attribute). */
  get topic(): string {
    return this.getAttribute('topic') ?? '';
  }
  set topic(value: string) {
    this.setAttribute('topic', value);
  }

  /** The button's words (the `label` attribute), instead of "Talk to an expert". */
  get label(): string {
    return this.getAttribute('label') ?? '';
  }
  set label(value: string) {
    this.setAttribute('label', value);
  }

  /** `floating` or `inline` (the `placement` attribute). */
  get placement(): 'floating' | 'inline' {
    return this.getAttribute('placement') === 'inline' ? 'inline' : 'floating';
  }
  set placement(value: 'floating' | 'inline') {
    this.setAttribute('placement', value);
  }

  /** Page and product data the expert will see. Merged over the page's URL and title. */
  get context(): ShopperContext {
    return {
      pageUrl: location.href,
      pageTitle: document.title,
      ...pageDefaults.context,
      ...(this.contextValue ?? this.contextFromAttribute()),
    };
  }

  set context(value: ShopperContext) {
    this.contextValue = value;
    holder?.panel?.refresh();
  }

  /**
   * Who the logged-in customer is: a token the shop's server signed for them (README, "Identify
   * a logged-in customer"). Sent with the next conversation's request; the hub verifies it and
   * the expert sees the verified name. One that does not verify leaves the shopper unidentified,
   * never without their conversation. Set during a conversation, it applies to the next one.
   * `null` (the customer logged out) sends none, whatever `ExpertCall('identify', …)` gave.
   */
  get customerToken(): string | null {
    return this.customerTokenValue !== undefined
      ? this.customerTokenValue
      : (pageDefaults.customerToken ?? null);
  }

  set customerToken(value: string | null) {
    this.customerTokenValue = value;
  }

  /** The page's conversation state (shared by every button); `idle` until the panel has loaded. */
  get state(): ConversationState {
    return (this.holder ?? this).panel?.state ?? { kind: 'idle' };
  }

  /** @internal The page's context, from `ExpertCall('setContext', …)`: shown at once if open. */
  static setPageContext(context: ShopperContext): void {
    pageDefaults.context = context;
    holder?.panel?.refresh();
  }

  /** @internal The page's customer token, from `ExpertCall('identify', …)`: for the next request. */
  static setPageCustomerToken(token: string | null): void {
    pageDefaults.customerToken = token;
  }

  /** Another element of the page that holds the panel, if any. */
  private get holder(): ExpertCall | undefined {
    return holder && holder !== this && holder.isConnected ? holder : undefined;
  }

  /**
   * Opens the panel (loading it if needed) at the first screen or the ongoing conversation. While
   * the hub cannot be used (see `ec-error`), checks it again and opens only if it now can.
   */
  open(): Promise<void> {
    return this.openAs(false);
  }

  /** `resumed`: show the resumed conversation as it stands, even ended (see `Panel.open`). */
  private openAs(resumed: boolean): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the page's one opener
    opener = this;
    return (this.holder ?? this).openHere(resumed);
  }

  private openHere(resumed: boolean): Promise<void> {
    this.opening ??= this.usable()
      .then((usable) => (usable ? this.show(resumed) : undefined))
      .finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async usable(): Promise<boolean> {
    if (this.inConversation) return true;
    if (!this.problem && !hubAttributeProblem(this.getAttribute('hub'))) return true;
    await this.readAvailability();
    return !this.problem;
  }

  private show(resumed = false): Promise<void> {
    if (this.holder) return this.holder.show(resumed);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the page's one holder
    holder = this;
    return this.load()
      .then((panel) => {
        this.slotForPanel.hidden = false;
        this.button.setAttribute('aria-expanded', 'true');
        this.button.classList.add('open');
        panel.refresh(); // the context of the button used, if another opened it before
        panel.open(resumed);
        this.dispatchEvent(new CustomEvent('ec-open', { bubbles: true, composed: true }));
      })
      .catch((error: unknown) => {
        console.error('[expert-call] The panel could not be loaded.', error);
        this.buttonText.textContent = this.text.loadFailed;
        this.fail('load-failed');
      });
  }

  /** Hides the panel. A call or a place in the queue goes on; the button leads back to it. */
  close(): void {
    if (this.holder) return this.holder.close();
    if (this.slotForPanel.hidden) return;
    this.slotForPanel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    this.button.classList.remove('open');
    for (const element of onPage) element.renderLabel();
    (opener?.isConnected ? opener : this).button.focus();
    this.dispatchEvent(new CustomEvent('ec-close', { bubbles: true, composed: true }));
  }

  /** Leaves the queue or hangs up. */
  end(): void {
    (this.holder ?? this).panel?.end();
  }

  connectedCallback(): void {
    onPage.add(this);
    for (const name of PAGE_ATTRIBUTES) {
      const value = pageDefaults.attributes[name];
      if (value !== undefined && !this.hasAttribute(name)) this.setAttribute(name, value);
    }
    if (!this.hasAttribute('placement')) this.setAttribute('placement', 'floating');
    this.renderLabel();
    const take = holder ? undefined : takeFromAddress();
    if (!holder && (take || sessionTickets.load())) {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the page's one holder
      holder = this;
      void this.resume(take);
    }
    this.watchAvailability();
  }

  disconnectedCallback(): void {
    clearTimeout(this.availabilityTimer);
    this.availabilityTimer = undefined;
    // Moved within the page: keep the conversation. Removed for good: end it.
    queueMicrotask(() => {
      if (this.isConnected) return;
      onPage.delete(this);
      if (opener === this) opener = undefined;
      if (holder === this) holder = undefined;
      if (!this.panel) return;
      this.panel.dispose();
      this.panel = undefined;
    });
  }

  attributeChangedCallback(name: string): void {
    if (name === 'lang' || name === 'context' || name === 'label') {
      this.renderLabel();
      this.panel?.refresh();
    }
    // A framework may set the hub after the first check: check the new one.
    if ((name === 'hub' || name === 'topic') && this.problem) void this.readAvailability();
  }

  /**
   * The shopper had a conversation on the previous page, or on another device whose QR code or
   * link brought them here (`take`): carry on with it, in view.
   */
  private async resume(take?: HandoffTake): Promise<void> {
    try {
      const panel = await this.load();
      await panel.resume(take);
      // A resume the hub refused at once has ended already: show how, not the first screen.
      await this.openAs(true);
    } catch {
      // The chunk did not load: the button still works, and says so on click.
    }
  }

  private get text() {
    return launcherText[languageOf(this)];
  }

  /** A conversation is under way (queued, ringing, in a call or a chat). */
  private get inConversation(): boolean {
    return !['idle', 'choosing', 'closed', 'ended'].includes(this.state.kind);
  }

  private renderLabel(): void {
    const hidden = (this.holder ?? this).slotForPanel.hidden;
    this.buttonText.textContent =
      this.inConversation && hidden
        ? this.text.back
        : this.problem && hidden
          ? this.text.unavailable
          : (this.getAttribute('label') ?? this.text.call);
  }

  /**
   * Says why once in the console and fires `ec-error`. The words are fetched when needed: a
   * page whose set-up is right never downloads them.
   */
  private fail(reason: ExpertCallErrorReason, status?: number): void {
    const facts = { hub: this.getAttribute('hub'), origin: location.origin, status };
    void import('../core/expert-call-error.js')
      .then(
        ({ explainError }) => explainError(reason, facts),
        () => `${reason}: see "Errors" in expert-call's README.`,
      )
      .then((message) => {
        if (reason !== 'load-failed') tellDeveloper(message);
        this.dispatchEvent(
          new CustomEvent<ExpertCallErrorDetail>('ec-error', {
            bubbles: true,
            composed: true,
            detail: { reason, message },
          }),
        );
      });
  }

  private setProblem(reason: ExpertCallErrorReason | null, status?: number): void {
    if (reason === this.problem) return;
    this.problem = reason;
    if (reason) {
      this.setAttribute('availability', 'unavailable');
      this.button.setAttribute('aria-disabled', 'true');
      this.button.title = this.text.unavailable;
      this.badge.hidden = true;
      this.badgeText.textContent = '';
      this.fail(reason, status);
    } else {
      this.removeAttribute('availability');
      this.button.removeAttribute('aria-disabled');
      this.button.title = '';
    }
    this.renderLabel();
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
    const check = await checkHub(this.getAttribute('hub'), {
      topic: this.getAttribute('topic'),
      lang: languageOf(this),
    });
    if (!check.ok) {
      this.setProblem(check.reason, check.status);
      return;
    }
    this.setProblem(null);
    this.showAvailability(check.availability);
  }

  /**
   * A conversation could not reach the hub: find out why. A hub that answers over HTTP to a
   * conversation that never got through has its WebSocket blocked on the way (a proxy).
   */
  private async diagnose(change: StateChange): Promise<void> {
    const check = await checkHub(this.getAttribute('hub'), {
      topic: this.getAttribute('topic'),
      lang: languageOf(this),
    });
    if (!check.ok) this.setProblem(check.reason, check.status);
    else if (change.previous.kind === 'requesting') this.setProblem('socket-refused');
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
    const { createPanel } = await loadPanel();
    if (this.panel) return this.panel;
    const panel = createPanel({
      hub: hub ?? '',
      lang: () => languageOf(this),
      context: () => (opener?.isConnected ? opener : this).context,
      customerToken: () => (opener?.isConnected ? opener : this).customerToken ?? undefined,
      topic: () => this.getAttribute('topic') ?? undefined,
      words: () => this.words,
      onState: (change: StateChange) => {
        for (const element of onPage) element.renderLabel();
        if (change.state.kind === 'ended' && change.state.reason === 'hub-unreachable') {
          void this.diagnose(change);
        }
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
  /** Our events bubble and cross shadow roots: typed on elements, the document and the window. */
  interface GlobalEventHandlersEventMap {
    /** The conversation changed state. */
    'ec-state': CustomEvent<StateChange>;
    /** The panel opened. */
    'ec-open': CustomEvent<null>;
    /** The panel closed; the conversation, if any, goes on. */
    'ec-close': CustomEvent<null>;
    /** The hub cannot be used, or the panel could not be loaded. */
    'ec-error': CustomEvent<ExpertCallErrorDetail>;
    /** The shopper added a product the expert showed to the cart. */
    'ec-add-to-cart': CustomEvent<ProductEventDetail>;
    /** The shopper reserved a product the expert showed, for collection in a store. */
    'ec-reserve': CustomEvent<ProductEventDetail>;
    /** The shopper opened the page of a product the expert showed (cancelable). */
    'ec-open-product': CustomEvent<ProductEventDetail>;
  }
}
