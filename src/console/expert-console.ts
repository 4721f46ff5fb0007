import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  callOf,
  type ConversationCard,
  type DeskState,
  type HeldConversation,
  type ReadyState,
  type Ring,
  type SignedOutReason,
} from '../core/desk-state.js';
import { ExpertDesk } from '../core/expert-desk.js';
import { consoleText } from '../i18n/console.js';
import type { ChatReason } from '../protocol/index.js';
import { languageOf } from '../i18n/language.js';
import { callControlsStyles } from '../ui/call-controls.styles.js';
import '../ui/call-stage.js';
import { chatFor } from '../ui/chat-view.js';
import { SubscriptionController } from '../ui/subscription-controller.js';
import { TickController } from '../ui/tick-controller.js';
import { controls, tokens } from '../ui/tokens.js';
import { consoleStyles } from './expert-console.styles.js';
import './request-list.js';
import type { RequestDoneDetail } from './request-list.js';

const SESSION_KEY = 'expert-call:expert-session';

/**
 * The expert's console: sign in, go available, answer a ringing shopper with their context,
 * then the call, or several chats at once (a list with unread counts), and back to available.
 * Below, the requests shoppers left while nobody could answer, to call back or write to.
 *
 * @summary The expert's side of Expert Call.
 *
 * @attr hub - URL of the hub.
 * @attr topics - topics this expert answers (space- or comma-separated); empty: all.
 * @attr languages - languages this expert speaks (`fr en`); empty: all.
 * @attr lang - `en` or `fr`; defaults to the closest `lang` attribute.
 *
 * @event ec-desk-state - the desk changed state; `detail` is `{ state, previous }`.
 *
 * @cssprop [--ec-accent=#0b5fff] - accent colour.
 */
@customElement('expert-console')
export class ExpertConsole extends LitElement {
  static override styles = [tokens, controls, callControlsStyles, consoleStyles];

  /** URL of the hub. */
  @property() accessor hub = '';

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
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session && this.desk?.state.kind === 'signed-out') {
      void this.desk.signIn({ session: this.session });
    }
  }

  override render() {
    const state = this.ensureDesk().state;
    return html`${this.renderHeader(state)}
    ${this.desk?.reconnecting ? html`<p class="starting" role="status">${this.t.reconnecting}</p>` : nothing}
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
      const languages = list(this.languages).filter((l) => l === 'en' || l === 'fr');
      this.desk = new ExpertDesk(this.hub, {
        topics: list(this.topics),
        ...(languages.length ? { languages } : {}),
      });
    }
    return this.desk;
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
    return html`<header>
      <h2>${state.expert.name}</h2>
      <span class="status ${status === 'available' ? 'available' : ''}" data-status=${status}>
        ${label}
      </span>
      <button
        class=${state.status === 'available' ? 'secondary' : 'primary'}
        data-action="presence"
        aria-pressed=${state.status === 'available'}
        @click=${() => this.desk?.setAvailable(state.status !== 'available')}
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
        return html`<p role="status">${t.signingIn}</p>`;
      case 'ready': {
        const front = state.conversations.find((c) => c.conversationId === state.selected);
        return html`${
          state.missed
            ? html`<p class="notice" role="status">${t.missed[state.missed]}</p>`
            : nothing
        }
        ${state.ring ? this.renderRing(state.ring, state.accepting ?? false) : nothing}
        ${
          state.conversations.length === 0 && !state.ring
            ? html`<p>${state.status === 'available' ? t.waiting : t.awayHint}</p>`
            : nothing
        }
        ${state.conversations.length > 1 ? this.renderList(state) : nothing}
        ${
          front
            ? front.chatOnly
              ? this.renderChatOnly(front, front.chatOnly)
              : this.renderCall(front)
            : nothing
        }
        ${this.renderRequests()}`;
      }
    }
  }

  /** The conversations the expert holds, the one in front marked, with what is unread. */
  private renderList(state: ReadyState) {
    const t = this.t;
    return html`<nav aria-label=${t.conversations}>
      <ul class="conversations">
        ${state.conversations.map((c) => {
          const unread = this.desk!.unread(c.conversationId);
          const name = c.shopper.displayName ?? t.anonymousShopper;
          return html`<li>
            <button
              data-conversation=${c.conversationId}
              aria-current=${c.conversationId === state.selected ? 'true' : 'false'}
              @click=${() => this.desk?.select(c.conversationId)}
            >
              ${t.listItem(name, Boolean(c.chatOnly))}
              ${
                unread
                  ? html`<span class="unread" data-unread=${unread} aria-label=${t.unread(unread)}
                      >${unread}</span
                    >`
                  : nothing
              }
            </button>
          </li>`;
        })}
      </ul>
    </nav>`;
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
      <form @submit=${this.onSignIn}>
        <label for="name">${t.yourName}</label>
        <input id="name" name="name" autocomplete="name" required maxlength="100" />
        <button class="primary" type="submit">${t.signIn}</button>
      </form>
    `;
  }

  private renderRing(ring: Ring, accepting: boolean) {
    const t = this.t;
    const seconds = Math.max(0, Math.ceil((ring.until - Date.now()) / 1000));
    return html`
      <section class="ring" role="alert" aria-live="assertive">
        <h3>${t.ringing(ring.mode)}</h3>
        ${this.renderContext(ring)}
        <p class="muted">${t.secondsLeft(seconds)}</p>
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
      </section>
    `;
  }

  private renderContext(ring: ConversationCard) {
    const t = this.t;
    const { pageUrl, pageTitle, product } = ring.shopper.context;
    return html`<dl>
      <dt>${t.shopper}</dt>
      <dd>${ring.shopper.displayName ?? t.anonymousShopper}</dd>
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

  /** Video and voice gave way: the context, why, and the chat. */
  private renderChatOnly(conversation: HeldConversation, reason: ChatReason) {
    const id = conversation.conversationId;
    const t = this.t;
    return html`
      <div class="call" data-media="chat">
        <div>
          <p class="notice" role="status">${t.chatOnly[reason]}</p>
          ${this.renderChat(id)}
          <div class="controls">
            <button
              class="secondary"
              data-action="to-call"
              @click=${() => this.desk?.switchTo(id, 'call')}
            >
              ${t.backToCall}
            </button>
            <button class="danger" data-action="hang-up" @click=${() => this.desk?.hangUp(id)}>
              ${t.endConversation}
            </button>
          </div>
        </div>
        <aside>${this.renderContext(conversation)}</aside>
      </div>
    `;
  }

  private renderCall(conversation: HeldConversation) {
    const t = this.t;
    const id = conversation.conversationId;
    const media = this.desk!.media;
    return html`
      <div class="call">
        <div>
          <ec-call-stage
            .remoteVideo=${media.remoteVideo}
            .localVideo=${media.localVideo}
            .remoteAudio=${media.remoteAudio}
            placeholder=${t.shopperCameraOff}
          ></ec-call-stage>
          ${media.startingDevices.map(
            (device) => html`<p class="starting" role="status">${t.deviceStarting(device)}</p>`,
          )}
          ${media.deviceFailures.map(
            (f) =>
              html`<p class="problem" role="alert">${t.deviceProblem(f.device, f.problem)}</p>`,
          )}
          <div class="controls">
            <button
              class="toggle"
              data-control="microphone"
              aria-pressed=${media.microphoneOn}
              @click=${() => this.desk?.setDevice('microphone', !media.microphoneOn)}
            >
              ${media.microphoneOn ? t.microphoneOn : t.microphoneOff}
            </button>
            <button
              class="toggle"
              data-control="camera"
              aria-pressed=${media.cameraOn}
              @click=${() => this.desk?.setDevice('camera', !media.cameraOn)}
            >
              ${media.cameraOn ? t.cameraOn : t.cameraOff}
            </button>
            <button
              class="secondary"
              data-action="to-chat"
              @click=${() => this.desk?.switchTo(id, 'chat')}
            >
              ${t.switchToChat}
            </button>
            <button class="danger" data-action="hang-up" @click=${() => this.desk?.hangUp(id)}>
              ${t.hangUp}
            </button>
          </div>
        </div>
        <aside>${this.renderContext(conversation)} ${this.renderChat(id)}</aside>
      </div>
    `;
  }

  private renderChat(conversationId: string) {
    const chat = this.desk!.chatOf(conversationId);
    if (!chat) return nothing;
    return chatFor(chat, {
      words: this.t.chat,
      lang: languageOf(this),
      typingName: '…',
    });
  }

  private onSignIn = (event: SubmitEvent) => {
    event.preventDefault();
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
