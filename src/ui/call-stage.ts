import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import type { Track } from 'livekit-client';
import type { MarkPoints } from '../protocol/index.js';
import './audio-sink.js';
import type { VideoTile } from './video-tile.js';
import './video-tile.js';

/**
 * The picture of a call: the other side as large as the stage allows, fitted whole (letterboxed,
 * never cropped: a product held at the edge stays in view), one's own camera small in a corner
 * when it is on, and the other side's audio playing.
 *
 * One's own view never covers the other side's picture: it sits in the corner over the
 * letterbox's bars when they are wide enough, and otherwise the stage makes room for it (a strip
 * at the bottom, or at the side when the stage is wide).
 *
 * @csspart remote - the other side's video tile.
 * @csspart self - one's own video tile.
 * @cssprop [--ec-self-width=min(28%, 160px)] - width of one's own view.
 * @cssprop [--ec-stage-background=#0d1117] - colour of the letterbox's bars.
 */
@customElement('ec-call-stage')
export class CallStage extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template: 'remote' minmax(0, 1fr) / minmax(0, 1fr);
      position: relative;
      min-height: 0;
      background: var(--ec-stage-background, #0d1117);
      border-radius: 12px;
      overflow: hidden;
    }
    .remote {
      grid-area: remote;
      min-height: 0;
      background: transparent;
    }
    .remote::part(video) {
      object-fit: contain;
    }
    .self {
      position: absolute;
      right: 8px;
      bottom: 8px;
      width: var(--ec-self-width, min(28%, 160px));
      aspect-ratio: 4 / 3;
      border: 2px solid #fff;
      border-radius: 8px;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.4);
    }
    .self::part(video) {
      object-fit: cover;
    }
    /* No room in the bars: the stage gives one's own view a strip of its own. */
    :host([self-placement='below']) {
      grid-template:
        'remote' minmax(0, 1fr)
        'self' auto / minmax(0, 1fr);
    }
    :host([self-placement='beside']) {
      grid-template: 'remote self' minmax(0, 1fr) / minmax(0, 1fr) auto;
    }
    :host([self-placement='below']) .self,
    :host([self-placement='beside']) .self {
      position: static;
      grid-area: self;
      justify-self: end;
      align-self: end;
      margin: 8px;
    }
    :host([self-placement='beside']) .self {
      width: min(160px, 24vw);
    }
    :host([self-placement='below']) .self {
      width: auto;
      height: min(96px, 22vh);
    }
  `;

  /** The other side's camera, if shared. */
  @property({ attribute: false }) accessor remoteVideo: Track | undefined;
  /** One's own camera, if on. */
  @property({ attribute: false }) accessor localVideo: Track | undefined;
  @property({ attribute: false }) accessor remoteAudio: Track[] = [];
  /** Shown in place of the other side's video when there is none. */
  @property() accessor placeholder = '';
  /** One's own view as in a mirror (the front camera); false for a rear camera. */
  @property({ type: Boolean, attribute: false }) accessor selfMirrored = true;
  /** The expert's side: taps and strokes on the other side's picture become marks (`ec-mark`). */
  @property({ type: Boolean }) accessor markable = false;
  /** Said to screen readers for a mark on a picture. */
  @property({ attribute: false }) accessor markLabel = '';
  /** Where one's own view is: over the letterbox (`corner`), or in a strip of its own. */
  @property({ attribute: 'self-placement', reflect: true }) accessor selfPlacement:
    'corner' | 'below' | 'beside' = 'corner';

  @state() private accessor videoSize: { width: number; height: number } | undefined;

  private readonly resize = new ResizeObserver(() => this.place());

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  override render() {
    return html`
      <ec-video-tile
        class="remote"
        part="remote"
        .track=${this.remoteVideo}
        placeholder=${this.placeholder}
        ?markable=${this.markable}
        .markLabel=${this.markLabel}
      ></ec-video-tile>
      ${
        this.localVideo
          ? html`<ec-video-tile
              class="self"
              part="self"
              ?mirrored=${this.selfMirrored}
              .track=${this.localVideo}
              .markLabel=${this.markLabel}
            ></ec-video-tile>`
          : nothing
      }
      <ec-audio-sink .tracks=${this.remoteAudio}></ec-audio-sink>
    `;
  }

  /** The other side marked `points` of one's own camera picture: shown over one's own view. */
  markSelf(points: MarkPoints): void {
    this.renderRoot.querySelector<VideoTile>('.self')?.showMark(points);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('localVideo') || changed.has('remoteVideo') || changed.has('videoSize')) {
      this.place();
    }
  }

  /** The video element fires `resize` (not bubbling) in the tile's shadow root: listen there. */
  protected override firstUpdated(): void {
    const tile = this.renderRoot.querySelector('.remote');
    const listen = () => {
      const video = tile?.shadowRoot?.querySelector('video');
      if (!video) return;
      video.addEventListener('resize', this.onVideoResize);
      video.addEventListener('loadedmetadata', this.onVideoResize);
    };
    void (tile as LitElement | null)?.updateComplete.then(listen);
  }

  private onVideoResize = (event: Event) => {
    const video = event.target as HTMLVideoElement;
    if (video.videoWidth && video.videoHeight) {
      this.videoSize = { width: video.videoWidth, height: video.videoHeight };
    }
  };

  /**
   * Puts one's own view where it covers nothing of the other side's picture: the letterboxed
   * picture's rectangle is worked out from the stage's size and the video's, and the corner
   * tile stays there only if it fits in a bar.
   */
  private place(): void {
    if (!this.localVideo) {
      this.selfPlacement = 'corner';
      return;
    }
    const { width, height } = this.getBoundingClientRect();
    if (!width || !height) return;
    const selfWidth = Math.min(width * 0.28, 160);
    const selfHeight = (selfWidth * 3) / 4;
    const margin = 8;
    if (!this.remoteVideo || !this.videoSize) {
      // A placeholder (centred text) or no picture yet: the corner covers nothing that matters.
      this.selfPlacement = 'corner';
      return;
    }
    const scale = Math.min(width / this.videoSize.width, height / this.videoSize.height);
    const barY = (height - this.videoSize.height * scale) / 2;
    const barX = (width - this.videoSize.width * scale) / 2;
    const fits = barY >= selfHeight + margin * 2 || barX >= selfWidth + margin * 2;
    this.selfPlacement = fits ? 'corner' : width > height ? 'beside' : 'below';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-call-stage': CallStage;
  }
}
