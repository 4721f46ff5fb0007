import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import {
  callOf,
  type ConversationCard,
  type DeskState,
  type HeldConversation,
  type ReadyState,
  type Ring,
  type SignedOutReason,
} from '../core/desk-state.js';
import { ExpertDesk, type WaitingQueue } from '../core/expert-desk.js';
import { consoleText } from '../i18n/console.js';
import type { ChatReason } from '../protocol/index.js';
import { LANGUAGES, languageOf, type UiLanguage } from '../i18n/language.js';
import { unreadCount } from '../ui/unread-count.js';
import { icon } from '../ui/icons.js';
import { blurButton, blurNotes } from '../ui/blur-control.js';
import { screenShareButton, screenShareNotes } from '../ui/screen-share.js';
import { RingAlert } from './ring-alert.js';
import { callControlsStyles } from '../ui/call-controls.styles.js';
import '../ui/call-stage.js';
import { chatFor } from '../ui/chat-binding.js';
import '../ui/chat-view.js';
import { SubscriptionController } from '../ui/subscription-controller.js';
import { TickController } from '../ui/tick-controller.js';
import { controls, tokens } from '../ui/tokens.js';
import { consoleStyles } from './expert-console.styles.js';
import './product-search.js';
import type { ProductShowDetail } from './product-search.js';
import './request-list.js';
import type { RequestDoneDetail } from './request-list.js';
import type { MarkDetail } from '../ui/video-tile.js';

const SESSION_KEY = 'expert-call:expert-session';

/**
 * The expert's console, the staff's workplace: sign in, go available, answer a ringing shopper
 * (heard: a tone; seen: the tab title and, when the tab is hidden, a system notification),
 * then the call or several chats: the conversations listed on the left, each told apart, the
 * one in front in the middle, the shopper's context beside it.
 *
 * Below, the requests shoppers left while nobody could answer, to call back or write to.
 *
 * @summary The expert's side of Expert Call.
 *
 * @attr hub - URL of the hub.
 * @attr topics - topics this expert answers (space- or comma-separated); empty: all.
 * @attr languages - languages this expert speaks (`fr en`); empty: all.
 * @attr lang - `fr`, `en`, `de`, `es` or `it`; defaults to the closest `lang` attribute.
 *
 * @event ec-desk-state - the desk changed state; `detail` is `{ state, previous }`.
 *
 * @attr theme - `light` or `dark` to force one; absent: the system's (`prefers-color-scheme`).
 *
 * @csspart header - the expert's name, status and presence button.
 * @csspart queues - who waits in the queues the expert answers.
 * @csspart desk - the three columns: list, conversation, context.
 * @csspart list - the conversations held.
 * @csspart conversation - the ring, the call or the chat in front.
 * @csspart context - the shopper's page and product.
 *
 * @cssprop [--ec-accent=#0b5fff] - accent colour.
 */
@customElement('expert-console')
export class ExpertConsole extends LitElement {
  static override styles = [tokens, controls, callControlsStyles, consoleStyles];

  /** URL of the hub. */
  @property() accessor hub = '';
  /** The last try to share the screen failed (not cancelled). */
  @state() private accessor screenFailed = false;

  /** Topics this expert answers, separated by spaces or commas (`bikes repair`); empty: all. */
  @property() accessor topics = '';

  /** Languages this expert speaks (`fr en`); empty: all the languages the hub knows. */
  @property() accessor languages = '';

  /**
   * A signed expert session from the shop's back office (see README, "Expert sign-in"). When
   * set, the console signs in with it; when not, it offers the hub's dev login by name.
   */
  @property({ attribute: false }) accessor session: string | undefined;

  private desk: ExpertDesk | undefined;
  /** The ring's sound, tab title and notification. */
  private readonly ringAlert = new RingAlert();
  /** Shoppers without a name are numbered in the order they rang: "Shopper 1", "Shopper 2". */
  private readonly shopperNumbers = new Map<string, number>();

  constructor() {
    super();
    new SubscriptionController(this, (changed) => {
      const desk = this.ensureDesk();
      return [
        desk.on('state', (change) => {
          changed();
          this.dispatchEvent(
            new CustomEvent('ec-desk-state', { bubbles: true, composed: true, detail: change }),
          );
        }),
        desk.on('change', changed),
        desk.on('session', (session) => {
          if (session) sessionStorage.setItem(SESSION_KEY, session);
          else sessionStorage.removeItem(SESSION_KEY);
        }),
      ];
    });
    new TickController(this, () => {
      const state = this.desk?.state;
      return state?.kind === 'ready' && state.ring !== undefined;
    });
    // Waiting times in the list and in the queues move on by themselves.
    new TickController(
      this,
      () =>
        this.desk?.state.kind === 'ready' &&
        (this.desk.state.conversations.length > 0 || this.desk.queues.length > 0),
      15_000,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const kept = this.session ?? sessionStorage.getItem(SESSION_KEY);
    if (kept) void this.ensureDesk().signIn({ session: kept });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.desk?.dispose();
    this.desk = undefined;
    this.ringAlert.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session && this.desk?.state.kind === 'signed-out') {
      void this.desk.signIn({ session: this.session });
    }
  }

  override render() {
    const state = this.ensureDesk().state;
    this.followRing(state);
    return html`${this.renderHeader(state)} ${this.renderQueues(state)}
      <p class="visually-hidden" role="status" data-announce>${this.announcement(state)}</p>
      ${this.desk?.reconnecting ? html`<p class="starting">${this.t.reconnecting}</p>` : nothing}
      ${this.renderBody(state)}`;
  }

  private get t() {
    return consoleText[languageOf(this)];
  }

  /**
   * The expert's locale for dates: the page's or the browser's when it is in the console's
   * language (`en-GB`, `fr-CA`), else the language itself.
   */
  private get locale(): string {
    const language = languageOf(this);
    const tags = [this.closest('[lang]')?.getAttribute('lang'), navigator.language];
    return tags.find((tag) => tag?.toLowerCase().split('-')[0] === language) ?? language;
  }

  private ensureDesk(): ExpertDesk {
    if (!this.desk) {
      const list = (value: string) => value.split(/[\s,]+/).filter(Boolean);
      // The languages this expert answers in: the hub routes each to its own queue.
      const languages = [
        ...new Set(
          list(this.languages).filter((l): l is UiLanguage => LANGUAGES.includes(l as UiLanguage)),
        ),
      ];
      this.desk = new ExpertDesk(this.hub, {
        topics: list(this.topics),
        ...(languages.length ? { languages } : {}),
      });
    }
    return this.desk;
  }

  /**
   * Who the shopper is, in a few words: the name the shop's server vouched for, else the one
   * they typed, else a label that tells shoppers apart: "Shopper 2".
   */
  private labelOf(card: ConversationCard): string {
    if (card.shopper.customer) return card.shopper.customer.name;
    if (card.shopper.displayName) return card.shopper.displayName;
    let n = this.shopperNumbers.get(card.conversationId);
    if (n === undefined) {
      n = this.shopperNumbers.size + 1;
      this.shopperNumbers.set(card.conversationId, n);
    }
    return this.t.shopperLabel(n);
  }

  /** {@link labelOf} as read aloud or in a notification: a verified customer said as such. */
  private spokenLabelOf(card: ConversationCard): string {
    const customer = card.shopper.customer;
    return customer ? this.t.verifiedCustomer(customer.name) : this.labelOf(card);
  }

  /**
   * The shopper's name as the console shows it, with a mark when the shop's server vouched for
   * it (a signed-in customer): a name typed in the page never gets the mark.
   */
  private renderWho(card: ConversationCard) {
    return html`<strong>${this.labelOf(card)}</strong>${
        card.shopper.customer ? this.renderVerified() : nothing
      }`;
  }

  /** The mark of a name the shop's server vouched for, said as such to screen readers. */
  private renderVerified() {
    const t = this.t;
    return html`<span class="verified" data-verified title=${t.verifiedHint}
      ><span aria-hidden="true">✓</span><span class="visually-hidden">${t.verified}</span></span
    >`;
  }

  /** The ring is heard and seen: a tone, the tab's title, a notification when the tab is hidden. */
  private followRing(state: DeskState): void {
    const ring = state.kind === 'ready' ? state.ring : undefined;
    if (!ring || state.kind !== 'ready' || state.accepting) {
      this.ringAlert.stop();
      return;
    }
    const product = ring.shopper.context.product?.name;
    this.ringAlert.start(
      {
        title: this.t.ringing(ring.mode),
        body: [this.spokenLabelOf(ring), product, ring.shopper.context.pageTitle]
          .filter(Boolean)
          .join(' · '),
      },
      () => this.renderRoot.querySelector<HTMLElement>('[data-action="accept"]')?.focus(),
    );
  }

  /** One sentence per change that matters: a ring (once), a missed ring, a conversation ended. */
  private announcement(state: DeskState): string {
    if (state.kind !== 'ready') return '';
    const t = this.t;
    if (state.ring) {
      const product = state.ring.shopper.context.product?.name;
      return t.ringAnnouncement(state.ring.mode, this.spokenLabelOf(state.ring), product);
    }
    if (state.missed) return t.missed[state.missed];
    return '';
  }

  private renderHeader(state: DeskState) {
    if (state.kind !== 'ready') return nothing;
    const t = this.t;
    const chats = state.conversations.length;
    const status = state.ring
      ? 'ringing'
      : callOf(state)
        ? 'in-call'
        : chats
          ? 'in-chat'
          : state.status;
    const label = {
      available: t.available,
      away: t.away,
      ringing: t.ringingStatus,
      'in-call': t.inCall,
      'in-chat': t.inChats(chats),
    }[status];
    return html`<header part="header">
      <h2>${state.expert.name}</h2>
      <span class="status ${status === 'available' ? 'available' : ''}" data-status=${status}>
        ${label}
      </span>
      <button
        class=${state.status === 'available' ? 'secondary' : 'primary'}
        data-action="presence"
        aria-pressed=${state.status === 'available'}
        @click=${() => {
          this.ringAlert.prepare();
          this.desk?.setAvailable(state.status !== 'available');
        }}
      >
        ${state.status === 'available' ? t.goAway : t.goAvailable}
      </button>
      ${
        chats === 0 && !state.ring
          ? html`<button class="secondary" @click=${() => this.desk?.signOutNow()}>
              ${t.signOut}
            </button>`
          : nothing
      }
    </header>`;
  }

  private renderBody(state: DeskState) {
    const t = this.t;
    switch (state.kind) {
      case 'signed-out':
        return this.renderSignIn(state.reason);
      case 'signing-in':
        return html`<p>${t.signingIn}</p>`;
      case 'ready': {
        const front = state.conversations.find((c) => c.conversationId === state.selected);
        const shown: ConversationCard | undefined = state.ring ?? front;
        return html`${
            state.missed
              ? html`<p class="notice" data-missed>${t.missed[state.missed]}</p>`
              : nothing
          }
          <div class="desk" part="desk">
            ${this.renderList(state)}
            <section class="conversation" part="conversation" aria-label=${t.conversation}>
              ${
                state.ring
                  ? this.renderRing(state.ring, state.accepting ?? false)
                  : front
                    ? front.chatOnly
                      ? this.renderChatOnly(front, front.chatOnly)
                      : this.renderCall(front)
                    : html`<p class="empty">
                        ${state.status === 'available' ? t.waiting : t.awayHint}
                      </p>`
              }
            </section>
            ${
              shown
                ? html`<aside class="context" part="context" aria-label=${t.context}>
                    ${this.renderContext(shown)}
                    ${!state.ring && front ? this.renderProducts(front.conversationId) : nothing}
                  </aside>`
                : nothing
            }
          </div>
          ${this.renderRatings(state)} ${this.renderRequests()}`;
      }
    }
  }

  /** The conversations held, each told apart: who, what product, how, waiting, unread. */
  private renderList(state: ReadyState) {
    const t = this.t;
    // One conversation is the one in front: the list shows from two on.
    if (state.conversations.length < 2) return nothing;
    return html`<nav class="list" part="list" aria-label=${t.conversations}>
      <ul class="conversations">
        ${state.conversations.map((c) => {
          const unread = this.desk!.unread(c.conversationId);
          const waiting = this.waitingSince(c.conversationId);
          const product = c.shopper.context.product?.name;
          const current = c.conversationId === state.selected;
          return html`<li>
            <button
              data-conversation=${c.conversationId}
              aria-current=${current ? 'true' : 'false'}
              @click=${() => this.desk?.select(c.conversationId)}
            >
              <span class="who"
                >${icon(c.chatOnly ? 'chat' : 'video')} ${this.renderWho(c)}
                <span class="mode">${t.modeWord(Boolean(c.chatOnly))}</span></span
              >
              ${product ? html`<span class="product">${product}</span>` : nothing}
              ${
                waiting
                  ? html`<span class="waiting" data-waiting
                      >${this.sinceWords(waiting, t.justWrote, t.waitingFor)}</span
                    >`
                  : nothing
              }
              ${unreadCount(unread, t.unread(unread), 'unread')}
            </button>
          </li>`;
        })}
      </ul>
    </nav>`;
  }

  /**
   * Who waits in the queues this expert answers: how many per topic and language, and since
   * when the first in line. Always in view, a call or chats going on or not.
   */
  private renderQueues(state: DeskState) {
    if (state.kind !== 'ready') return nothing;
    const t = this.t.queues;
    const queues = this.desk!.queues;
    const languages = new Set(queues.map((q) => q.lang));
    const names = new Intl.DisplayNames(this.locale, { type: 'language' });
    return html`<section class="queues" part="queues" aria-labelledby="queues-title">
      <h3 id="queues-title">${t.title}</h3>
      ${
        queues.length === 0
          ? html`<p class="muted" data-queues="0">${t.nobody}</p>`
          : html`<ul data-queues=${queues.length}>
              ${queues.map(
                (q) =>
                  html`<li data-queue=${`${q.topic ?? '*'}/${q.lang}`} data-waiting=${q.waiting}>
                    <strong>${t.waiting(q.waiting)}</strong>
                    <span
                      >${this.topicName(q)}${
                        languages.size > 1 ? ` (${names.of(q.lang) ?? q.lang})` : ''
                      }</span
                    >
                    <span class="muted"
                      >${this.sinceWords(q.longestSince, t.justArrived, t.longest)}</span
                    >
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  /** Since when the shopper's last message waits for an answer, if it does. */
  private waitingSince(conversationId: string): number | undefined {
    const entries = this.desk?.chatOf(conversationId)?.log.entries ?? [];
    const last = [...entries].reverse().find((e) => e.author !== 'system');
    return last && last.author === 'shopper' ? last.at : undefined;
  }

  /** A queue's topic in the console's language, else the shop's first name for it, else its id. */
  private topicName(queue: WaitingQueue): string {
    const labels = queue.labels ?? {};
    return (
      labels[languageOf(this)] ??
      Object.values(labels).find((l) => l !== undefined) ??
      queue.topic ??
      this.t.queues.anyTopic
    );
  }

  /**
   * Minutes since an instant in words: `words("3 min")`, or `underAMinute`. Waiting times
   * in the list and the queues, refreshed every 15 s.
   */
  private sinceWords(
    since: number,
    underAMinute: string,
    words: (duration: string) => string,
  ): string {
    const minutes = Math.floor((Date.now() - since) / 60_000);
    if (minutes < 1) return underAMinute;
    return words(
      new Intl.NumberFormat(this.locale, {
        style: 'unit',
        unit: 'minute',
        unitDisplay: 'short',
      }).format(minutes),
    );
  }

  /** What shoppers said of this expert's conversations since sign-in, newest first. */
  private renderRatings(state: ReadyState) {
    const ratings = state.ratings ?? [];
    if (ratings.length === 0) return nothing;
    const t = this.t.ratings;
    return html`<section class="ratings" part="ratings" aria-labelledby="ratings-title">
      <h3 id="ratings-title">${t.title}</h3>
      <ul>
        ${ratings.map(
          (r) =>
            html`<li data-rating=${r.conversationId}>
              <span class="stars" role="img" aria-label=${t.stars(r.stars)}
                >${'★'.repeat(r.stars)}<span class="unlit">${'★'.repeat(5 - r.stars)}</span></span
              >
              ${
                r.customer
                  ? html`<strong>${r.customer.name}</strong>${this.renderVerified()}`
                  : html`<strong>${r.displayName ?? t.anonymous}</strong>`
              }
              ${r.comment ? html`<q>${r.comment}</q>` : nothing}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  /** Messages, callback requests and appointments left while nobody could answer. */
  private renderRequests() {
    const desk = this.desk!;
    return html`<ec-request-list
      class="requests"
      .requests=${desk.requests}
      .marking=${desk.markingDone}
      .words=${this.t.requests}
      lang=${this.locale}
      @ec-request-done=${(event: CustomEvent<RequestDoneDetail>) => desk.markDone(event.detail.id)}
    ></ec-request-list>`;
  }

  private renderSignIn(reason: SignedOutReason | undefined) {
    const t = this.t;
    return html`
      <h2>${t.signInTitle}</h2>
      ${
        reason && reason !== 'signed-out'
          ? html`<p class="problem" role="alert">${t.signedOut[reason]}</p>`
          : nothing
      }
      <form class="sign-in" @submit=${this.onSignIn}>
        <label for="name">${t.yourName}</label>
        <input id="name" name="name" autocomplete="name" required maxlength="100" />
        <button class="primary" type="submit">${t.signIn}</button>
      </form>
      <p class="muted">${t.notificationsHint}</p>
    `;
  }

  private renderRing(ring: Ring, accepting: boolean) {
    const t = this.t;
    const seconds = Math.max(0, Math.ceil((ring.until - Date.now()) / 1000));
    const product = ring.shopper.context.product?.name;
    return html`
      <div class="ring" data-ring=${ring.mode}>
        <h3>
          ${icon(ring.mode === 'chat' ? 'chat' : ring.mode === 'audio' ? 'microphone' : 'video')}
          ${t.ringing(ring.mode)}
        </h3>
        <p class="ring-who">${this.renderWho(ring)}${product ? html` · ${product}` : nothing}</p>
        <p class="muted" aria-hidden="true">${t.secondsLeft(seconds)}</p>
        <div class="actions">
          <button
            class="primary"
            data-action="accept"
            ?disabled=${accepting}
            @click=${() => this.desk?.accept()}
          >
            ${accepting ? t.accepting : t.accept}
          </button>
          <button class="secondary" data-action="decline" @click=${() => this.desk?.decline()}>
            ${t.decline}
          </button>
        </div>
      </div>
    `;
  }

  private renderContext(card: ConversationCard) {
    const t = this.t;
    const { pageUrl, pageTitle, product } = card.shopper.context;
    const { customer, displayName } = card.shopper;
    return html`<h3>${t.context}</h3>
      <dl>
        <dt>${t.shopper}</dt>
        <dd data-field="shopper">${this.renderWho(card)}</dd>
        ${
          customer
            ? html`<dt>${t.customerId}</dt>
                <dd data-field="customer-id">${customer.id}</dd>
                ${
                  customer.email
                    ? html`<dt>${t.email}</dt>
                        <dd data-field="email">${customer.email}</dd>`
                    : nothing
                }
                ${
                  displayName && displayName !== customer.name
                    ? html`<dt>${t.typedName}</dt>
                        <dd data-field="typed-name">${displayName}</dd>`
                    : nothing
                }`
            : nothing
        }
        ${
          pageUrl || pageTitle
            ? html`<dt>${t.page}</dt>
                <dd>
                  ${
                    pageUrl && /^https?:/i.test(pageUrl)
                      ? html`<a href=${pageUrl} target="_blank" rel="noopener noreferrer"
                          >${pageTitle || pageUrl}</a
                        >`
                      : (pageTitle ?? pageUrl)
                  }
                </dd>`
            : nothing
        }
        ${
          product?.name
            ? html`<dt>${t.product}</dt>
                <dd data-field="product">
                  ${product.name}${product.price ? html` — ${product.price}` : nothing}
                </dd>`
            : nothing
        }
      </dl>`;
  }

  /** The catalogue, searched to show the shopper in front a product as a card. */
  private renderProducts(conversationId: string) {
    const desk = this.desk!;
    return html`<ec-product-search
      class="products"
      part="products"
      .search=${desk.productSearch}
      .words=${this.t.products}
      lang=${this.locale}
      @ec-product-search=${(event: CustomEvent<{ query: string }>) =>
        desk.findProducts(event.detail.query)}
      @ec-product-show=${(event: CustomEvent<ProductShowDetail>) =>
        desk.showProduct(conversationId, event.detail.product.id)}
    ></ec-product-search>`;
  }

  /** Video and voice gave way: why, and the chat. */
  private renderChatOnly(conversation: HeldConversation, reason: ChatReason) {
    const id = conversation.conversationId;
    const t = this.t;
    return html`
      <div class="call" data-media="chat">
        <p class="notice">${t.chatOnly[reason]}</p>
        ${this.renderChat(id, conversation)}
        <div class="bar compact" role="group" aria-label=${t.callControls}>
          <button
            class="control"
            data-action="to-call"
            @click=${() => this.desk?.switchTo(id, 'call')}
          >
            ${icon('video')}<span>${t.backToCall}</span>
          </button>
          <button
            class="control hang-up"
            data-action="hang-up"
            @click=${() => this.desk?.hangUp(id)}
          >
            ${icon('hangUp')}<span>${t.endConversation}</span>
          </button>
        </div>
      </div>
    `;
  }

  private renderCall(conversation: HeldConversation) {
    const t = this.t;
    const id = conversation.conversationId;
    const media = this.desk!.media;
    return html`
      <div class="call" data-media="call">
        <div class="stage-column">
          <ec-call-stage
            .remoteVideo=${media.remoteScreen ?? media.remoteVideo}
            data-showing=${media.remoteScreen ? 'screen' : 'camera'}
            .localVideo=${media.localVideo}
            .selfMirrored=${media.mirrorSelf}
            .remoteAudio=${media.remoteAudio}
            placeholder=${t.shopperCameraOff}
            ?markable=${!!media.remoteVideo && !media.remoteScreen}
            .markLabel=${t.youMarked}
            @ec-mark=${(event: CustomEvent<MarkDetail>) => this.desk?.mark(id, event.detail.points)}
          ></ec-call-stage>
          ${
            media.remoteVideo && !media.remoteScreen
              ? html`<p class="mark-hint" data-hint="mark">${t.markHint}</p>`
              : nothing
          }
          ${screenShareNotes(media.sharingScreen, this.screenFailed, t.screen)}
          ${blurNotes(media, t.blur)}
          ${
            media.audioBlocked
              ? html`<button
                  class="primary"
                  data-control="start-audio"
                  @click=${() => void media.startAudio()}
                >
                  ${icon('speaker')} ${t.tapToHear}
                </button>`
              : nothing
          }
          ${media.startingDevices.map(
            (device) => html`<p class="starting">${t.deviceStarting(device)}</p>`,
          )}
          ${media.deviceFailures.map(
            (f) => html`<p class="problem">${t.deviceProblem(f.device, f.problem)}</p>`,
          )}
          <div class="bar" role="group" aria-label=${t.callControls}>
            <button
              class="control ${media.microphoneOn ? '' : 'off'}"
              data-control="microphone"
              @click=${() => this.desk?.setDevice('microphone', !media.microphoneOn)}
            >
              ${icon(media.microphoneOn ? 'microphone' : 'microphoneOff')}
              <span>${media.microphoneOn ? t.microphoneOn : t.microphoneOff}</span>
            </button>
            <button
              class="control ${media.cameraOn ? '' : 'off'}"
              data-control="camera"
              @click=${() => this.desk?.setDevice('camera', !media.cameraOn)}
            >
              ${icon(media.cameraOn ? 'camera' : 'cameraOff')}
              <span>${media.cameraOn ? t.cameraOn : t.cameraOff}</span>
            </button>
            ${blurButton(media, t.blur)}
            ${screenShareButton(media.sharingScreen, t.screen, async () => {
              const failed = await media.shareScreen(!media.sharingScreen);
              this.screenFailed = failed === 'failed';
            })}
            <button
              class="control"
              data-action="to-chat"
              @click=${() => this.desk?.switchTo(id, 'chat')}
            >
              ${icon('write')}<span>${t.switchToChat}</span>
            </button>
            <button
              class="control hang-up"
              data-action="hang-up"
              @click=${() => this.desk?.hangUp(id)}
            >
              ${icon('hangUp')}<span>${t.hangUp}</span>
            </button>
          </div>
        </div>
        ${this.renderChat(id, conversation)}
      </div>
    `;
  }

  private renderChat(conversationId: string, card: ConversationCard) {
    const chat = this.desk!.chatOf(conversationId);
    if (!chat) return nothing;
    return chatFor(chat, {
      words: this.t.chat,
      lang: languageOf(this),
      typingName: this.labelOf(card),
      photoUrl: this.desk!.photoUrl,
    });
  }

  private onSignIn = (event: SubmitEvent) => {
    event.preventDefault();
    this.ringAlert.prepare();
    const name = new FormData(event.target as HTMLFormElement).get('name');
    if (typeof name === 'string' && name.trim()) {
      void this.ensureDesk().signIn({ devName: name.trim() });
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'expert-console': ExpertConsole;
  }
}
