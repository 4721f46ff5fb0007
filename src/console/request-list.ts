import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  countToDo,
  formatInstant,
  formatSpan,
  inHandlingOrder,
  isOverdue,
  reachOf,
  webHref,
} from '../core/requests-to-handle.js';
import type { OfflineKind, OfflineRequest } from '../protocol/index.js';
import { controls } from '../ui/tokens.js';
import { requestListStyles } from './request-list.styles.js';

/** The words the list shows, given by the element that uses it (in its language). */
export interface RequestWords {
  title: string;
  /** Said after the count in the heading, for screen readers: "3 to do". */
  toDo: string;
  empty: string;
  kinds: Record<OfflineKind, string>;
  anonymous: string;
  /** Label of the callback window or the appointment slot. */
  when: Record<'callback' | 'appointment', string>;
  /** The window or the slot is over and the request is still to do. */
  overdue: Record<'callback' | 'appointment', string>;
  phone: string;
  contact: string;
  page: string;
  product: string;
  received: (at: string) => string;
  markDone: string;
  marking: string;
  done: string;
  cancelled: string;
}

export interface RequestDoneDetail {
  id: string;
}

/**
 * The shop's requests left while nobody could answer (messages, callback requests, video
 * appointments): what each is, who, how to reach them, when, what they wrote and from which
 * page. The ones to do come first, the one waiting longest at the top; handled ones follow,
 * muted. What the shopper typed is shown as text, and only values shaped like a phone number,
 * an email address or an http(s) URL become links.
 *
 * @summary The requests an expert has to handle.
 *
 * @event ec-request-done - the expert marked a request done; `detail` is `{ id }`.
 */
@customElement('ec-request-list')
export class RequestList extends LitElement {
  static override styles = [controls, requestListStyles];

  /** The requests as the hub listed them, in any order. */
  @property({ attribute: false }) accessor requests: readonly OfflineRequest[] = [];
  @property({ attribute: false }) accessor words!: RequestWords;
  /** Ids marked done that the hub has not confirmed yet: their button waits. */
  @property({ attribute: false }) accessor marking: ReadonlySet<string> = new Set();
  /** BCP 47 locale of the dates shown (`fr`, `en-GB`). */
  @property() override accessor lang = 'en';

  /** The request just marked done: once it leaves the ones to do, focus moves on. */
  private focusAfter: { id: string; index: number } | undefined;

  override render() {
    const w = this.words;
    const toDo = countToDo(this.requests);
    const ordered = inHandlingOrder(this.requests);
    const now = Date.now();
    return html`<section aria-labelledby="requests-title">
      <h3 id="requests-title" tabindex="-1">
        ${w.title}
        <span class="count" data-count=${toDo}
          >${toDo}<span class="visually-hidden"> ${w.toDo}</span></span
        >
      </h3>
      ${toDo === 0 ? html`<p class="empty" role="status">${w.empty}</p>` : nothing}
      ${
        ordered.length
          ? html`<ul>
              ${repeat(
                ordered,
                (r) => r.id,
                (r) => this.renderRequest(r, now),
              )}
            </ul>`
          : nothing
      }
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const after = this.focusAfter;
    if (!changed.has('requests') || !after) return;
    if (this.requests.some((r) => r.id === after.id && r.status === 'to-do')) return;
    this.focusAfter = undefined;
    // The button pressed is gone: go on to the next one to do, or to the heading.
    const rest = this.renderRoot.querySelectorAll<HTMLElement>('li[data-status="to-do"]');
    const next = rest[Math.min(after.index, rest.length - 1)];
    (next ?? this.renderRoot.querySelector<HTMLElement>('h3'))?.focus();
  }

  private renderRequest(r: OfflineRequest, now: number) {
    const w = this.words;
    const late = isOverdue(r, now);
    return html`<li
      class=${late ? 'overdue' : ''}
      tabindex="-1"
      data-request=${r.id}
      data-kind=${r.kind}
      data-status=${r.status}
    >
      <div>
        <p class="what">
          <span class="kind">${w.kinds[r.kind]}</span>
          <span class="who" data-field="name">${r.name ?? w.anonymous}</span>
          <span class="meta">${this.about(r)}</span>
        </p>
        <dl>${this.renderWhen(r, late)} ${this.renderReach(r)} ${this.renderContext(r)}</dl>
        ${r.text ? html`<p class="text" data-field="text">${r.text}</p>` : nothing}
      </div>
      <div class="action">${this.renderAction(r)}</div>
    </li>`;
  }

  /** Topic, the shopper's language when it is not the expert's, and when it came in. */
  private about(r: OfflineRequest): string {
    const parts: string[] = [];
    if (r.topic) parts.push(r.topic);
    if (r.lang !== this.locale.split('-')[0]) parts.push(this.languageName(r.lang));
    parts.push(this.words.received(formatInstant(r.createdAt, this.locale)));
    return parts.join(' · ');
  }

  private renderWhen(r: OfflineRequest, late: boolean) {
    if (r.kind === 'message' || r.from === null) return nothing;
    const w = this.words;
    return html`<dt>${w.when[r.kind]}</dt>
      <dd data-field="when">
        <time datetime=${new Date(r.from).toISOString()}>${formatSpan(r, this.locale)}</time>
        ${late ? html`<span class="late">${w.overdue[r.kind]}</span>` : nothing}
      </dd>`;
  }

  private renderReach(r: OfflineRequest) {
    const reach = reachOf(r);
    if (!reach) return nothing;
    return html`<dt>${r.kind === 'callback' ? this.words.phone : this.words.contact}</dt>
      <dd data-field="contact">
        ${reach.href ? html`<a href=${reach.href}>${reach.text}</a>` : reach.text}
      </dd>`;
  }

  /** The page and the product the shopper was on, links only to http(s) addresses. */
  private renderContext(r: OfflineRequest) {
    const w = this.words;
    const { pageUrl, pageTitle, product } = r.context;
    const page = webHref(pageUrl);
    const productPage = webHref(product?.url);
    return html`${
      pageUrl || pageTitle
        ? html`<dt>${w.page}</dt>
            <dd data-field="page">${this.link(page, pageTitle || pageUrl)}</dd>`
        : nothing
    }
    ${
      product?.name
        ? html`<dt>${w.product}</dt>
            <dd data-field="product">
              ${this.link(productPage, product.name)}${
                product.price ? html` — ${product.price}` : nothing
              }
            </dd>`
        : nothing
    }`;
  }

  private link(href: string | undefined, text: string | undefined) {
    return href
      ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${text || href}</a>`
      : text;
  }

  private renderAction(r: OfflineRequest) {
    const w = this.words;
    if (r.status === 'done') return html`<span class="handled">${w.done}</span>`;
    if (r.status === 'cancelled') return html`<span class="handled">${w.cancelled}</span>`;
    const marking = this.marking.has(r.id);
    return html`<button
      class="secondary"
      data-action="request-done"
      aria-disabled=${marking ? 'true' : 'false'}
      @click=${() => this.markDone(r.id)}
    >
      ${marking ? w.marking : w.markDone}
    </button>`;
  }

  private markDone(id: string): void {
    if (this.marking.has(id)) return;
    const index = inHandlingOrder(this.requests)
      .filter((r) => r.status === 'to-do')
      .findIndex((r) => r.id === id);
    this.focusAfter = { id, index: Math.max(0, index) };
    this.dispatchEvent(
      new CustomEvent<RequestDoneDetail>('ec-request-done', {
        detail: { id },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** `lang`, or English when it is not a locale the browser knows how to write. */
  private get locale(): string {
    try {
      return Intl.getCanonicalLocales(this.lang)[0] ?? 'en';
    } catch {
      return 'en';
    }
  }

  private languageName(lang: string): string {
    try {
      return new Intl.DisplayNames(this.locale, { type: 'language' }).of(lang) ?? lang;
    } catch {
      return lang;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-request-list': RequestList;
  }
  interface HTMLElementEventMap {
    'ec-request-done': CustomEvent<RequestDoneDetail>;
  }
}
