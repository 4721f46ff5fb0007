import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import type { Track } from 'livekit-client';
import './audio-sink.js';
import './video-tile.js';

/**
 * The picture of a call: the other side large (or a placeholder), one's own camera small in a
 * corner when it is on, and the other side's audio playing.
 *
 * @cssprop [--ec-stage-ratio=16 / 10] - aspect ratio of the stage.
 * @cssprop [--ec-self-width=26%] - width of one's own view.
 */
@customElement('ec-call-stage')
export class CallStage extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      aspect-ratio: var(--ec-stage-ratio, 16 / 10);
      max-height: 60vh;
      border-radius: 10px;
      overflow: hidden;
    }
    .remote {
      position: absolute;
      inset: 0;
    }
    .self {
      position: absolute;
      right: 10px;
      bottom: 10px;
      width: var(--ec-self-width, 26%);
      aspect-ratio: 3 / 4;
      border: 2px solid #fff;
      border-radius: 8px;
    }
  `;

  /** The other side's camera, if shared. */
  @property({ attribute: false }) accessor remoteVideo: Track | undefined;
  /** One's own camera, if on. */
  @property({ attribute: false }) accessor localVideo: Track | undefined;
  @property({ attribute: false }) accessor remoteAudio: Track[] = [];
  /** Shown in place of the other side's video when there is none. */
  @property() accessor placeholder = '';

  override render() {
    return html`
      <ec-video-tile
        class="remote"
        .track=${this.remoteVideo}
        placeholder=${this.placeholder}
      ></ec-video-tile>
      ${
        this.localVideo
          ? html`<ec-video-tile class="self" mirrored .track=${this.localVideo}></ec-video-tile>`
          : nothing
      }
      <ec-audio-sink .tracks=${this.remoteAudio}></ec-audio-sink>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-call-stage': CallStage;
  }
}
