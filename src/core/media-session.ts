/**
 * The media layer of one conversation: a LiveKit room joined with a token from the hub.
 *
 * Joining publishes nothing (we join while the console rings); `publish` is called on accept.
 * Device problems never end the call: they are reported as a reason the UI explains, and the
 * call goes on one-way.
 */
import type {
  DisconnectReason,
  LocalTrack,
  LocalVideoTrack,
  RemoteAudioTrack,
  RemoteVideoTrack,
  Room,
} from 'livekit-client';
import type * as LiveKitModule from 'livekit-client';
import type { MediaGrant } from '../protocol/index.js';
import {
  chosenDevices,
  deviceProblem,
  listDevices,
  rememberDevice,
  speakerChoiceSupported,
  type Device,
  type DeviceChoice,
  type DeviceKind,
  type DeviceFailure,
  type DeviceProblem,
} from './devices.js';
import { Emitter } from './emitter.js';
import type { Quality } from './fallback-policy.js';

export class MediaConnectError extends Error {
  constructor(
    readonly reason: 'no-webrtc' | 'unreachable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MediaConnectError';
  }
}

export type MediaSessionEvents = {
  /** Tracks or device state changed: re-read the getters. */
  change: undefined;
  /**
   * The room was lost for good: LiveKit gave up reconnecting (`lost`), or it was closed on
   * purpose (`closed`): the hub ended the conversation, or the page is being left.
   */
  disconnected: { cause: 'lost' | 'closed' };
};

type LiveKit = typeof LiveKitModule;
let loadingLiveKit: Promise<LiveKit> | undefined;

/**
 * Fetches livekit-client, once. It is a chunk of its own: a shopper's first screen shows
 * without it, and the panel calls this while the shopper chooses, so that a call finds it there.
 */
export function loadMediaStack(): Promise<LiveKit> {
  loadingLiveKit ??= import('livekit-client').then(
    (module) => {
      // livekit-client logs at info level by default: six lines per call in the shop's
      // console. Warnings only; a page that wants more calls its `setLogLevel` after this.
      module.setLogLevel('warn');
      return module;
    },
    (error: unknown) => {
      loadingLiveKit = undefined; // a later call may try again
      throw error;
    },
  );
  return loadingLiveKit;
}

export function webrtcSupported(): boolean {
  return typeof globalThis.RTCPeerConnection === 'function';
}

/** Why a call cannot start from this page, before anyone tries: see {@link callBlocker}. */
export type CallBlocker = 'no-webrtc' | 'framed';

/**
 * Why a call cannot start from this page, known before anyone tries, or undefined when it can:
 * `no-webrtc`, a browser without WebRTC or without access to devices at all (an old in-app
 * browser, a page not served over https); `framed`, a page in a frame whose permissions policy
 * does not let it use the microphone (a frame without `allow="microphone"`), which every call
 * needs. `win`: the window asked about (a frame's, in tests).
 */
export function callBlocker(win: Window = window): CallBlocker | undefined {
  const w = win as Window & { RTCPeerConnection?: unknown };
  if (typeof w.RTCPeerConnection !== 'function') return 'no-webrtc';
  if (typeof w.navigator.mediaDevices?.getUserMedia !== 'function') return 'no-webrtc';
  // Chromium's name for it (Firefox and Safari have none, and ask when the call starts).
  const policy = (w.document as Document & { featurePolicy?: FeaturePolicy }).featurePolicy;
  return policy && !policy.allowsFeature('microphone') ? 'framed' : undefined;
}

interface FeaturePolicy {
  allowsFeature(feature: string): boolean;
}

/**
 * Whether this browser can share a screen: desktop browsers. Phones' browsers cannot, and a
 * touch screen as the main pointer (a phone, a tablet) is taken as one of them.
 */
export function screenShareSupported(): boolean {
  return (
    typeof globalThis.navigator?.mediaDevices?.getDisplayMedia === 'function' &&
    !globalThis.matchMedia?.('(pointer: coarse)').matches
  );
}

let blurCheck: boolean | undefined;

/**
 * Whether this browser can blur the camera's background: WebGL 2, frames as `VideoFrame`s, and
 * WebAssembly SIMD for MediaPipe's segmenter. Where it cannot, the control is absent.
 */
export function blurSupported(): boolean {
  blurCheck ??=
    typeof globalThis.OffscreenCanvas === 'function' &&
    typeof globalThis.VideoFrame === 'function' &&
    typeof globalThis.createImageBitmap === 'function' &&
    (typeof (globalThis as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor ===
      'function' ||
      'captureStream' in HTMLCanvasElement.prototype) &&
    typeof WebAssembly === 'object' &&
    // A one-function module with a SIMD instruction: valid only where SIMD is.
    WebAssembly.validate(
      new Uint8Array([
        0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0,
        253, 15, 253, 98, 11,
      ]),
    ) &&
    !!document.createElement('canvas').getContext('webgl2');
  return blurCheck;
}

/** Background blur: off, being turned on (its files load the first time), on, or failed. */
export type BlurState = 'off' | 'starting' | 'on' | 'failed';

/** How long media may try to reconnect before the conversation gives way to chat. */
export const MEDIA_RECOVERY_MS = 10_000;

export class MediaSession extends Emitter<MediaSessionEvents> {
  private room: Room | undefined;
  private recovery: ReturnType<typeof setTimeout> | undefined;
  private joining: { room: string; promise: Promise<void> } | undefined;
  private failures = new Map<Device, DeviceProblem>();
  /** Devices being started: the browser may be asking the person for permission. */
  private starting = new Set<Device>();
  /** Devices opened ahead of publishing (see `prepare`), not yet sent to anyone. */
  private prepared: LocalTrack[] = [];
  /** Devices published muted while the console rings (see `publishMuted`). */
  private staged: LocalTrack[] = [];
  /** The expert accepted: what is staged, or staged from now on, is not muted. */
  private answered = false;
  /** The other side's identity in the room: the only participant shown and heard. */
  private peer: string | undefined;
  private cameraCount = 0;
  private blurState: BlurState = 'off';

  constructor(private readonly recoveryMs = MEDIA_RECOVERY_MS) {
    super();
  }

  /** The other side's camera, when they share it. */
  get remoteVideo(): RemoteVideoTrack | undefined {
    return this.remoteTracks().find(
      (t): t is RemoteVideoTrack => t.kind === 'video' && t.source !== 'screen_share',
    );
  }

  /** The other side's screen, when they share it: shown in place of their camera. */
  get remoteScreen(): RemoteVideoTrack | undefined {
    return this.remoteTracks().find(
      (t): t is RemoteVideoTrack => t.kind === 'video' && t.source === 'screen_share',
    );
  }

  /** This side shares its screen. */
  get sharingScreen(): boolean {
    return this.room?.localParticipant.isScreenShareEnabled ?? false;
  }

  /**
   * Shares this side's screen (a window, a tab) or stops: the browser asks which. Null once
   * done; `cancelled` when the person closed the browser's question (nothing to say); `failed`
   * otherwise. The browser's own "stop sharing" stops it too (LiveKit unpublishes the track).
   */
  async shareScreen(on: boolean): Promise<'cancelled' | 'failed' | null> {
    const participant = this.room?.localParticipant;
    if (!participant) return 'failed';
    try {
      await participant.setScreenShareEnabled(on, {
        audio: false,
        // Not the page of the call itself: a picture of the call inside the call.
        selfBrowserSurface: 'exclude',
        surfaceSwitching: 'include',
      });
      return null;
    } catch (error) {
      return (error as Error).name === 'NotAllowedError' ? 'cancelled' : 'failed';
    } finally {
      this.emit('change', undefined);
    }
  }

  get remoteAudio(): RemoteAudioTrack[] {
    return this.remoteTracks().filter((t): t is RemoteAudioTrack => t.kind === 'audio');
  }

  /** Our own camera, for the small self view. */
  get localVideo(): LocalVideoTrack | undefined {
    const publication = this.room?.localParticipant.getTrackPublication(
      'camera' as Parameters<Room['localParticipant']['getTrackPublication']>[0],
    );
    return publication?.track && !publication.isMuted
      ? (publication.track as LocalVideoTrack)
      : undefined;
  }

  /**
   * Whether one's own view shows as in a mirror: for the front camera, or one whose facing the
   * browser does not tell; never for a rear camera, whose picture of a product or a label must
   * read the right way round.
   */
  get mirrorSelf(): boolean {
    return this.localVideo?.mediaStreamTrack.getSettings().facingMode !== 'environment';
  }

  get cameraOn(): boolean {
    return this.room?.localParticipant.isCameraEnabled ?? false;
  }

  get microphoneOn(): boolean {
    return this.room?.localParticipant.isMicrophoneEnabled ?? false;
  }

  /** Whether one's background is blurred (or being, or could not be). */
  get blur(): BlurState {
    return this.blurState;
  }

  /**
   * Blurs what is behind the person on their camera, or stops. The first time, the blur's files
   * load (about 10 MB, once per page): the state is `starting` until frames come out blurred.
   * Where it fails (a policy that forbids WebAssembly, no GPU), the state is `failed` and the
   * camera goes on unblurred. The blur follows the camera when it is turned off and on again,
   * or to the next camera.
   */
  async setBlur(on: boolean): Promise<void> {
    const track = this.localVideo;
    if (!on) {
      this.blurState = 'off';
      this.emit('change', undefined);
      await track?.stopProcessor();
      return;
    }
    if (!track || this.blurState === 'starting') return;
    this.blurState = 'starting';
    this.emit('change', undefined);
    try {
      const { blurProcessor } = await import('./background-blur.js');
      await track.setProcessor(blurProcessor());
      this.blurState = 'on';
    } catch (error) {
      console.warn('expert-call: background blur could not start:', error);
      this.blurState = 'failed';
      await track.stopProcessor().catch(() => undefined);
    } finally {
      this.emit('change', undefined);
    }
  }

  /** How many cameras there are to turn between (known once the camera has been on). */
  get cameras(): number {
    return this.cameraCount;
  }

  /**
   * Turns to the next camera (on a phone, from the front one to the rear one and back), in one
   * tap during the call; the choice is kept for next time.
   */
  async nextCamera(): Promise<void> {
    const cameras = (await listDevices()).filter((d) => d.kind === 'videoinput');
    this.cameraCount = cameras.length;
    const track = this.localVideo?.mediaStreamTrack;
    if (cameras.length < 2 || !track) return;
    const active = track.getSettings().deviceId;
    const next = cameras[(cameras.findIndex((c) => c.id === active) + 1) % cameras.length]!;
    await this.chooseDevice('videoinput', next.id);
  }

  /** Devices that could not be used, and why. */
  get deviceFailures(): DeviceFailure[] {
    return [...this.failures].map(([device, problem]) => ({ device, problem }));
  }

  /** Devices being turned on right now: the browser may be showing its permission prompt. */
  get startingDevices(): Device[] {
    return [...this.starting];
  }

  /** This side's connection quality, as LiveKit measures it. */
  get quality(): Quality {
    return (this.room?.localParticipant.connectionQuality ?? 'unknown') as Quality;
  }

  /**
   * Voice only, for a weak connection: our camera off, and the other side's video no longer
   * received. Audio goes on.
   */
  async voiceOnly(): Promise<void> {
    const room = this.room;
    if (!room) return;
    await room.localParticipant.setCameraEnabled(false);
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.videoTrackPublications.values()) {
        publication.setSubscribed(false);
      }
    }
    this.emit('change', undefined);
  }

  /**
   * The browser refused to play the other side's sound until the person taps (iOS Safari, or a
   * page that had no click yet): the UI offers `startAudio` from a tap.
   */
  get audioBlocked(): boolean {
    return this.room ? !this.room.canPlaybackAudio : false;
  }

  /** Plays the other side's sound; call it from a tap or a click. */
  async startAudio(): Promise<void> {
    await this.room?.startAudio();
    this.emit('change', undefined);
  }

  /** The devices there are to choose from (labels once the person has allowed one device). */
  deviceChoices(): Promise<DeviceChoice[]> {
    return listDevices();
  }

  /** The device in use (or chosen for when it starts), by kind. */
  activeDevice(kind: DeviceKind): string | undefined {
    return this.room?.getActiveDevice(kind) ?? chosenDevices()[kind];
  }

  /** Switches to another camera, microphone or speaker, and remembers it for next time. */
  async chooseDevice(kind: DeviceKind, id: string): Promise<void> {
    rememberDevice(kind, id);
    await this.room?.switchActiveDevice(kind, id);
    this.emit('change', undefined);
  }

  get connected(): boolean {
    return this.room?.state === 'connected';
  }

  /**
   * Joins the room subscribed to the other side, publishing nothing. Asking again for the room
   * being joined (the ring, then accept) waits for that same join instead of starting another.
   */
  join(grant: MediaGrant): Promise<void> {
    if (this.joining?.room === grant.room) return this.joining.promise;
    const promise = this.connect(grant).finally(() => {
      if (this.joining?.promise === promise) this.joining = undefined;
    });
    this.joining = { room: grant.room, promise };
    return promise;
  }

  private async connect(grant: MediaGrant): Promise<void> {
    if (!webrtcSupported()) {
      throw new MediaConnectError('no-webrtc', 'This browser cannot make video calls.');
    }
    let lk: LiveKit;
    try {
      lk = await loadMediaStack();
    } catch (error) {
      throw new MediaConnectError('unreachable', 'Could not load the media stack.', {
        cause: error,
      });
    }
    const { DisconnectReason, Room, RoomEvent } = lk;
    await this.leave();
    this.peer = grant.peer;
    const chosen = chosenDevices();
    const room = new Room({
      // Not adaptive: it holds back the other side's video until its element is on screen,
      // which costs accepting ~130 ms (the shopper's picture comes after the hub says "live");
      // in a call of two, the one picture shown is the stage's, large.
      adaptiveStream: false,
      dynacast: true,
      // What the person chose before the call, or last time, in this browser.
      ...(chosen.videoinput ? { videoCaptureDefaults: { deviceId: chosen.videoinput } } : {}),
      ...(chosen.audioinput ? { audioCaptureDefaults: { deviceId: chosen.audioinput } } : {}),
      ...(chosen.audiooutput && speakerChoiceSupported()
        ? { audioOutput: { deviceId: chosen.audiooutput } }
        : {}),
    });
    this.room = room;
    const changed = () => this.emit('change', undefined);
    room
      .on(RoomEvent.TrackSubscribed, changed)
      .on(RoomEvent.TrackUnsubscribed, changed)
      .on(RoomEvent.TrackMuted, changed)
      .on(RoomEvent.TrackUnmuted, changed)
      .on(RoomEvent.LocalTrackPublished, changed)
      .on(RoomEvent.LocalTrackUnpublished, changed)
      .on(RoomEvent.AudioPlaybackStatusChanged, changed)
      // LiveKit tries to bring media back by itself, first resuming its signal connection
      // (SignalReconnecting), then, attempts later, a full reconnect (Reconnecting): a dead
      // server costs it ~25 s before it gives up. Our bound starts at the first sign of loss
      // and is not pushed back by the next one: past it, the call is lost.
      .on(RoomEvent.SignalReconnecting, () => this.armRecovery(room))
      .on(RoomEvent.Reconnecting, () => this.armRecovery(room))
      .on(RoomEvent.Reconnected, () => this.disarmRecovery())
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        this.disarmRecovery();
        if (this.room !== room) return;
        // Not lost: the hub closed the room, or this page left it (livekit-client leaves on
        // pagehide, when the shopper goes to the shop's next page).
        const closed =
          reason === DisconnectReason.ROOM_DELETED ||
          reason === DisconnectReason.PARTICIPANT_REMOVED ||
          reason === DisconnectReason.CLIENT_INITIATED;
        this.emit('disconnected', { cause: closed ? 'closed' : 'lost' });
      });
    try {
      await room.connect(grant.url, grant.token, { autoSubscribe: true });
    } catch (error) {
      if (this.room === room) this.room = undefined;
      await room.disconnect();
      throw new MediaConnectError('unreachable', 'Could not connect to the media server.', {
        cause: error,
      });
    }
  }

  /**
   * Opens devices ahead of time without sending anything (the expert's, while the console
   * rings), so that `publish` on accept skips the device start-up. A failure here is not
   * reported: `publish` tries again and reports it.
   */
  async prepare(devices: { camera: boolean; microphone: boolean }): Promise<void> {
    this.dropPrepared();
    try {
      const { createLocalTracks } = await loadMediaStack();
      this.prepared = await createLocalTracks({ audio: devices.microphone, video: devices.camera });
    } catch {
      this.prepared = [];
    }
  }

  /**
   * While the console rings: publishes what `prepare` opened, muted, so that the shopper's
   * side has subscribed before accept and accepting only unmutes ({@link unmuteStaged}).
   * LiveKit's server forwards nothing of a muted track: no picture or sound of the expert
   * reaches the shopper before accept. The tracks are handed to LiveKit as the page's own, so
   * that muting disables the camera instead of stopping it (a restart costs a camera seconds).
   */
  async publishMuted(): Promise<void> {
    const participant = this.room?.localParticipant;
    if (!participant || this.prepared.length === 0) return;
    const { LocalAudioTrack, LocalVideoTrack, Track } = await loadMediaStack();
    for (const opened of this.prepared.splice(0)) {
      const video = opened.kind === 'video';
      const track = video
        ? new LocalVideoTrack(opened.mediaStreamTrack, undefined, true)
        : new LocalAudioTrack(opened.mediaStreamTrack, undefined, true);
      if (!this.answered) await track.mute();
      this.staged.push(track);
      await participant.publishTrack(track, {
        source: video ? Track.Source.Camera : Track.Source.Microphone,
      });
    }
  }

  /** Accept: what {@link publishMuted} staged goes out now, without a negotiation. */
  async unmuteStaged(): Promise<void> {
    this.answered = true;
    await Promise.all(this.staged.map((track) => track.unmute()));
  }

  /** Turns devices on once the call is live; returns what could not be used. */
  async publish(devices: { camera: boolean; microphone: boolean }): Promise<DeviceFailure[]> {
    const participant = this.room?.localParticipant;
    const prepared = this.prepared.splice(0);
    if (participant && prepared.length) {
      await Promise.all(prepared.map((track) => participant.publishTrack(track)));
      const has = (kind: string) => prepared.some((track) => track.kind === kind);
      devices = {
        camera: devices.camera && !has('video'),
        microphone: devices.microphone && !has('audio'),
      };
    }
    const failures: DeviceFailure[] = [];
    if (devices.microphone) {
      const problem = await this.setDevice('microphone', true);
      if (problem) failures.push({ device: 'microphone', problem });
    }
    if (devices.camera) {
      const problem = await this.setDevice('camera', true);
      if (problem) failures.push({ device: 'camera', problem });
    }
    return failures;
  }

  /** Turns one device on or off; returns why it could not be turned on, or null. */
  async setDevice(device: Device, on: boolean): Promise<DeviceProblem | null> {
    const participant = this.room?.localParticipant;
    if (!participant) return 'failed';
    if (on) {
      this.starting.add(device);
      this.emit('change', undefined);
    }
    try {
      const staged = this.staged.find(
        (track) => track.kind === (device === 'camera' ? 'video' : 'audio'),
      );
      if (!on && device === 'camera' && staged) {
        // Muting a track of the page's own only disables it, and its camera's light stays on:
        // one turned off is given back, and turning it on again opens the camera anew.
        this.staged = this.staged.filter((track) => track !== staged);
        await participant.unpublishTrack(staged, true);
      } else if (device === 'camera') await participant.setCameraEnabled(on);
      else await participant.setMicrophoneEnabled(on);
      this.failures.delete(device);
      if (device === 'camera' && on) {
        this.cameraCount = (await listDevices()).filter((d) => d.kind === 'videoinput').length;
        // A camera opened anew is blurred as the one before it was.
        if (this.blurState === 'on' && !this.localVideo?.getProcessor()) void this.setBlur(true);
      }
      return null;
    } catch (error) {
      const problem = deviceProblem(error, device);
      this.failures.set(device, problem);
      return problem;
    } finally {
      this.starting.delete(device);
      this.emit('change', undefined);
    }
  }

  async leave(): Promise<void> {
    this.disarmRecovery();
    this.joining = undefined;
    const room = this.room;
    this.room = undefined;
    this.failures.clear();
    this.dropPrepared();
    for (const track of this.staged.splice(0)) track.stop();
    this.answered = false;
    this.blurState = 'off';
    if (room) await room.disconnect();
  }

  /** Starts the recovery bound, unless it already runs: a later sign of loss does not extend it. */
  private armRecovery(room: Room): void {
    if (this.recovery !== undefined) return;
    this.recovery = setTimeout(() => {
      this.recovery = undefined;
      if (this.room !== room) return;
      this.emit('disconnected', { cause: 'lost' });
      void this.leave();
    }, this.recoveryMs);
  }

  private disarmRecovery(): void {
    clearTimeout(this.recovery);
    this.recovery = undefined;
  }

  private dropPrepared(): void {
    for (const track of this.prepared.splice(0)) track.stop();
  }

  /** The other side's tracks; a third participant's (a recorder, an agent) are not theirs. */
  private remoteTracks() {
    const tracks = [];
    const peer = this.peer === undefined ? undefined : this.room?.remoteParticipants.get(this.peer);
    for (const participant of peer ? [peer] : []) {
      for (const publication of participant.trackPublications.values()) {
        if (publication.track && publication.isSubscribed && !publication.isMuted) {
          tracks.push(publication.track);
        }
      }
    }
    return tracks;
  }
}
