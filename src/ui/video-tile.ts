import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import type { Track } from 'livekit-client';

/**
 * One video: a LiveKit track attached to a `<video>`, or a placeholder text when there is none.
 *
 * @csspart video - the video element
 */
@customElement('ec-video-tile')
export class VideoTile extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      background: #111;
      color: #eee;
      overflow: hidden;
    }
    video {
      width: 100%;
      height: 100%;
      object-fit: cover;
      display: block;
    }
    /* One's own camera, as in a mirror: a class, never a style attribute (a strict CSP holds). */
    video.mirrored {
      transform: scaleX(-1);
    }
    video[hidden] {
      display: none;
    }
    .placeholder {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      text-align: center;
      padding: 1em;
    }
  `;

  /** The track shown, or undefined for the placeholder. */
  @property({ attribute: false }) accessor track: Track | undefined;
  /** Shown when there is no track. */
  @property() accessor placeholder = '';
  /** Mirror the picture (for one's own camera). */
  @property({ type: Boolean }) accessor mirrored = false;

  @query('video') private accessor video!: HTMLVideoElement;

  override render() {
    return html`<video
        part="video"
        playsinline
        autoplay
        muted
        ?hidden=${!this.track}
        class=${this.mirrored ? 'mirrored' : ''}
      ></video>
      ${this.track ? null : html`<div class="placeholder">${this.placeholder}</div>`}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('track')) return;
    const previous = changed.get('track');
    previous?.detach(this.video);
    this.track?.attach(this.video);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.track?.detach(this.video);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-video-tile': VideoTile;
  }
}
