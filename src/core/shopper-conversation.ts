/**
 * The shopper's conversation: feeds hub messages and user intents into the state machine and
 * runs the effects (hub socket, LiveKit room, devices, chat, time limits). Framework-free: the
 * widget subscribes and renders.
 *
 * A lost hub connection does not end anything: the client reconnects and resumes the
 * conversation with its resume token, receives the messages it missed, and resends its own.
 * The same token, kept for the page's session, lets the next page of the shop resume it.
 *
 * A request or a resume the hub fails to handle (`hub-failed`) is asked again, backing off as
 * reconnects do; one it refuses ends the conversation with the refusal, said as what it is.
 */
import {
  fitContext,
  type CallMode,
  type Language,
  type MarkPoints,
  type ProductAction,
  type ShopperContext,
} from '../protocol/index.js';
import { ChatChannel } from './chat-channel.js';
import {
  conversationReducer,
  initialConversationState,
  isActive,
  type ConversationEndReason,
  type ConversationEvent,
  type ConversationState,
} from './conversation-state.js';
import { Emitter } from './emitter.js';
import { FallbackPolicy, type Advice } from './fallback-policy.js';
import { HubClient, hubHttpUrl } from './hub-client.js';
import { failureOfClientError, failureOfHubError, isRetryable } from './hub-failure.js';
import type { Device, DeviceProblem } from './devices.js';
import { MediaSession } from './media-session.js';
import { PendingAnswer } from './pending-answer.js';
import type { PhotoFailure } from './photo-upload.js';
import { BackoffReconnectPolicy, RetryClock, type ReconnectPolicy } from './reconnect-policy.js';
import type { ResumeTicket, TicketStore } from './resume-ticket.js';

export type { ResumeTicket, TicketStore } from './resume-ticket.js';
export type { PhotoFailure } from './photo-upload.js';

/** A request the hub has not answered in this time ends with `timeout` rather than a spinner. */
const REQUEST_TIMEOUT_MS = 10_000;
/** How long the end screen asks for a rating, holding the hub connection to send it on. */
const RATING_WINDOW_MS = 10 * 60_000;

export interface ShopperConversationOptions {
  hub: string;
  lang: () => Language;
  context: () => ShopperContext;
  /** The shop's topic to ask about (its own queue of experts); undefined: any expert. */
  topic?: () => string | undefined;
  displayName?: () => string | undefined;
  /** The token the shop's server signed for a logged-in customer, sent with the request. */
  customerToken?: () => string | undefined;
  tickets?: TicketStore;
  /** How to come back after the hub connection drops; by default, backing off for 30 s. */
  reconnect?: ReconnectPolicy;
  /** How long the hub may take to answer a request before it ends in `timeout`; 10 s. */
  requestTimeoutMs?: number;
  /** How long the end screen asks for a rating before it lets the connection go; 10 min. */
  ratingWindowMs?: number;
}

export type ShopperConversationEvents = {
  state: { state: ConversationState; previous: ConversationState };
  /** Media, chat or the connection changed: re-read them. */
  change: undefined;
  /** The expert marked these points of the shopper's camera picture (a tap, or a stroke). */
  mark: { points: MarkPoints };
};

export class ShopperConversation extends Emitter<ShopperConversationEvents> {
  readonly media = new MediaSession();
  readonly chat: ChatChannel;
  /** The hub connection dropped and is being brought back. */
  reconnecting = false;
  private current: ConversationState = initialConversationState;
  private hub: HubClient | undefined;
  private ticket: ResumeTicket | undefined;
  /** The conversation of the transcript shown (kept once it ended, for its cards). */
  private transcriptOf: string | undefined;
  /** The hub gave this conversation a room (it is not in chat only). */
  // Stryker disable next-line BooleanLiteral: read on call.live only, which the state takes after shopper.connecting, which sets it
  private expectsMedia = false;
  /** Watches the connection in a call, to offer voice only, then chat, when it stays poor. */
  private readonly fallback = new FallbackPolicy();
  private qualityTimer: ReturnType<typeof setInterval> | undefined;
  // Stryker disable next-line BooleanLiteral: every state change before a call sets it false (watchQuality)
  private voiceOnly = false;
  private requestTimer: ReturnType<typeof setTimeout> | undefined;
  private ratingTimer: ReturnType<typeof setTimeout> | undefined;
  /** How the request was introduced to the hub: sent again when the hub failed on it. */
  private introduce: () => void = () => {};
  /** Asking again after the hub failed on a request or a resume. */
  private readonly retries: RetryClock;
  private readonly policy: ReconnectPolicy;
  private readonly teardown: Array<() => void> = [];
  /** Waiting for the hub's ticket to send a photo (one photo at a time). */
  private readonly photoTicket = new PendingAnswer<string>();
  /** Waiting for the hub's code to carry the conversation on on another device. */
  private readonly handoffCode = new PendingAnswer<{ code: string; expiresAt: number }>();

  constructor(private readonly options: ShopperConversationOptions) {
    super();
    this.policy = options.reconnect ?? new BackoffReconnectPolicy();
    this.retries = new RetryClock(this.policy);
    this.chat = new ChatChannel(
      'shopper',
      () => options.displayName?.() ?? '',
      (message) => this.hub?.send(message) ?? false,
    );
    this.teardown.push(
      this.media.on('change', () => this.changed()),
      this.chat.on('change', () => this.changed()),
      this.media.on('disconnected', ({ cause }) => {
        // A room the hub closed comes with the hub's own word on why; only a loss is a failure.
        if (cause !== 'lost') return;
        const state = this.current;
        // In a call, the conversation goes on in chat; before the expert answered, the hub
        // rings on for a written conversation.
        if (state.kind === 'connecting') {
          this.hub?.send({ type: 'media.lost', conversationId: state.conversationId });
        } else if (state.kind === 'in-call') {
          this.hub?.send({ type: 'media.lost', conversationId: state.conversationId });
          this.apply({
            type: 'to-chat',
            conversationId: state.conversationId,
            expert: state.expert,
            reason: 'media-lost',
          });
        }
      }),
    );
  }

  get state(): ConversationState {
    return this.current;
  }

  /** Shows the first screen. */
  open(): void {
    this.apply({ type: 'open' });
  }

  /** Leaves the first or the last screen. */
  dismiss(): void {
    this.apply({ type: 'dismiss' });
    if (this.current.kind === 'idle') this.closeHub();
  }

  /** True when this browser has a conversation to come back to (from another page). */
  canResume(): boolean {
    return this.current.kind === 'idle' && this.options.tickets?.load() != null;
  }

  /** Carries on with the conversation this browser had on another page. */
  async resume(): Promise<void> {
    const ticket = this.options.tickets?.load();
    if (!ticket || this.current.kind !== 'idle') return;
    this.ticket = ticket;
    this.apply({ type: 'resume', mode: ticket.mode });
    await this.start(() => this.sendResume());
  }

  /** The shopper picked video or voice: ask the hub for an expert. */
  async choose(mode: CallMode): Promise<void> {
    if (this.current.kind !== 'choosing') return;
    this.apply({ type: 'choose', mode });
    await this.start(() => {
      const displayName = this.options.displayName?.();
      const topic = this.options.topic?.();
      const customerToken = this.options.customerToken?.();
      this.hub?.send({
        type: 'shopper.request',
        mode,
        lang: this.options.lang(),
        context: fitContext(this.options.context()),
        ...(displayName ? { displayName } : {}),
        ...(topic ? { topic } : {}),
        ...(customerToken ? { customerToken } : {}),
      });
    });
  }

  /** Leaves the queue or hangs up, whichever applies. */
  end(): void {
    const state = this.current;
    // Only a conversation under way has an id to end; `finish` ends only one under way.
    if ('conversationId' in state) {
      this.hub?.send(
        state.kind === 'in-call' || state.kind === 'chat'
          ? { type: 'call.end', conversationId: state.conversationId }
          : { type: 'shopper.cancel' },
      );
    }
    const talking = state.kind === 'in-call' || state.kind === 'chat';
    this.finish(talking ? 'shopper-hung-up' : 'shopper-cancelled');
  }

  /**
   * Rates the conversation that just ended (1 to 5, an optional comment), on the connection
   * that had it: the hub takes a rating from no other.
   */
  rate(stars: number, comment?: string): void {
    const state = this.current;
    if (state.kind !== 'ended' || !state.rating) return;
    const { conversationId, status } = state.rating;
    if (status !== 'open' && status !== 'failed') return;
    this.apply({ type: 'rate' });
    const text = comment?.trim();
    const sent =
      this.hub?.send({
        type: 'shopper.rate',
        conversationId,
        stars,
        ...(text ? { comment: text } : {}),
      }) ?? false;
    if (!sent) this.apply({ type: 'rate-failed' });
  }

  /** Carries on in chat only, or asks for video and voice back. */
  /** The conversation the transcript shown is of, also once it has ended. */
  get conversationId(): string | undefined {
    return this.transcriptOf;
  }

  /**
   * The shopper opened, added to their cart or reserved the product of a card shown in this
   * conversation (also from the end screen's transcript): told to the hub, which counts it for
   * the shop. False when there is no hub connection any more.
   */
  productAction(productId: string, action: ProductAction): boolean {
    const conversationId = this.transcriptOf;
    if (!conversationId || !this.hub) return false;
    return this.hub.send({ type: 'shopper.product-action', conversationId, productId, action });
  }

  /** Where a photo of this conversation is: at the hub, by its id. */
  readonly photoUrl = (id: string): string => hubHttpUrl(this.options.hub, `photos/${id}`);

  /**
   * Sends a photo (taken now or chosen from the device) into the conversation: made ready in
   * the browser, sent by HTTP with a ticket the hub gives for it, then shown as a line of the
   * chat like a message. Null once it is on its way as a line; else why it did not go.
   */
  async sendPhoto(file: Blob): Promise<PhotoFailure | null> {
    const open = (): string | undefined => {
      const state = this.current;
      return state.kind === 'in-call' || state.kind === 'chat' ? state.conversationId : undefined;
    };
    const conversationId = open();
    if (!conversationId) return 'not-open';
    // Only for those who send one: not in the first screen's chunk.
    const { photoToSend, uploadPhoto } = await import('./photo-upload.js');
    const photo = await photoToSend(file);
    if (photo === 'not-a-photo') return photo;
    const ticket = await this.askPhotoTicket(conversationId);
    if (ticket === undefined) return open() === conversationId ? 'failed' : 'not-open';
    const sent = await uploadPhoto(hubHttpUrl(this.options.hub, 'photos'), ticket, photo);
    if (typeof sent === 'string') return sent;
    return this.chat.postPhoto(sent) && 'not-open';
  }

  private askPhotoTicket(conversationId: string): Promise<string | undefined> {
    return this.photoTicket.ask(
      () => this.hub?.send({ type: 'photo.prepare', conversationId }) ?? false,
      this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    );
  }

  /**
   * A one-time code that carries this conversation on on another device (shown as a QR code
   * and a link), and when it expires; undefined when the hub gave none (no connection, ended).
   */
  handoff(): Promise<{ code: string; expiresAt: number } | undefined> {
    const state = this.current;
    if (!isActive(state) || !('conversationId' in state)) return Promise.resolve(undefined);
    const { conversationId } = state;
    return this.handoffCode.ask(
      () => this.hub?.send({ type: 'shopper.handoff', conversationId }) ?? false,
      this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    );
  }

  /**
   * Carries on, on this device, the conversation another device gave `code` for (its QR code
   * or link), in `mode` as that device had it.
   */
  async take(code: string, mode: CallMode): Promise<void> {
    if (this.current.kind !== 'idle') return;
    this.apply({ type: 'resume', mode });
    await this.start(() => this.hub?.send({ type: 'conversation.take', code }));
  }

  switchTo(to: 'chat' | 'call'): void {
    const state = this.current;
    if (state.kind === 'queued' && to === 'chat') {
      // Write instead of waiting for video: the same place in line, any expert with room.
      this.hub?.send({ type: 'media.switch', conversationId: state.conversationId, to });
      this.apply({ type: 'wait-for-chat' });
      if (this.ticket) {
        this.ticket = { ...this.ticket, mode: 'chat' };
        this.options.tickets?.save(this.ticket);
      }
      return;
    }
    if (state.kind !== 'in-call' && state.kind !== 'chat') return;
    this.hub?.send({ type: 'media.switch', conversationId: state.conversationId, to });
  }

  /** What to offer for a connection that stays poor: nothing, voice only, or chat. */
  get advice(): Advice {
    return this.fallback.advice;
  }

  /** The shopper took the advice: voice only, or chat. */
  takeAdvice(): void {
    const advice = this.fallback.advice;
    this.fallback.reset();
    if (advice === 'voice') {
      this.voiceOnly = true;
      void this.media.voiceOnly();
    } else if (advice === 'chat') this.switchTo('chat');
    this.changed();
  }

  dismissAdvice(): void {
    this.fallback.reset();
    this.changed();
  }

  setDevice(device: Device, on: boolean): Promise<DeviceProblem | null> {
    return this.media.setDevice(device, on);
  }

  /** Leaves the page: media stops, but the conversation can be resumed from the next page. */
  dispose(): void {
    this.hub?.close();
    this.hub = undefined;
    void this.media.leave();
    this.chat.dispose();
    clearTimeout(this.requestTimer);
    clearTimeout(this.ratingTimer);
    this.retries.reset();
    clearInterval(this.qualityTimer);
    for (const off of this.teardown.splice(0)) off();
  }

  private async start(introduce: () => void): Promise<void> {
    this.requestTimer = setTimeout(
      () => this.finish('timeout'),
      this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    );
    this.introduce = introduce;
    const hub = this.connectHub();
    try {
      await hub.connect();
    } catch (error) {
      this.finish(failureOfClientError(error));
      return;
    }
    introduce();
  }

  private sendResume(): void {
    if (!this.ticket) return;
    this.hub?.send({
      type: 'conversation.resume',
      conversationId: this.ticket.conversationId,
      resumeToken: this.ticket.resumeToken,
      lastSeq: this.chat.log.lastSeq,
    });
  }

  private connectHub(): HubClient {
    this.hub?.close();
    const hub = new HubClient(this.options.hub, { reconnect: this.policy });
    this.hub = hub;
    hub.on('conversation.opened', (m) => {
      this.retries.reset();
      this.transcriptOf = m.conversationId;
      const mode = 'mode' in this.current ? this.current.mode : 'video';
      this.ticket = { conversationId: m.conversationId, resumeToken: m.resumeToken, mode };
      this.options.tickets?.save(this.ticket);
      if (this.reconnecting) {
        this.reconnecting = false;
        this.chat.flush();
        this.changed();
      }
    });
    hub.on('shopper.queued', (m) => {
      if (this.current.kind === 'connecting') void this.media.leave();
      this.apply({
        type: 'queued',
        conversationId: m.conversationId,
        position: m.position,
        // The reducer keeps a wait only when one is given.
        etaSeconds: m.etaSeconds,
      });
    });
    hub.on('shopper.offline', (m) => {
      if (m.reason === 'no-answer') {
        this.apply({ type: 'no-answer' });
        return;
      }
      // Closed: no conversation was opened; the offline requests have a connection of their own.
      this.apply({ type: 'closed', opensAt: m.opensAt });
      this.hub?.close();
      this.hub = undefined;
    });
    hub.on('shopper.connecting', (m) => {
      // After a resume the room may still be joined: nothing to do then.
      if (this.current.kind === 'in-call' && this.media.connected) return;
      // Rejoining after a resume, or video and voice coming back to a chat.
      const rejoining = this.current.kind === 'in-call' || this.current.kind === 'chat';
      this.apply({ type: 'connecting', conversationId: m.conversationId });
      this.expectsMedia = m.media !== undefined;
      if (!m.media) {
        // In chat only, or the ring's room failed and the expert answers in writing.
        void this.media.leave();
        return;
      }
      this.media
        .join(m.media)
        .then(() => {
          if (rejoining) return this.media.publish({ camera: false, microphone: true });
        })
        .catch((error: unknown) => {
          // A join this side gave up on itself (gone to chat, hung up) is no failure.
          if (this.current.kind !== 'connecting' && this.current.kind !== 'in-call') return;
          console.warn('[expert-call] could not join the call’s media:', String(error));
          // Not the end: the hub rings on for a written conversation, or the call goes to chat.
          hub.send({ type: 'media.lost', conversationId: m.conversationId });
        });
    });
    hub.on('call.live', (m) => {
      const wasLive = this.current.kind === 'in-call';
      this.apply({ type: 'live', conversationId: m.conversationId, expert: m.expert });
      this.chat.open(m.conversationId);
      // The camera stays off until the shopper turns it on; the microphone is what a call needs.
      if (!wasLive && this.expectsMedia) {
        void this.media.publish({ camera: false, microphone: true });
      }
    });
    hub.on('conversation.chat', (m) => {
      this.apply({
        type: 'to-chat',
        conversationId: m.conversationId,
        expert: m.expert,
        reason: m.reason,
      });
      this.chat.open(m.conversationId);
      void this.media.leave();
    });
    hub.on('chat.message', (m) => this.chat.receive(m));
    hub.on('chat.typing', () => this.chat.receiveTyping());
    hub.on('photo.ticket', (m) => this.photoTicket.settle(m.ticket));
    hub.on('shopper.handoff-code', (m) => this.handoffCode.settle(m));
    hub.on('conversation.moved', () => this.finish('moved'));
    hub.on('call.mark', (m) => {
      const state = this.current;
      if (state.kind === 'in-call' && state.conversationId === m.conversationId) {
        this.emit('mark', { points: m.points });
      }
    });
    hub.on('call.ended', (m) => this.finish(m.reason));
    hub.on('shopper.rated', () => {
      this.apply({ type: 'rated' });
      this.closeHub();
    });
    hub.on('error', (m) => {
      if (m.ref === 'photo.prepare') return this.photoTicket.settle(undefined);
      if (m.ref === 'shopper.handoff') return this.handoffCode.settle(undefined);
      if (m.ref === 'conversation.take') {
        // Refused: the code is used, expired, or its conversation over. Else the hub failed.
        return this.finish(
          m.reason === 'wrong-state' ? 'link-expired' : failureOfHubError(m.reason),
        );
      }
      if (m.ref === 'shopper.rate') {
        this.apply({ type: 'rate-failed' });
        return;
      }
      if (m.ref !== 'shopper.request' && m.ref !== 'conversation.resume') return;
      const failure = failureOfHubError(m.reason);
      const ask = m.ref === 'shopper.request' ? this.introduce : () => this.sendResume();
      // Asked again while the policy allows; a refusal, or a failure past it, ends as it is.
      if (!isRetryable(failure) || !this.retries.schedule(ask)) this.finish(failure);
    });
    hub.on('reconnecting', () => {
      // Kept open after the end only to rate on: a new connection could not rate.
      if (this.current.kind === 'ended') {
        this.apply({ type: 'rate-failed' });
        this.closeHub();
        return;
      }
      this.reconnecting = true;
      this.chat.pause();
      this.changed();
    });
    hub.on('reconnected', () => this.sendResume());
    hub.on('lost', () => {
      if (this.current.kind === 'ended') {
        this.apply({ type: 'rate-failed' });
        this.closeHub();
        return;
      }
      this.finish('hub-unreachable');
    });
    return hub;
  }

  private finish(reason: ConversationEndReason): void {
    if (!isActive(this.current)) return;
    this.retries.reset();
    this.apply({ type: 'ended', reason });
    // After a conversation an expert had, the connection stays to rate on, until the shopper
    // rates or closes the panel.
    if (this.current.kind !== 'ended' || !this.current.rating) this.closeHub();
    else {
      this.ratingTimer = setTimeout(() => {
        this.apply({ type: 'rating-expired' });
        const state = this.current;
        if (state.kind !== 'ended' || !state.rating) this.closeHub();
      }, this.options.ratingWindowMs ?? RATING_WINDOW_MS);
    }
    this.reconnecting = false;
    this.ticket = undefined;
    this.options.tickets?.save(null);
    this.chat.close();
    void this.media.leave();
  }

  private closeHub(): void {
    clearTimeout(this.ratingTimer);
    this.hub?.close();
    this.hub = undefined;
  }

  private apply(event: ConversationEvent): void {
    const previous = this.current;
    const next = conversationReducer(previous, event);
    if (next === previous) return;
    if (next.kind !== 'requesting') clearTimeout(this.requestTimer);
    this.current = next;
    this.watchQuality(next.kind === 'in-call');
    this.emit('state', { state: next, previous });
  }

  /** One reading a second while in a call: LiveKit reports changes, the policy needs time. */
  private watchQuality(inCall: boolean): void {
    if (!inCall) {
      clearInterval(this.qualityTimer);
      this.qualityTimer = undefined;
      this.fallback.reset();
      this.voiceOnly = false;
      return;
    }
    this.qualityTimer ??= setInterval(() => {
      const state = this.current;
      const video = state.kind === 'in-call' && state.mode === 'video' && !this.voiceOnly;
      const before = this.fallback.advice;
      if (
        this.fallback.observe(this.media.quality, Date.now(), video ? 'video' : 'voice') !== before
      ) {
        this.changed();
      }
    }, 1000);
  }

  private changed(): void {
    this.emit('change', undefined);
  }
}
