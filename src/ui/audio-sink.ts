import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import type { Track } from 'livekit-client';

/** Plays the other side's audio tracks; shows nothing. */
@customElement('ec-audio-sink')
export class AudioSink extends LitElement {
  @property({ attribute: false }) accessor tracks: Track[] = [];

  private attached = new Map<Track, HTMLMediaElement>();

  protected override createRenderRoot() {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('tracks')) return;
    for (const [track, element] of this.attached) {
      if (this.tracks.includes(track)) continue;
      track.detach(element);
      element.remove();
      this.attached.delete(track);
    }
    for (const track of this.tracks) {
      if (this.attached.has(track)) continue;
      const element = track.attach();
      this.append(element);
      this.attached.set(track, element);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const [track, element] of this.attached) track.detach(element);
    this.attached.clear();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-audio-sink': AudioSink;
  }
}
