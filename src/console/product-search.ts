import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { customElement } from '../core/custom-element.js';
import type { ProductSearch } from '../core/expert-desk.js';
import type { ProductCard } from '../protocol/index.js';
import { priceText } from '../ui/price.js';
import { controls, tokens } from '../ui/tokens.js';
import type { ProductSearchWords } from '../i18n/words.js';

export type { ProductSearchWords } from '../i18n/words.js';

/** `ec-product-show`: the expert chose a found product to show the shopper. */
export interface ProductShowDetail {
  product: ProductCard;
}

/**
 * The shop's catalogue, searched from a conversation: a box, what the hub found (picture,
 * name, price, stock), and for each a button that shows it to the shopper as a card. The
 * console asks and answers (ExpertDesk.findProducts, showProduct); this only shows.
 *
 * @event ec-product-search - `detail: { query }`: the expert searched.
 * @event ec-product-show - `detail: ProductShowDetail`: the expert chose a product to show.
 */
@customElement('ec-product-search')
export class ProductSearchView extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 8px;
      }
      form {
        display: flex;
        gap: 8px;
      }
      input {
        flex: 1;
        min-width: 0;
        font: inherit;
        min-height: 44px;
        padding: 0 12px;
        border-radius: 10px;
        border: 1px solid var(--_line-strong);
      }
      p {
        margin: 8px 0 0;
        color: var(--_muted);
        font-size: 0.9rem;
      }
      ul {
        list-style: none;
        margin: 8px 0 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      li {
        display: grid;
        grid-template-columns: 56px minmax(0, 1fr);
        gap: 4px 10px;
        align-items: center;
      }
      img,
      .no-image {
        width: 56px;
        height: 56px;
        object-fit: cover;
        border-radius: 8px;
        background: var(--_bubble);
        grid-row: span 2;
      }
      .about {
        display: flex;
        flex-direction: column;
        min-width: 0;
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .detail {
        font-size: 0.85rem;
        color: var(--_muted);
      }
      li button {
        justify-self: start;
      }
    `,
  ];

  @property({ attribute: false }) accessor search: ProductSearch | undefined;
  @property({ attribute: false }) accessor words!: ProductSearchWords;
  @property() override accessor lang = 'en';

  override render() {
    const w = this.words;
    const search = this.search;
    return html`<h3 id="products-title">${w.title}</h3>
      <form role="search" aria-labelledby="products-title" @submit=${this.submit}>
        <input
          type="search"
          name="query"
          aria-label=${w.label}
          placeholder=${w.placeholder}
          maxlength="100"
          autocomplete="off"
          .value=${search?.query ?? ''}
        />
        <button type="submit" class="secondary">${w.find}</button>
      </form>
      <div role="status">
        ${
          !search
            ? nothing
            : !search.products
              ? html`<p>${w.searching}</p>`
              : search.catalogue === false
                ? html`<p>${w.noCatalogue}</p>`
                : search.products.length === 0
                  ? html`<p>${w.none(search.query)}</p>`
                  : nothing
        }
      </div>
      ${
        search?.products?.length
          ? html`<ul>
              ${search.products.map((product) => this.renderProduct(product))}
            </ul>`
          : nothing
      }`;
  }

  /** What was found comes into view: in a call, the search sits below the picture. */
  protected override updated(changed: PropertyValues<this>): void {
    const before = changed.get('search') as ProductSearch | undefined;
    if (changed.has('search') && this.search?.products && !before?.products) {
      const shown = this.renderRoot.querySelector('ul') ?? this.renderRoot.querySelector('p');
      shown?.scrollIntoView({ block: 'nearest' });
    }
  }

  private renderProduct(product: ProductCard) {
    const w = this.words;
    const stock = product.availability;
    const detail = [
      product.price ? priceText(product.price, this.lang) : '',
      stock ? (stock.inStock ? w.inStock(stock.store) : w.outOfStock(stock.store)) : '',
    ].filter(Boolean);
    return html`<li data-product=${product.id}>
      ${
        product.image
          ? html`<img src=${product.image} alt="" loading="lazy" referrerpolicy="no-referrer" />`
          : html`<span class="no-image"></span>`
      }
      <span class="about">
        <span class="name">${product.name}</span>
        ${detail.length ? html`<span class="detail">${detail.join(' · ')}</span>` : nothing}
      </span>
      <button
        type="button"
        class="primary"
        data-action="show-product"
        aria-label=${w.showLabel(product.name)}
        @click=${() => this.fire('ec-product-show', { product })}
      >
        ${w.show}
      </button>
    </li>`;
  }

  private submit = (event: SubmitEvent) => {
    event.preventDefault();
    const query = new FormData(event.target as HTMLFormElement).get('query');
    if (typeof query === 'string' && query.trim()) this.fire('ec-product-search', { query });
  };

  private fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ec-product-search': ProductSearchView;
  }
}
