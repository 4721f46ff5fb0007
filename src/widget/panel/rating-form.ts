import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../core/custom-element.js';
import type { RatingState } from '../../core/conversation-state.js';
import type { PanelText } from '../../i18n/panel.js';
import { MAX_RATING_COMMENT } from '../../protocol/index.js';
import { controls } from '../../ui/tokens.js';
import { ratingFormStyles } from './rating-form.styles.js';

/** What the shopper chose: 1 to 5 stars and what they wrote (maybe nothing). */
export interface RatingChoice {
  stars: number;
  comment: string;
}

/**
 * The end screen's rating of a conversation an expert had: five radio buttons in one group
 * (arrow keys move between them, each named "n stars out of 5"), an optional comment, a send
 * button, then thanks. Nothing is required: the shopper may close the panel instead.
 *
 * @event ec-rate - the shopper sends their rating; `detail` is a {@link RatingChoice}.
 */
@customElement('ec-rating')
export class RatingForm extends LitElement {
  static override styles = [controls, ratingFormStyles];

  @property({ attribute: false }) accessor words!: PanelText['rating'];
  /** Who the shopper talked to, named in the question. */
  @property({ attribute: 'expert-name' }) accessor expertName = '';
  @property() accessor status: RatingState['status'] = 'open';

  @state() private accessor stars = 0;
  @state() private accessor comment = '';

  override render() {
    const t = this.words;
    if (this.status === 'sent') {
      return html`<p class="thanks" role="status">${t.thanks}</p>`;
    }
    const sending = this.status === 'sending';
    return html`
      <form @submit=${this.send}>
        <fieldset>
          <legend>${t.title(this.expertName)}</legend>
          <div class="stars">
            ${[1, 2, 3, 4, 5].map(
              (n) => html`
                <label class=${n <= this.stars ? 'star lit' : 'star'}>
                  <input
                    type="radio"
                    name="stars"
                    .value=${String(n)}
                    .checked=${this.stars === n}
                    aria-label=${t.stars(n)}
                    @change=${() => (this.stars = n)}
                  />
                  <span aria-hidden="true">★</span>
                  <span class="number" aria-hidden="true">${n}</span>
                </label>
              `,
            )}
          </div>
          <div class="scale" aria-hidden="true"><span>${t.low}</span><span>${t.high}</span></div>
        </fieldset>
        <label class="comment">
          ${t.comment}
          <textarea
            rows="2"
            maxlength=${MAX_RATING_COMMENT}
            .value=${this.comment}
            @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </label>
        ${this.status === 'failed' ? html`<p class="problem" role="alert">${t.failed}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.stars === 0 || sending}>
          ${sending ? t.sending : t.send}
        </button>
      </form>
    `;
  }

  private send = (event: Event) => {
    event.preventDefault();
    if (this.stars === 0 || this.status === 'sending') return;
    this.dispatchEvent(
      new CustomEvent<RatingChoice>('ec-rate', {
        detail: { stars: this.stars, comment: this.comment },
        bubbles: true,
        composed: true,
      }),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-rating': RatingForm;
  }
}
