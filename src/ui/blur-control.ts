import { html, nothing } from 'lit';
import { blurSupported, type MediaSession } from '../core/media-session.js';
import type { BlurWords } from '../i18n/words.js';
import { icon } from './icons.js';

/** The line under a call's picture while the blur starts, or once it could not. */
export function blurNotes(media: MediaSession, words: BlurWords) {
  if (media.blur === 'starting') {
    return html`<p class="starting" role="status" data-blur="starting">${words.starting}</p>`;
  }
  if (media.blur === 'failed') {
    return html`<p class="problem" role="alert" data-problem="blur">${words.failed}</p>`;
  }
  return nothing;
}

/**
 * The call control that blurs one's background or stops: there while one's camera is on,
 * absent where the browser cannot blur, or once blurring failed here.
 */
export function blurButton(media: MediaSession, words: BlurWords) {
  if (!media.cameraOn || media.blur === 'failed' || !blurSupported()) return nothing;
  const on = media.blur === 'on';
  return html`<button
    class="control"
    data-control="blur"
    aria-pressed=${on ? 'true' : 'false'}
    aria-busy=${media.blur === 'starting' ? 'true' : 'false'}
    ?disabled=${media.blur === 'starting'}
    @click=${() => void media.setBlur(!on)}
  >
    ${icon('blur')}
    <span>${words.button}</span>
  </button>`;
}
