/**
 * What to offer when the connection stays poor: first voice only (video is what a weak
 * connection cannot carry), then chat. Pure: fed quality readings with their time, it answers
 * with advice; the conversation shows the advice and the person decides.
 */

/** LiveKit's connection quality, as the media session reads it. */
export type Quality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

export type Advice = 'none' | 'voice' | 'chat';

/** How long a poor connection must last before something is offered. */
export const POOR_QUALITY_SUSTAINED_MS = 15_000;

export class FallbackPolicy {
  private poorSince: number | undefined;
  private current: Advice = 'none';

  constructor(private readonly sustainedMs = POOR_QUALITY_SUSTAINED_MS) {}

  get advice(): Advice {
    return this.current;
  }

  /**
   * One reading. Advice only escalates (none → voice → chat), each step after its own
   * sustained poor period; a good reading restarts the count but keeps what was offered.
   */
  observe(quality: Quality, now: number, media: 'video' | 'voice'): Advice {
    if (quality !== 'poor' && quality !== 'lost') {
      this.poorSince = undefined;
      return this.current;
    }
    this.poorSince ??= now;
    if (now - this.poorSince < this.sustainedMs) return this.current;
    this.poorSince = now;
    // Video steps down to voice first; voice, or a second step, goes to chat.
    this.current = this.current === 'none' && media === 'video' ? 'voice' : 'chat';
    return this.current;
  }

  /** The person said no, or took the advice: start over from a clean slate. */
  reset(): void {
    this.current = 'none';
    this.poorSince = undefined;
  }
}
