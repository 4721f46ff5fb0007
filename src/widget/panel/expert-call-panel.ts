import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConversationState } from '../../core/conversation-state.js';
import {
  browserFamily,
  type Device,
  type DeviceChoice,
  type DeviceFailure,
  type DeviceKind,
} from '../../core/devices.js';
import { offerPhone } from '../../core/handoff-offer.js';
import { callBlocker } from '../../core/media-session.js';
import type { OfflineRequests } from '../../core/offline-client.js';
import type { ShopperConversation } from '../../core/shopper-conversation.js';
import { loadPanelText, panelText, textFor, type EndedWhat } from '../../i18n/panel.js';
import { type UiLanguage } from '../../i18n/language.js';
import type {
  Availability,
  CallMode,
  ProductAction,
  ShopperContext,
  ShopWords,
} from '../../protocol/index.js';
import { chatFor } from '../../ui/chat-binding.js';
import type { PhotoStatus, ProductActionDetail } from '../../ui/chat-view.js';
import { callControlsStyles } from '../../ui/call-controls.styles.js';
import { focusables } from '../../ui/focus.js';
import { devicePicker } from '../../ui/device-picker.js';
import { icon } from '../../ui/icons.js';
import { unreadCount } from '../../ui/unread-count.js';
import { blurButton, blurNotes } from '../../ui/blur-control.js';
import { screenShareButton, screenShareNotes } from '../../ui/screen-share.js';
import { SubscriptionController } from '../../ui/subscription-controller.js';
import { controls, tokens } from '../../ui/tokens.js';
import { transcriptText } from '../../ui/transcript.js';
import { VisualViewportController } from '../../ui/visual-viewport-controller.js';
import { panelStyles } from './expert-call-panel.styles.js';
import type { OfflineForms } from './offline-forms.js';
import type { RatingChoice } from './rating-form.js';
import type { ProductEventDetail } from '../panel-contract.js';

/** The event the shop's page gets for each thing a shopper does with a product card. */
const PRODUCT_EVENTS: Record<ProductAction, string> = {
  open: 'ec-open-product',
  'add-to-cart': 'ec-add-to-cart',
  reserve: 'ec-reserve',
};

/** Which layout the panel takes: the first screens, a call, or a written conversation. */
type Screen = 'start' | 'call' | 'chat';

/**
 * The shopper's panel: the first screen, the wait, the call and the end screen. Loaded on
 * intent by `<expert-call>`; renders the conversation's state and forwards clicks to it.
 *
 * It is a modal dialog named by its title: focus stays inside while it is open, and one polite
 * live region says each change of state in a short sentence.
 *
 * @event ec-panel-close - the shopper asked to close (minimise) the panel
 * @csspart panel - the panel's box (the dialog)
 * @csspart header - the title bar
 * @csspart body - the panel's content under the title bar
 * @csspart controls - the call's control bar
 * @csspart chat - the chat sheet of a call
 */
@customElement('expert-call-panel')
export class ExpertCallPanel extends LitElement {
  static override styles = [tokens, controls, callControlsStyles, panelStyles];

  @property({ attribute: false }) accessor conversation!: ShopperConversation;
  @property() override accessor lang: UiLanguage = 'en';
  @property({ attribute: false }) accessor context: ShopperContext = {};
  @property({ attribute: false }) accessor offline!: OfflineRequests;
  /** The topic the shopper asked about, for the alternatives when nobody can answer. */
  @property() accessor topic: string | undefined;
  /** The shop's own words (its config's `texts`), where it set them. */
  @property({ attribute: false }) accessor words: ShopWords = {};
  /** Whether experts can answer now, from the hub's `/availability` (read when the panel opens). */
  @property({ attribute: false }) accessor availability: Availability | undefined;
  /** The shop said who the shopper is (`identify`): the expert will see their account's name. */
  @property({ type: Boolean }) accessor identified = false;
  /** The layout in use; set by the panel from the conversation's state, for the shop's CSS. */
  @property({ reflect: true }) accessor screen: Screen = 'start';

  /** The chat sheet of a call: open or not (open by default where there is room beside). */
  @state() private accessor sheetOpen: boolean | undefined;
  /** The device picker of a call, when open: what there is to choose from. */
  @state() private accessor devicesShown: DeviceChoice[] | undefined;
  /** The first screen's device check is open. */
  @state() private accessor checking = false;
  /** The last try to share the screen failed (not cancelled). */
  @state() private accessor screenFailed = false;
  /** The QR code to carry on on the phone is shown. */
  @state() private accessor handoffOpen = false;
  /** Sending a photo: under way, or why the last one did not go. */
  @state() private accessor photoStatus: PhotoStatus = '';
  /** What the device check could not start, for the live region. */
  private checkFailures: DeviceFailure[] = [];
  /** Chat entries already seen by the shopper, to count what is unread while the sheet is shut. */
  private seen = 0;

  /** The alternatives' forms, one instance so what is typed survives re-renders. */
  private offlineForms: OfflineForms | undefined;
  /** A request was sent from the queue: its confirmation stays until the shopper closes it. */
  private keepOffline = false;
  /** What the last conversation was when it ended: the end screen's words depend on it. */
  private endedWhat: EndedWhat = 'call';

  constructor() {
    super();
    new SubscriptionController(this, (changed) => [
      this.conversation.on('state', ({ state, previous }) => {
        // Said once, as it ended: the rating's steps after it are still the same end.
        if (state.kind === 'ended' && previous.kind !== 'ended') {
          this.endedWhat =
            previous.kind === 'in-call'
              ? 'call'
              : previous.kind === 'chat'
                ? 'chat'
                : state.reason === 'shopper-cancelled'
                  ? 'queue'
                  : 'attempt';
        }
        if (state.kind === 'in-call' && previous.kind !== 'in-call') this.sheetOpen = undefined;
        // The check closes (and lets go of the devices) once the shopper has chosen.
        if (state.kind !== 'idle' && state.kind !== 'choosing') this.closeCheck();
        changed();
      }),
      this.conversation.on('change', changed),
      // Drawn over the shopper's own view, where the expert saw that spot.
      this.conversation.on('mark', ({ points }) =>
        this.renderRoot.querySelector('ec-call-stage')?.markSelf(points),
      ),
    ]);
    new VisualViewportController(this);
    this.addEventListener('keydown', this.keepFocusInside);
  }

  private get t() {
    return textFor(this.lang);
  }

  /**
   * Mirrors the launcher's `theme` attribute (`light`, `dark`), so a shop can force one, and
   * re-renders when its `availability` changes (the first screen says when nobody can answer).
   */
  private readonly themeWatch = new MutationObserver(() => {
    this.followTheme();
    this.requestUpdate();
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const host = this.launcher;
    if (host)
      this.themeWatch.observe(host, {
        attributes: true,
        attributeFilter: ['theme', 'availability'],
      });
    this.followTheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.themeWatch.disconnect();
  }

  private get launcher(): Element | undefined {
    const root = this.getRootNode();
    return root instanceof ShadowRoot ? root.host : undefined;
  }

  private followTheme(): void {
    const theme = this.launcher?.getAttribute('theme');
    if (theme === 'light' || theme === 'dark') this.setAttribute('theme', theme);
    else this.removeAttribute('theme');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A language whose words are not here yet: English meanwhile, the language once fetched.
    if (changed.has('lang') && !panelText[this.lang]) {
      void loadPanelText(this.lang).then(
        () => this.requestUpdate(),
        () => {},
      );
    }
    const kind = this.conversation.state.kind;
    // What the shopper has in view is read: only what came while the sheet was shut is unread.
    if (kind === 'in-call' && (this.sheetOpen ?? this.roomBeside())) {
      this.seen = this.conversation.chat.log.entries.length;
    }
    // The "continue on your phone" card belongs to one conversation: once it is over, the next
    // one starts without it.
    if (kind !== 'in-call' && kind !== 'chat') this.handoffOpen = false;
    const calling = kind === 'connecting' && this.conversation.state.mode !== 'chat';
    this.screen = this.keepOffline
      ? 'start'
      : kind === 'in-call' || calling
        ? 'call'
        : kind === 'chat'
          ? 'chat'
          : 'start';
  }

  override render() {
    const t = this.t;
    const state = this.conversation.state;
    return html`
      <div class="dialog" part="panel" role="dialog" aria-modal="true" aria-labelledby="title">
        <header part="header">
          <h2 id="title">${this.words.panelTitle ?? t.title}</h2>
          <button class="close" aria-label=${t.close} @click=${this.requestClose}>
            ${icon('close')}
          </button>
        </header>
        <p class="visually-hidden" role="status" data-announce>${this.announcement(state)}</p>
        <div class="body" part="body">
          ${
            this.conversation.reconnecting
              ? html`<p class="starting">${t.reconnecting}</p>`
              : nothing
          }
          ${this.keepOffline ? this.renderOffline('no-answer') : this.renderState(state)}
        </div>
      </div>
    `;
  }

  /** Moves keyboard focus to the first thing to press in the panel. */
  override focus(): void {
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>(
        '.body button, .body a, .body textarea, .close',
      );
      target?.focus();
    });
  }

  /** The one sentence the live region says for this state: short, and only when it changes. */
  private announcement(state: ConversationState): string {
    const t = this.t;
    const failures =
      state.kind === 'idle' || state.kind === 'choosing'
        ? this.checkFailures
        : this.conversation.media.deviceFailures;
    const problems = failures.map((f) => t.deviceProblemShort(f.device));
    const sentence = (() => {
      switch (state.kind) {
        case 'idle':
        case 'choosing':
          return '';
        case 'requesting':
          return t.requesting;
        case 'queued':
          return t.queued(state.position);
        case 'closed':
          return t.closedNow;
        case 'connecting':
          return t.connecting;
        case 'in-call':
          return this.conversation.media.audioBlocked
            ? `${t.inCallWith(state.expert.name)}. ${t.tapToHear(state.expert.name)}`
            : t.inCallWith(state.expert.name);
        case 'chat':
          return t.chatWith(state.expert.name);
        case 'ended':
          return t.endTitle[this.endedWhat];
      }
    })();
    return [sentence, ...problems].filter(Boolean).join(' ');
  }

  private renderState(state: ConversationState) {
    const t = this.t;
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
        return state.mode === 'chat'
          ? this.renderWait(t.connecting, '', t.cancel)
          : this.renderCall(state);
      case 'in-call':
        return this.renderCall(state);
      case 'chat':
        return this.renderWritten(state);
      case 'ended':
        return this.renderEnded(state);
    }
  }

  /**
   * Whether experts can answer now: the hub's answer read when the panel opened, else the dot
   * the launcher already shows (so the first screen is right from its first frame).
   */
  private get readiness(): 'closed' | 'none' | 'busy' | 'free' | undefined {
    const a = this.availability;
    if (a) {
      if (!a.open) return 'closed';
      if (a.call === 'free' || a.chat === 'free') return 'free';
      return a.call === 'busy' || a.chat === 'busy' ? 'busy' : 'none';
    }
    const said = this.launcher?.getAttribute('availability');
    return said === 'closed' || said === 'none' || said === 'busy' || said === 'free'
      ? said
      : undefined;
  }

  private renderChoice() {
    const t = this.t;
    const product = this.context.product?.name;
    const readiness = this.readiness;
    // Closed: the first screen says when it opens and leads with what can be done now.
    if (readiness === 'closed') return this.renderOffline('closed', this.availability?.opensAt);
    // Where no call can start (no WebRTC, a frame without the microphone) chat is the way,
    // said plainly; a framed page's shopper can carry the conversation on to their phone.
    const blocker = callBlocker();
    const canCall = blocker === undefined;
    // Video busy but an expert free to write: writing comes first.
    const writeFirst =
      !canCall || (this.availability?.chat === 'free' && this.availability.call !== 'free');
    const chatChoice = html`<button
      class="${writeFirst ? 'primary' : 'secondary'} choice"
      data-mode="chat"
      @click=${() => this.choose('chat')}
    >
      ${icon('chat')}
      <span><span class="choice-title">${t.chatCall}</span><small>${t.chatCallHint}</small></span>
    </button>`;
    return html`
      ${
        readiness === 'busy' || readiness === 'none'
          ? html`<p class="starting" data-readiness=${readiness}>
              ${readiness === 'busy' ? t.allBusy : t.noneFree}
              ${writeFirst && canCall ? t.writeSooner : ''}
            </p>`
          : nothing
      }
      ${
        // Ours promises video or voice: not where no call can start (the shop's own words stay).
        this.words.panelIntro || canCall
          ? html`<p>${this.words.panelIntro ?? t.intro}</p>`
          : nothing
      }
      ${
        canCall
          ? html`<p class="muted">${t.cameraOffPromise}</p>`
          : html`<p class="starting" data-blocker=${blocker}>
              ${blocker === 'framed' ? t.framedNoCalls : t.noWebrtc}
            </p>`
      }
      <div>
        <p class="muted" id="shared">${t.expertWillSee}</p>
        <ul class="shared" aria-labelledby="shared">
          <li>${t.thisPage}</li>
          ${this.identified ? html`<li data-shared="account">${t.yourAccount}</li>` : nothing}
          ${product ? html`<li>${product}</li>` : nothing}
        </ul>
      </div>
      <div class="choices">
        ${writeFirst ? chatChoice : nothing}
        ${
          canCall
            ? html`<button
                  class="${writeFirst ? 'secondary' : 'primary'} choice"
                  data-mode="video"
                  @click=${() => this.choose('video')}
                >
                  ${icon('video')}
                  <span
                    ><span class="choice-title">${t.videoCall}</span
                    ><small>${t.videoCallHint}</small></span
                  >
                </button>
                <button
                  class="secondary choice"
                  data-mode="audio"
                  @click=${() => this.choose('audio')}
                >
                  ${icon('microphone')}
                  <span
                    ><span class="choice-title">${t.voiceCall}</span
                    ><small>${t.voiceCallHint}</small></span
                  >
                </button>`
            : nothing
        }
        ${writeFirst ? nothing : chatChoice}
      </div>
      ${canCall ? this.renderCheck() : nothing}
    `;
  }

  /** The device check: a button that opens it, and the check itself while open. */
  private renderCheck() {
    const t = this.t;
    return html`<button
        class="secondary check-toggle"
        data-control="device-check"
        aria-expanded=${this.checking ? 'true' : 'false'}
        aria-controls="device-check"
        @click=${() => (this.checking ? this.closeCheck() : (this.checking = true))}
      >
        ${icon('settings')} ${this.checking ? t.check.done : t.check.open}
      </button>
      ${
        this.checking
          ? html`<ec-device-check
              id="device-check"
              .words=${t}
              @ec-check-change=${(event: CustomEvent<DeviceFailure[]>) => {
                this.checkFailures = event.detail;
                this.requestUpdate();
              }}
            ></ec-device-check>`
          : nothing
      }`;
  }

  private closeCheck(): void {
    this.checking = false;
    this.checkFailures = [];
  }

  /** Place in line and expected wait, live; the way out, and writing instead of waiting. */
  private renderQueued(state: Extract<ConversationState, { kind: 'queued' }>) {
    const t = this.t;
    return html`
      <div class="wait">
        <div class="spinner" aria-hidden="true"></div>
        <p data-position=${state.position}>
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
        <button
          class="secondary"
          data-control="leave-queue"
          @click=${() => this.conversation.end()}
        >
          ${t.leaveQueue}
        </button>
      </div>
    `;
  }

  private renderWait(title: string, hint: string, leave: string) {
    return html`
      <div class="wait">
        <div class="spinner" aria-hidden="true"></div>
        <p><strong>${title}</strong></p>
        ${hint ? html`<p class="muted">${hint}</p>` : nothing}
        <button class="secondary" @click=${() => this.conversation.end()}>${leave}</button>
      </div>
    `;
  }

  /**
   * A call: the picture takes the space, one control bar under it, and the chat as a sheet
   * beside (wide panels) or from the bottom (phones).
   *
   * While the expert's console rings (`connecting`), the same stage is already there, saying
   * so, with the way out: the expert's picture, held back by LiveKit until they accept, shows
   * the moment it comes, without waiting for the hub's word that the call is live. The rest
   * (controls, notes, chat) comes with that word.
   */
  private renderCall(state: Extract<ConversationState, { kind: 'connecting' | 'in-call' }>) {
    const t = this.t;
    const media = this.conversation.media;
    const live = state.kind === 'in-call' ? state : undefined;
    const video = state.mode === 'video';
    const sheetOpen = live !== undefined && (this.sheetOpen ?? this.roomBeside());
    return html`
      <div class="call" data-sheet=${sheetOpen ? 'open' : 'closed'}>
        <div class="stage-column">
          <ec-call-stage
            class=${video ? 'video' : 'audio'}
            .remoteVideo=${media.remoteScreen ?? (video ? media.remoteVideo : undefined)}
            data-showing=${media.remoteScreen ? 'screen' : 'camera'}
            .localVideo=${media.localVideo}
            .selfMirrored=${media.mirrorSelf}
            .remoteAudio=${media.remoteAudio}
            placeholder=${!live ? '' : video ? t.expertCameraOff : t.inCallWith(live.expert.name)}
            .markLabel=${live ? t.expertMarked(live.expert.name) : ''}
          ></ec-call-stage>
          ${
            live
              ? this.renderCallNotes(live)
              : media.remoteVideo
                ? nothing
                : html`<div class="ringing">
                    <div class="spinner" aria-hidden="true"></div>
                    <p><strong>${t.connecting}</strong></p>
                  </div>`
          }
          <div class="bar" part="controls" role="group" aria-label=${t.callControls}>
            ${live ? this.renderCallControls(live, sheetOpen) : nothing}
            <button
              class="control hang-up"
              data-control="hang-up"
              @click=${() => this.conversation.end()}
            >
              ${icon('hangUp')}
              <span>${live ? t.hangUp : t.cancel}</span>
            </button>
          </div>
        </div>
        ${live ? this.renderSheet(live, sheetOpen) : nothing}
      </div>
    `;
  }

  /** What is said over the picture of a live call: sound to start, devices, sharing, advice. */
  private renderCallNotes(state: Extract<ConversationState, { kind: 'in-call' }>) {
    const t = this.t;
    const media = this.conversation.media;
    const video = state.mode === 'video';
    return html`
      ${
        media.audioBlocked
          ? html`<button
              class="primary start-audio"
              data-control="start-audio"
              @click=${() => void media.startAudio()}
            >
              ${icon('speaker')} ${t.tapToHear(state.expert.name)}
            </button>`
          : nothing
      }
      ${
        video && media.cameraOn && media.cameras > 1
          ? html`<button
              class="control switch-camera"
              data-control="switch-camera"
              @click=${() => void media.nextCamera()}
            >
              ${icon('switchCamera')}
              <span>${t.switchCamera}</span>
            </button>`
          : nothing
      }
      ${this.renderAdvice()}
      ${media.startingDevices.map(
        (device) => html`<p class="starting">${t.deviceStarting(device)}</p>`,
      )}
      ${media.deviceFailures.map(
        (f) =>
          html`<p class="problem" data-problem=${f.problem}>
            ${t.deviceProblem(f.device, f.problem, browserFamily())}
          </p>`,
      )}
      ${screenShareNotes(media.sharingScreen, this.screenFailed, t.screen)}
      ${video ? blurNotes(media, t.blur) : nothing} ${this.renderDevices()} ${this.renderHandoff()}
    `;
  }

  /** The live call's controls, before the hang-up button. */
  private renderCallControls(
    state: Extract<ConversationState, { kind: 'in-call' }>,
    sheetOpen: boolean,
  ) {
    const t = this.t;
    const media = this.conversation.media;
    const video = state.mode === 'video';
    const entries = this.conversation.chat.log.entries;
    const unread = sheetOpen
      ? 0
      : entries.filter((e, i) => i >= this.seen && !e.mine && e.author !== 'system').length;
    return html`
      <button
        class="control ${media.microphoneOn ? '' : 'off'}"
        data-control="microphone"
        @click=${() => this.toggle('microphone', !media.microphoneOn)}
      >
        ${icon(media.microphoneOn ? 'microphone' : 'microphoneOff')}
        <span>${media.microphoneOn ? t.microphoneOn : t.microphoneOff}</span>
      </button>
      ${
        video
          ? html`<button
              class="control ${media.cameraOn ? '' : 'off'}"
              data-control="camera"
              @click=${() => this.toggle('camera', !media.cameraOn)}
            >
              ${icon(media.cameraOn ? 'camera' : 'cameraOff')}
              <span>${media.cameraOn ? t.cameraOn : t.cameraOff}</span>
            </button>`
          : nothing
      }
      ${video ? blurButton(media, t.blur) : nothing}
      ${screenShareButton(media.sharingScreen, t.screen, this.toggleScreen)}
      ${this.renderHandoffButton()}
      <button
        class="control"
        data-control="devices"
        aria-expanded=${this.devicesShown ? 'true' : 'false'}
        aria-controls="devices"
        @click=${this.toggleDevices}
      >
        ${icon('settings')}
        <span>${t.devices.button}</span>
      </button>
      <button
        class="control"
        data-control="chat-sheet"
        aria-expanded=${sheetOpen ? 'true' : 'false'}
        aria-controls="sheet"
        @click=${() => (this.sheetOpen = !sheetOpen)}
      >
        ${icon('chat')}
        <span>${t.chatSheet}</span>
        ${unreadCount(unread, t.unread(unread), 'badge')}
      </button>
      <button
        class="control"
        data-control="to-chat"
        @click=${() => this.conversation.switchTo('chat')}
      >
        ${icon('write')}
        <span>${t.switchToChat}</span>
      </button>
    `;
  }

  /** The chat of a live call, as a sheet beside the picture or over its lower part. */
  private renderSheet(state: Extract<ConversationState, { kind: 'in-call' }>, sheetOpen: boolean) {
    return html`
      <section
        class="sheet"
        id="sheet"
        part="chat"
        aria-labelledby="sheet-title"
        ?hidden=${!sheetOpen}
      >
        <h3 id="sheet-title" class="sheet-title">${this.t.chatWith(state.expert.name)}</h3>
        ${this.renderChat(state.expert.name)}
      </section>
    `;
  }

  /** Camera, microphone and (where the browser allows) speaker, each a list to choose from. */
  private renderDevices() {
    const list = this.devicesShown;
    if (!list) return nothing;
    const t = this.t.devices;
    const media = this.conversation.media;
    const kinds: DeviceKind[] = ['videoinput', 'audioinput', 'audiooutput'];
    return html`<div class="devices" id="devices" role="group" aria-label=${t.title}>
      ${kinds.map((kind) =>
        devicePicker({
          label: t[kind],
          kind,
          choices: list.filter((d) => d.kind === kind),
          active: media.activeDevice(kind),
          choose: (id) => void media.chooseDevice(kind, id),
        }),
      )}
    </div>`;
  }

  private toggleDevices = async () => {
    if (this.devicesShown) {
      this.devicesShown = undefined;
      return;
    }
    this.devicesShown = await this.conversation.media.deviceChoices();
  };

  /** The panel is wide enough for the chat beside the picture (a desktop, a landscape tablet). */
  private roomBeside(): boolean {
    return matchMedia('(min-width: 720px) and (min-height: 520px)').matches;
  }

  /** A written conversation: the chat takes the panel; the way back to video, and the end. */
  private renderWritten(state: Extract<ConversationState, { kind: 'chat' }>) {
    const t = this.t;
    return html`
      <p class="starting">${t.chatOnly[state.reason]}</p>
      ${this.renderChat(state.expert.name)} ${this.renderHandoff()}
      <div class="bar compact" part="controls" role="group" aria-label=${t.callControls}>
        ${this.renderHandoffButton()}
        ${
          callBlocker() === undefined
            ? html`<button
                class="control"
                data-control="to-call"
                @click=${() => this.conversation.switchTo('call')}
              >
                ${icon('video')}
                <span>${t.backToCall}</span>
              </button>`
            : nothing
        }
        <button
          class="control hang-up"
          data-control="hang-up"
          @click=${() => this.conversation.end()}
        >
          ${icon('hangUp')}
          <span>${t.endConversation}</span>
        </button>
      </div>
    `;
  }

  /** What ended, in words that fit it, and the transcript kept, with a download. */
  private renderEnded(state: Extract<ConversationState, { kind: 'ended' }>) {
    const t = this.t;
    const what = this.endedWhat;
    const entries = this.conversation.chat.log.entries;
    const written = entries.some((e) => e.author !== 'system');
    return html`
      <div class="ended" data-ended=${what}>
        <p><strong>${t.endTitle[what]}</strong></p>
        <p>${t.endReason(state.reason, what)}</p>
        ${
          state.rating
            ? html`<ec-rating
                .words=${t.rating}
                expert-name=${state.rating.expert.name}
                status=${state.rating.status}
                @ec-rate=${(e: CustomEvent<RatingChoice>) =>
                  this.conversation.rate(e.detail.stars, e.detail.comment)}
              ></ec-rating>`
            : nothing
        }
        ${
          written
            ? html`<section class="transcript" aria-labelledby="transcript-title">
                <h3 id="transcript-title">${t.transcript}</h3>
                ${this.renderChat('', true)}
                <button class="secondary" data-action="download" @click=${this.download}>
                  ${icon('download')} ${t.downloadTranscript}
                </button>
              </section>`
            : nothing
        }
        <div class="actions">
          <button class="secondary" @click=${this.requestClose}>${t.close}</button>
          <button class="primary" @click=${() => this.conversation.open()}>${t.again[what]}</button>
        </div>
      </div>
    `;
  }

  /** A connection that stays poor: offer voice only, then chat; the shopper decides. */
  private renderAdvice() {
    const advice = this.conversation.advice;
    if (advice === 'none') return nothing;
    const t = this.t.weakConnection;
    return html`<div class="starting" data-advice=${advice}>
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

  private renderChat(expertName: string, readOnly = false) {
    return chatFor(this.conversation.chat, {
      words: this.t.chat,
      lang: this.lang,
      typingName: expertName,
      readOnly,
      onProduct: this.onProduct,
      photoUrl: this.conversation.photoUrl,
      ...(readOnly
        ? {}
        : { photos: { words: this.t.photos, status: this.photoStatus, send: this.sendPhoto } }),
    });
  }

  /** "On my phone", where a phone would do better ({@link offerPhone}). */
  private renderHandoffButton() {
    const offered = offerPhone({
      touch: matchMedia('(pointer: coarse)').matches,
      framed: window.top !== window,
      blocked: callBlocker() !== undefined,
      devicesFailed: this.conversation.media.deviceFailures.length > 0,
    });
    if (!offered) return nothing;
    return html`<button
      class="control"
      data-control="handoff"
      aria-expanded=${this.handoffOpen ? 'true' : 'false'}
      aria-controls="handoff"
      @click=${() => (this.handoffOpen = !this.handoffOpen)}
    >
      ${icon('phone')}
      <span>${this.t.handoff.button}</span>
    </button>`;
  }

  /** The QR code and the link that carry the conversation on on the phone (call parts' chunk). */
  private renderHandoff() {
    if (!this.handoffOpen) return nothing;
    const state = this.conversation.state;
    return html`<ec-handoff
      id="handoff"
      class="handoff"
      aria-labelledby="handoff-title"
      .words=${this.t.handoff}
      .ask=${() => this.conversation.handoff()}
      mode=${'mode' in state ? state.mode : 'chat'}
      @ec-handoff-close=${() => (this.handoffOpen = false)}
    ></ec-handoff>`;
  }

  /** Shares the shopper's screen, or stops; a refusal of the browser's question says nothing. */
  private toggleScreen = async () => {
    const media = this.conversation.media;
    this.screenFailed = (await media.shareScreen(!media.sharingScreen)) === 'failed';
  };

  /** The shopper took or picked a photo: sent, with what happens said under the chat. */
  private sendPhoto = async (file: File) => {
    this.photoStatus = 'sending';
    this.photoStatus = (await this.conversation.sendPhoto(file)) ?? '';
  };

  /**
   * The shopper acted on a product card: the hub counts it, and the shop's page is told
   * (`ec-open-product`, `ec-add-to-cart`, `ec-reserve`), since the page owns its cart and its
   * reservations. A page that cancels `ec-open-product` (its own routing) keeps the link
   * unfollowed.
   */
  private onProduct = (event: CustomEvent<ProductActionDetail>) => {
    const { product, action } = event.detail;
    this.conversation.productAction(product.id, action);
    const detail: ProductEventDetail = {
      product,
      conversationId: this.conversation.conversationId ?? '',
    };
    const told = this.dispatchEvent(
      new CustomEvent(PRODUCT_EVENTS[action], {
        detail,
        bubbles: true,
        composed: true,
        cancelable: action === 'open',
      }),
    );
    if (!told) event.preventDefault();
  };

  /** A message, a callback or an appointment, when nobody can answer now. */
  private renderOffline(reason: 'closed' | 'no-answer', opensAt?: number) {
    if (!this.offlineForms) {
      // Defined by the call parts' chunk; Lit keeps what is set on it until it is.
      const forms = document.createElement('ec-offline') as OfflineForms;
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

  /** The transcript as a text file, named after the shop's title and the day. */
  private download = () => {
    const text = transcriptText(this.conversation.chat.log.entries, {
      lang: this.lang,
      title: this.words.panelTitle ?? this.t.title,
      you: this.t.chat.you,
      system: this.t.chat.system,
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.t.transcriptFile}-${new Date().toISOString().slice(0, 10)}.txt`;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  /** Tab and Shift+Tab go round inside the dialog: it covers the page while it is open. */
  private keepFocusInside = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    const dialog = this.renderRoot.querySelector('.dialog');
    if (!dialog) return;
    const list = focusables(dialog);
    if (!list.length) return;
    const active = deepActiveElement(this.renderRoot as ShadowRoot);
    const first = list[0]!;
    const last = list.at(-1)!;
    if (event.shiftKey && (active === first || !active)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !active)) {
      event.preventDefault();
      first.focus();
    }
  };

  private requestClose = () => {
    this.dispatchEvent(new Event('ec-panel-close', { bubbles: true, composed: true }));
  };
}

function deepActiveElement(root: ShadowRoot): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

declare global {
  interface HTMLElementTagNameMap {
    'expert-call-panel': ExpertCallPanel;
  }
}
