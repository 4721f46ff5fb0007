/**
 * A ring that staff notice from another tab: a tone generated with WebAudio (no sound file to
 * download), the tab's title, and a system notification with the shopper's context while the
 * tab is hidden. One `RingAlert` per console; `start` on a ring, `stop` when it ends.
 */
import { chime } from '../core/chime.js';

export interface RingWords {
  /** The tab title while it rings ("Incoming video call"). */
  title: string;
  /** The notification's body: who and what. */
  body: string;
}

/** Two short rising tones, then a pause: a ring, not an alarm. */
const PATTERN_MS = 2_400;

export class RingAlert {
  private audio: AudioContext | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private titleTimer: ReturnType<typeof setInterval> | undefined;
  private notification: Notification | undefined;
  private pageTitle: string | undefined;
  /** How many tones were played since the console started (read by tests and by nothing else). */
  tonesPlayed = 0;

  /**
   * Called from a click (sign-in, going available): browsers let a page make sound and ask for
   * notifications only after a gesture, so both are prepared then.
   */
  prepare(): void {
    try {
      this.audio ??= new AudioContext();
      void this.audio.resume();
    } catch {
      // No WebAudio: the title and the notification still tell.
    }
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
      void Notification.requestPermission().catch(() => {});
    }
  }

  get ringing(): boolean {
    return this.timer !== undefined;
  }

  start(words: RingWords, onClick: () => void): void {
    if (this.ringing) return;
    this.tone();
    this.timer = setInterval(() => this.tone(), PATTERN_MS);
    this.pageTitle = document.title;
    let on = false;
    const flip = () => {
      on = !on;
      document.title = on ? `🔔 ${words.title}` : `${words.title} – ${this.pageTitle}`;
    };
    flip();
    this.titleTimer = setInterval(flip, 1_000);
    if (
      document.visibilityState === 'hidden' &&
      typeof Notification !== 'undefined' &&
      Notification.permission === 'granted'
    ) {
      try {
        this.notification = new Notification(words.title, {
          body: words.body,
          tag: 'expert-call-ring',
          requireInteraction: true,
        });
        this.notification.onclick = () => {
          window.focus();
          onClick();
          this.notification?.close();
        };
      } catch {
        // Some browsers allow notifications only from a service worker: the title still tells.
      }
    }
  }

  stop(): void {
    if (!this.ringing) return;
    clearInterval(this.timer);
    clearInterval(this.titleTimer);
    this.timer = undefined;
    this.titleTimer = undefined;
    if (this.pageTitle !== undefined) document.title = this.pageTitle;
    this.pageTitle = undefined;
    this.notification?.close();
    this.notification = undefined;
  }

  dispose(): void {
    this.stop();
    void this.audio?.close().catch(() => {});
    this.audio = undefined;
  }

  private tone(): void {
    const audio = this.audio;
    if (!audio || audio.state !== 'running') return;
    chime(audio, [
      [0, 660],
      [0.35, 880],
    ]);
    this.tonesPlayed++;
  }
}
