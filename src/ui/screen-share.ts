import { html, nothing } from 'lit';
import { screenShareSupported } from '../core/media-session.js';
import type { ScreenWords } from '../i18n/words.js';
import { icon } from './icons.js';

/** The lines under a call's picture: one's screen is shared, or could not be. */
export function screenShareNotes(sharing: boolean, failed: boolean, words: ScreenWords) {
  return html`${
    sharing
      ? html`<p class="starting" role="status" data-sharing="screen">${words.sharing}</p>`
      : nothing
  }
  ${failed ? html`<p class="problem" role="alert" data-problem="screen">${words.failed}</p>` : nothing}`;
}

/** The call control that shares one's screen or stops; absent where the browser cannot. */
export function screenShareButton(sharing: boolean, words: ScreenWords, toggle: () => void) {
  if (!screenShareSupported()) return nothing;
  return html`<button
    class="control"
    data-control="share-screen"
    aria-pressed=${sharing ? 'true' : 'false'}
    @click=${toggle}
  >
    ${icon('screen')}
    <span>${sharing ? words.stop : words.share}</span>
  </button>`;
}
