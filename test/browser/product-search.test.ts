/**
 * `<ec-product-search>` and a product card in `<ec-chat>`, in a real Chromium: what the console
 * says while searching, when nothing is found and when the shop has no catalogue; the found
 * products with their price in the console's language; what the buttons ask for; and the card
 * the shopper sees, its buttons only on the shopper's side, markup in a name kept as text.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/console/product-search.js';
import '../../src/ui/chat-view.js';
import type { ProductSearchView } from '../../src/console/product-search.js';
import type { ChatView, ProductActionDetail } from '../../src/ui/chat-view.js';
import type { ChatEntry } from '../../src/core/chat-log.js';
import { consoleText } from '../../src/i18n/console.js';
import { loadPanelText } from '../../src/i18n/panel.js';
import type { ProductCard } from '../../src/protocol/index.js';

const CARGO: ProductCard = {
  id: 'cargo',
  name: 'Cargo <b>E5</b>',
  url: '/bikes/cargo',
  image: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E',
  price: { amount: 3290, currency: 'EUR' },
  availability: { store: 'Lyon', inStock: true },
};
const BATTERY: ProductCard = {
  id: 'battery',
  name: 'Battery',
  availability: { store: 'Lyon', inStock: false },
};

async function search(state: ProductSearchView['search']): Promise<ProductSearchView> {
  const view = document.createElement('ec-product-search');
  view.words = consoleText.fr.products;
  view.lang = 'fr';
  view.search = state;
  document.body.append(view);
  await view.updateComplete;
  return view;
}

const text = (node: Element) => (node.shadowRoot ?? node).textContent!.replace(/\s+/g, ' ').trim();

describe('the console’s product search', () => {
  afterEach(() => document.body.replaceChildren());

  it('says it is searching, then that nothing was found, or that the shop has no catalogue', async () => {
    expect(text(await search({ query: 'velo' }))).to.contain('Recherche…');
    expect(text(await search({ query: 'velo', products: [], catalogue: true }))).to.contain(
      'Rien dans le catalogue pour « velo ».',
    );
    expect(text(await search({ query: 'velo', products: [], catalogue: false }))).to.contain(
      'Ce magasin n’a pas de catalogue configuré pour les experts.',
    );
  });

  it('lists what was found with price and stock, and asks to search and to show', async () => {
    const view = await search({ query: 'e5', products: [CARGO, BATTERY], catalogue: true });
    const rows = [...view.shadowRoot!.querySelectorAll('li')];
    expect(rows.map((row) => row.dataset['product'])).to.deep.equal(['cargo', 'battery']);
    expect(text(rows[0]!).replace(/\u202f/g, ' ')).to.contain('3 290,00 € · en stock à Lyon');
    expect(text(rows[1]!)).to.contain('épuisé à Lyon');
    expect(rows[0]!.querySelector('.name')!.textContent).to.equal('Cargo <b>E5</b>');

    const shown: ProductCard[] = [];
    view.addEventListener('ec-product-show', (e) =>
      shown.push((e as CustomEvent<{ product: ProductCard }>).detail.product),
    );
    const button = rows[0]!.querySelector<HTMLButtonElement>('[data-action="show-product"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Montrer Cargo <b>E5</b> au client');
    button.click();
    expect(shown).to.deep.equal([CARGO]);

    const queries: string[] = [];
    view.addEventListener('ec-product-search', (e) =>
      queries.push((e as CustomEvent<{ query: string }>).detail.query),
    );
    const input = view.shadowRoot!.querySelector('input')!;
    input.value = 'casque';
    view.shadowRoot!.querySelector('form')!.requestSubmit();
    input.value = '   ';
    view.shadowRoot!.querySelector('form')!.requestSubmit();
    expect(queries).to.deep.equal(['casque'], 'an empty search asks nothing');
  });
});

describe('a product card in the chat', () => {
  afterEach(() => document.body.replaceChildren());

  const entry = (product: ProductCard): ChatEntry => ({
    key: 'seq-4',
    seq: 4,
    clientId: 'card-1',
    author: 'expert',
    authorName: 'Camille',
    text: product.name,
    product,
    at: Date.now(),
    mine: false,
    delivery: 'sent',
  });

  async function chat(product: ProductCard, actions: boolean): Promise<ChatView> {
    const view = document.createElement('ec-chat');
    view.words = (await loadPanelText('fr')).chat;
    view.lang = 'fr';
    view.entries = [entry(product)];
    view.productActions = actions;
    document.body.append(view);
    await view.updateComplete;
    return view;
  }

  it('shows the product, and on the shopper’s side what to do with it', async () => {
    const view = await chat(CARGO, true);
    const card = view.shadowRoot!.querySelector('li.card')!;
    expect(card.querySelector('.name')!.textContent).to.equal('Cargo <b>E5</b>');
    expect(card.querySelectorAll('b')).to.have.length(0, 'a name is text, never markup');
    expect(card.querySelector('.stock')!.textContent).to.equal('En stock à Lyon');
    expect(card.querySelector('a[data-action="open"]')!.getAttribute('href')).to.equal(
      '/bikes/cargo',
    );

    const acted: string[] = [];
    view.addEventListener('ec-product-action', (e) =>
      acted.push((e as CustomEvent<ProductActionDetail>).detail.action),
    );
    const add = card.querySelector<HTMLButtonElement>('[data-action="add-to-cart"]')!;
    add.click();
    await view.updateComplete;
    expect(add.disabled).to.equal(true);
    expect(add.textContent!.trim()).to.equal('Ajouté à votre panier');
    card.querySelector<HTMLButtonElement>('[data-action="reserve"]')!.click();
    expect(acted).to.deep.equal(['add-to-cart', 'reserve']);
  });

  it('offers no reserving when the store has none, and no buttons on the expert’s side', async () => {
    const shopper = await chat(BATTERY, true);
    expect(shopper.shadowRoot!.querySelector('[data-action="reserve"]')).to.equal(null);
    expect(shopper.shadowRoot!.querySelector('[data-action="add-to-cart"]')).to.not.equal(null);
    document.body.replaceChildren();
    const expert = await chat(CARGO, false);
    expect(expert.shadowRoot!.querySelector('.actions')).to.equal(null);
  });
});
