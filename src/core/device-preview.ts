/**
 * The device check before a call: the microphone's live level, the camera's preview (only
 * once the person turns it on), a test sound on the chosen speaker, and the choices kept for
 * the call. Plain browser media (getUserMedia and Web Audio): the media stack is not needed,
 * and nothing is sent anywhere. Everything it opens is closed by `stop`.
 */
import {
  chosenDevices,
  deviceProblem,
  listDevices,
  rememberDevice,
  speakerChoiceSupported,
  type Device,
  type DeviceChoice,
  type DeviceFailure,
  type DeviceKind,
} from './devices.js';
import { chime } from './chime.js';
import { Emitter } from './emitter.js';

/** How often the level is read: enough for a bar that follows the voice. */
const LEVEL_EVERY_MS = 100;

export type DevicePreviewEvents = {
  /** Level, streams, choices or problems changed: re-read the getters. */
  change: undefined;
};

/** A Web Audio context that can send its sound to a chosen speaker (Chromium 110+). */
type SinkableContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

export class DevicePreview extends Emitter<DevicePreviewEvents> {
  private microphoneStream: MediaStream | undefined;
  private cameraStream: MediaStream | undefined;
  private audio: SinkableContext | undefined;
  private analyser: AnalyserNode | undefined;
  private levelTimer: ReturnType<typeof setInterval> | undefined;
  private readonly problems = new Map<Device, DeviceFailure['problem']>();
  private readonly starting = new Set<Device>();
  private devices: DeviceChoice[] = [];
  private stopped = false;
  /** The microphone's level now, from 0 (silence) to 1 (loud). */
  level = 0;

  /** The camera's picture, while its preview is on. */
  get camera(): MediaStream | undefined {
    return this.cameraStream;
  }

  get microphoneOn(): boolean {
    return this.microphoneStream !== undefined;
  }

  /** Devices that could not be started, and why. */
  get failures(): DeviceFailure[] {
    return [...this.problems].map(([device, problem]) => ({ device, problem }));
  }

  /** Devices being started: the browser may be asking the person for permission. */
  get startingDevices(): Device[] {
    return [...this.starting];
  }

  /** What there is to choose from, by kind (names once the person allowed a device). */
  choices(kind: DeviceKind): DeviceChoice[] {
    return this.devices.filter((d) => d.kind === kind);
  }

  /** The device in use, or the one chosen for next time. */
  active(kind: DeviceKind): string | undefined {
    const stream = kind === 'videoinput' ? this.cameraStream : this.microphoneStream;
    const inUse = kind === 'audiooutput' ? undefined : stream?.getTracks()[0]?.getSettings();
    return inUse?.deviceId ?? chosenDevices()[kind];
  }

  /** Whether a test sound can be sent to a chosen speaker, or only to the default one. */
  get speakerChoice(): boolean {
    return speakerChoiceSupported();
  }

  /** Starts the microphone and its level; call it from a tap (the browser may ask first). */
  async startMicrophone(): Promise<void> {
    const stream = await this.start('microphone');
    if (stream) this.listen(stream);
  }

  /** Shows the camera's picture (to the person only); call it from a tap. */
  async startCamera(): Promise<void> {
    await this.start('camera');
  }

  stopCamera(): void {
    this.cameraStream?.getTracks().forEach((t) => t.stop());
    this.cameraStream = undefined;
    this.emit('change', undefined);
  }

  /** Uses another device now, and keeps the choice for the call and for next time. */
  async choose(kind: DeviceKind, id: string): Promise<void> {
    rememberDevice(kind, id);
    if (kind === 'audioinput' && this.microphoneStream) await this.startMicrophone();
    else if (kind === 'videoinput' && this.cameraStream) await this.startCamera();
    else this.emit('change', undefined);
  }

  /** A short chime on the chosen speaker (or the default one), so the person knows they hear. */
  async playTestSound(): Promise<void> {
    const context = this.context();
    const speaker = chosenDevices().audiooutput;
    if (speaker && context.setSinkId) await context.setSinkId(speaker).catch(() => {});
    await context.resume();
    chime(context, [
      [0, 660],
      [0.18, 880],
    ]);
  }

  /** Closes every device and the sound: nothing of the check stays open once it is left. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.levelTimer);
    this.levelTimer = undefined;
    this.microphoneStream?.getTracks().forEach((t) => t.stop());
    this.cameraStream?.getTracks().forEach((t) => t.stop());
    this.microphoneStream = this.cameraStream = undefined;
    this.analyser = undefined;
    void this.audio?.close().catch(() => {});
    this.audio = undefined;
    this.level = 0;
  }

  /**
   * Opens the chosen microphone or camera in place of the one open (closed once the new one
   * is there), and lists the devices again: their names come with the first permission.
   */
  private async start(device: Device): Promise<MediaStream | undefined> {
    const kind = device === 'camera' ? 'videoinput' : 'audioinput';
    const wanted = constraint(chosenDevices()[kind], this.listed(kind));
    const stream = await this.open(
      device,
      device === 'camera' ? { video: wanted } : { audio: wanted },
    );
    if (!stream) return undefined;
    const before = device === 'camera' ? this.cameraStream : this.microphoneStream;
    before?.getTracks().forEach((t) => t.stop());
    if (device === 'camera') this.cameraStream = stream;
    else this.microphoneStream = stream;
    await this.refreshChoices();
    return stream;
  }

  private async open(
    device: Device,
    constraints: MediaStreamConstraints,
  ): Promise<MediaStream | undefined> {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.problems.set(device, 'unsupported');
      this.emit('change', undefined);
      return undefined;
    }
    this.starting.add(device);
    this.emit('change', undefined);
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      if (this.stopped) {
        // Left while the browser was asking: close what it gave.
        stream.getTracks().forEach((t) => t.stop());
        return undefined;
      }
      this.problems.delete(device);
      return stream;
    } catch (error) {
      this.problems.set(device, deviceProblem(error, device));
      return undefined;
    } finally {
      this.starting.delete(device);
      this.emit('change', undefined);
    }
  }

  private context(): SinkableContext {
    this.audio ??= new AudioContext();
    return this.audio;
  }

  /** Follows the microphone's loudness (root mean square of its samples, scaled for speech). */
  private listen(stream: MediaStream): void {
    const context = this.context();
    void context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    this.analyser = analyser;
    const samples = new Float32Array(analyser.fftSize);
    clearInterval(this.levelTimer);
    this.levelTimer = setInterval(() => {
      if (this.analyser !== analyser) return;
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      const level = Math.min(1, Math.sqrt(sum / samples.length) * 4);
      const rounded = Math.round(level * 20) / 20;
      if (rounded === this.level) return;
      this.level = rounded;
      this.emit('change', undefined);
    }, LEVEL_EVERY_MS);
  }

  /** The ids of the devices of a kind the person can see listed now. */
  private listed(kind: DeviceKind): Set<string> {
    return new Set(this.choices(kind).map((d) => d.id));
  }

  private async refreshChoices(): Promise<void> {
    this.devices = await listDevices();
    this.emit('change', undefined);
  }
}

/**
 * The device chosen: `exact` when it is one the person picked from the list now, `ideal` when
 * it was kept from last time, so that a device since unplugged falls back to the default one
 * instead of failing.
 */
function constraint(id: string | undefined, listed: Set<string>): MediaTrackConstraints | true {
  if (!id) return true;
  return { deviceId: listed.has(id) ? { exact: id } : { ideal: id } };
}
