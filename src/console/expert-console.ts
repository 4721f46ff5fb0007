import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeskState, Ring, SignedOutReason } from '../core/desk-state.js';
import { ExpertDesk } from '../core/expert-desk.js';
import { consoleText } from '../i18n/console.js';
import type { ChatReason } from '../protocol/index.js';
import { languageOf } from '../i18n/language.js';
import { callControlsStyles } from '../ui/call-controls.styles.js';
import '../ui/call-stage.js';
import { chatFor } from '../ui/chat-view.js';
import { SubscriptionController } from '../ui/subscription-controller.js';
import { TickController } from '../ui/tick-controller.js';
import { tokens } from '../ui/tokens.js';
import { consoleStyles } from './expert-console.styles.js';

const SESSION_KEY = 'expert-call:expert-session';

/**
 * The expert's console: sign in, go available, answer a ringing shopper with their context,
 * the call, and back to available.
 *
 * @summary The expert's side of Expert Call.
 *
 * @attr hub - URL of the hub.
 * @attr lang - `en` or `fr`; defaults to the closest `lang` attribute.
 *
 * @event ec-desk-state - the desk changed state; `detail` is `{ state, previous }`.
 *
 * @cssprop [--ec-accent=#0b5fff] - accent colour.
 */
@customElement('expert-console')
export class ExpertConsole extends LitElement {
  static override styles = [tokens, callControlsStyles, consoleStyles];

  /** URL of the hub. */
  @property() accessor hub = '';

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
    new TickController(this, () => this.desk?.state.kind === 'ringing');
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

  private ensureDesk(): ExpertDesk {
    if (!this.desk) this.desk = new ExpertDesk(this.hub);
    return this.desk;
  }

  private renderHeader(state: DeskState) {
    if (state.kind === 'signed-out' || state.kind === 'signing-in') return nothing;
    const t = this.t;
    const status =
      state.kind === 'ready' ? state.status : state.kind === 'in-call' ? 'in-call' : 'ringing';
    return html`<header>
      <h2>${state.expert.name}</h2>
      <span class="status ${status === 'available' ? 'available' : ''}" data-status=${status}>
        ${
          { available: t.available, away: t.away, ringing: t.ringingStatus, 'in-call': t.inCall }[
            status
          ]
        }
      </span>
      ${
        state.kind === 'ready'
          ? html`<button
                class=${state.status === 'available' ? 'secondary' : 'primary'}
                data-action="presence"
                @click=${() => this.desk?.setAvailable(state.status !== 'available')}
              >
                ${state.status === 'available' ? t.goAway : t.goAvailable}
              </button>
              <button class="secondary" @click=${() => this.desk?.signOutNow()}>
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
      case 'ready':
        return html`${
            state.missed
              ? html`<p class="notice" role="status">${t.missed[state.missed]}</p>`
              : nothing
          }
          <p>${state.status === 'available' ? t.waiting : t.awayHint}</p>`;
      case 'ringing':
        return this.renderRing(state.ring, state.accepting);
      case 'in-call':
        return state.chatOnly
          ? this.renderChatOnly(state.ring, state.chatOnly)
          : this.renderCall(state.ring);
    }
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

  private renderContext(ring: Ring) {
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
  private renderChatOnly(ring: Ring, reason: ChatReason) {
    const t = this.t;
    return html`
      <div class="call" data-media="chat">
        <div>
          <p class="notice" role="status">${t.chatOnly[reason]}</p>
          ${this.renderChat()}
          <div class="controls">
            <button
              class="secondary"
              data-action="to-call"
              @click=${() => this.desk?.switchTo('call')}
            >
              ${t.backToCall}
            </button>
            <button class="danger" data-action="hang-up" @click=${() => this.desk?.hangUp()}>
              ${t.endConversation}
            </button>
          </div>
        </div>
        <aside>${this.renderContext(ring)}</aside>
      </div>
    `;
  }

  private renderCall(ring: Ring) {
    const t = this.t;
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
              @click=${() => this.desk?.switchTo('chat')}
            >
              ${t.switchToChat}
            </button>
            <button class="danger" data-action="hang-up" @click=${() => this.desk?.hangUp()}>
              ${t.hangUp}
            </button>
          </div>
        </div>
        <aside>${this.renderContext(ring)} ${this.renderChat()}</aside>
      </div>
    `;
  }

  private renderChat() {
    return chatFor(this.desk!.chat, {
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
