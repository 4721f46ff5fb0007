import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConversationState } from '../../core/conversation-state.js';
import { webrtcSupported, type Device } from '../../core/media-session.js';
import type { OfflineRequests } from '../../core/offline-client.js';
import type { ShopperConversation } from '../../core/shopper-conversation.js';
import { panelText } from '../../i18n/panel.js';
import type { CallMode, Language, ShopperContext, ShopWords } from '../../protocol/index.js';
import '../../ui/call-stage.js';
import { chatFor } from '../../ui/chat-view.js';
import { callControlsStyles } from '../../ui/call-controls.styles.js';
import { SubscriptionController } from '../../ui/subscription-controller.js';
import { tokens } from '../../ui/tokens.js';
import { panelStyles } from './expert-call-panel.styles.js';
import { OfflineForms } from './offline-forms.js';

/**
 * The shopper's panel: the first screen, the wait, the call and the end screen. Loaded on
 * intent by `<expert-call>`; renders the conversation's state and forwards clicks to it.
 *
 * @event ec-panel-close - the shopper asked to close (minimise) the panel
 * @csspart panel - the panel's body
 */
@customElement('expert-call-panel')
export class ExpertCallPanel extends LitElement {
  static override styles = [tokens, callControlsStyles, panelStyles];

  @property({ attribute: false }) accessor conversation!: ShopperConversation;
  @property() override accessor lang: Language = 'en';
  @property({ attribute: false }) accessor context: ShopperContext = {};
  @property({ attribute: false }) accessor offline!: OfflineRequests;
  /** The topic the shopper asked about, for the alternatives when nobody can answer. */
  @property() accessor topic: string | undefined;
  /** The shop's own words (its config's `texts`), where it set them. */
  @property({ attribute: false }) accessor words: ShopWords = {};

  /** The alternatives' forms, one instance so what is typed survives re-renders. */
  private offlineForms: OfflineForms | undefined;
  /** A request was sent from the queue: its confirmation stays until the shopper closes it. */
  private keepOffline = false;

  constructor() {
    super();
    new SubscriptionController(this, (changed) => [
      this.conversation.on('state', changed),
      this.conversation.on('change', changed),
    ]);
  }

  override render() {
    const t = panelText[this.lang];
    const state = this.conversation.state;
    return html`
      <header>
        <h2 id="title">${this.words.panelTitle ?? t.title}</h2>
        <button class="close" aria-label=${t.close} @click=${this.requestClose}>×</button>
      </header>
      <div class="body" part="panel" aria-live="polite">
        ${
          this.conversation.reconnecting
            ? html`<p class="starting" role="status">${t.reconnecting}</p>`
            : nothing
        }
        ${this.keepOffline ? this.renderOffline('no-answer') : this.renderState(state)}
      </div>
    `;
  }

  /** Moves keyboard focus to the first thing to press in the panel. */
  override focus(): void {
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>('.body button, .body a, .close');
      target?.focus();
    });
  }

  private renderState(state: ConversationState) {
    const t = panelText[this.lang];
    switch (state.kind) {
      case 'idle':
      case 'choosing':
        return this.renderChoice();
      case 'requesting':
        return this.renderWait(t.requesting, '', t.cancel);
      case 'queued':
        return html`${this.renderQueued(state)}
        ${state.alternatives ? this.renderOffline('no-answer') : nothing}`;
      case 'closed':
        return this.renderOffline('closed', state.opensAt);
      case 'connecting':
        return this.renderWait(t.connecting, '', t.cancel);
      case 'in-call':
        return this.renderCall(state);
      case 'chat':
        return html`
          <p class="starting" role="status">${t.chatOnly[state.reason]}</p>
          ${this.renderChat(state.expert.name)}
          <div class="controls">
            ${
              webrtcSupported()
                ? html`<button
                    class="secondary"
                    data-control="to-call"
                    @click=${() => this.conversation.switchTo('call')}
                  >
                    ${t.backToCall}
                  </button>`
                : nothing
            }
            <button class="danger" data-control="hang-up" @click=${() => this.conversation.end()}>
              ${t.endConversation}
            </button>
          </div>
        `;
      case 'ended':
        return html`
          <p><strong>${t.ended}</strong></p>
          <p>${t.endReason[state.reason]}</p>
          <div class="actions">
            <button class="secondary" @click=${this.requestClose}>${t.close}</button>
            <button class="primary" @click=${() => this.conversation.open()}>${t.callAgain}</button>
          </div>
        `;
    }
  }

  private renderChoice() {
    const t = panelText[this.lang];
    const product = this.context.product?.name;
    // Without WebRTC there is no call to offer: chat is the way, said plainly.
    const canCall = webrtcSupported();
    return html`
      <p>${this.words.panelIntro ?? t.intro}</p>
      ${
        canCall
          ? html`<p class="muted">${t.cameraOffPromise}</p>`
          : html`<p class="starting" role="status">${t.noWebrtc}</p>`
      }
      <div>
        <p class="muted">${t.expertWillSee}</p>
        <ul class="shared">
          <li>${t.thisPage}</li>
          ${product ? html`<li>${product}</li>` : nothing}
        </ul>
      </div>
      <div class="choices">
        ${
          canCall
            ? html`<button
                  class="primary choice"
                  data-mode="video"
                  @click=${() => this.choose('video')}
                >
                  <span>${t.videoCall}</span><small>${t.videoCallHint}</small>
                </button>
                <button
                  class="secondary choice"
                  data-mode="audio"
                  @click=${() => this.choose('audio')}
                >
                  <span>${t.voiceCall}</span><small>${t.voiceCallHint}</small>
                </button>`
            : nothing
        }
        <button
          class="${canCall ? 'secondary' : 'primary'} choice"
          data-mode="chat"
          @click=${() => this.choose('chat')}
        >
          <span>${t.chatCall}</span><small>${t.chatCallHint}</small>
        </button>
      </div>
    `;
  }

  /** Place in line and expected wait, live; the way out, and writing instead of waiting. */
  private renderQueued(state: Extract<ConversationState, { kind: 'queued' }>) {
    const t = panelText[this.lang];
    return html`
      <div class="wait">
        <div class="spinner" aria-hidden="true"></div>
        <p role="status" data-position=${state.position}>
          <strong>${t.queued(state.position)}</strong>
          <span data-eta=${state.etaSeconds ?? 'unknown'}>${t.eta(state.etaSeconds)}</span>
        </p>
        <p class="muted">${state.mode === 'chat' ? t.waitingInChat : t.queuedHint}</p>
        ${
          state.mode === 'chat'
            ? nothing
            : html`<p class="muted">${t.waitInChatHint}</p>
                <button
                  class="secondary"
                  data-control="wait-in-chat"
                  @click=${() => this.conversation.switchTo('chat')}
                >
                  ${t.waitInChat}
                </button>`
        }
        <button class="secondary" @click=${() => this.conversation.end()}>${t.leaveQueue}</button>
      </div>
    `;
  }

  private renderWait(title: string, hint: string, leave: string) {
    return html`
      <div class="wait" role="status">
        <div class="spinner" aria-hidden="true"></div>
        <p><strong>${title}</strong></p>
        ${hint ? html`<p class="muted">${hint}</p>` : nothing}
        <button class="secondary" @click=${() => this.conversation.end()}>${leave}</button>
      </div>
    `;
  }

  private renderCall(state: Extract<ConversationState, { kind: 'in-call' }>) {
    const t = panelText[this.lang];
    const media = this.conversation.media;
    const video = state.mode === 'video';
    return html`
      <p>${t.inCallWith(state.expert.name)}</p>
      <ec-call-stage
        class=${video ? 'video' : 'audio'}
        .remoteVideo=${video ? media.remoteVideo : undefined}
        .localVideo=${media.localVideo}
        .remoteAudio=${media.remoteAudio}
        placeholder=${video ? t.expertCameraOff : state.expert.name}
      ></ec-call-stage>
      ${this.renderAdvice()}
      ${media.startingDevices.map(
        (device) => html`<p class="starting" role="status">${t.deviceStarting(device)}</p>`,
      )}
      ${media.deviceFailures.map(
        (f) => html`<p class="problem" role="alert">${t.deviceProblem(f.device, f.problem)}</p>`,
      )}
      <div class="controls">
        <button
          class="toggle"
          data-control="microphone"
          aria-pressed=${media.microphoneOn}
          @click=${() => this.toggle('microphone', !media.microphoneOn)}
        >
          ${media.microphoneOn ? t.microphoneOn : t.microphoneOff}
        </button>
        ${
          video
            ? html`<button
                class="toggle"
                data-control="camera"
                aria-pressed=${media.cameraOn}
                @click=${() => this.toggle('camera', !media.cameraOn)}
              >
                ${media.cameraOn ? t.cameraOn : t.cameraOff}
              </button>`
            : nothing
        }
        <button
          class="secondary"
          data-control="to-chat"
          @click=${() => this.conversation.switchTo('chat')}
        >
          ${t.switchToChat}
        </button>
        <button class="danger" data-control="hang-up" @click=${() => this.conversation.end()}>
          ${t.hangUp}
        </button>
      </div>
      ${this.renderChat(state.expert.name)}
    `;
  }

  /** A connection that stays poor: offer voice only, then chat; the shopper decides. */
  private renderAdvice() {
    const advice = this.conversation.advice;
    if (advice === 'none') return nothing;
    const t = panelText[this.lang].weakConnection;
    return html`<div class="starting" role="alert" data-advice=${advice}>
      <p>${advice === 'voice' ? t.voice : t.chat}</p>
      <div class="actions">
        <button class="secondary" @click=${() => this.conversation.dismissAdvice()}>
          ${t.dismiss}
        </button>
        <button class="primary" @click=${() => this.conversation.takeAdvice()}>
          ${advice === 'voice' ? t.takeVoice : t.takeChat}
        </button>
      </div>
    </div>`;
  }

  private renderChat(expertName: string) {
    return chatFor(this.conversation.chat, {
      words: panelText[this.lang].chat,
      lang: this.lang,
      typingName: expertName,
    });
  }

  /** A message, a callback or an appointment, when nobody can answer now. */
  private renderOffline(reason: 'closed' | 'no-answer', opensAt?: number) {
    if (!this.offlineForms) {
      const forms = new OfflineForms();
      forms.addEventListener('ec-offline-sent', () => {
        // The shopper will be contacted: they need not wait in line any more.
        if (this.conversation.state.kind === 'queued') {
          this.keepOffline = true;
          this.conversation.end();
        }
      });
      forms.addEventListener('ec-offline-close', () => {
        this.keepOffline = false;
        this.offlineForms = undefined;
        this.conversation.dismiss();
        this.requestClose();
      });
      this.offlineForms = forms;
    }
    const forms = this.offlineForms;
    forms.requests = this.offline;
    forms.about = { topic: this.topic, lang: this.lang, context: this.context };
    forms.lang = this.lang;
    forms.reason = reason;
    forms.opensAt = opensAt;
    forms.closedMessage = this.words.closedMessage;
    return forms;
  }

  private choose(mode: CallMode) {
    void this.conversation.choose(mode);
  }

  private toggle(device: Device, on: boolean) {
    void this.conversation.setDevice(device, on);
  }

  private requestClose = () => {
    this.dispatchEvent(new Event('ec-panel-close', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'expert-call-panel': ExpertCallPanel;
  }
}
