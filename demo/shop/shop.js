// The shop's own page script: a stand-in cart, the colour picker's caption, and a second way
// into the expert call. Loaded as a file (no inline script) so the page runs under
// `script-src 'self'`.

const CART_KEY = 'lumen-demo:cart';
const cartCount = document.getElementById('cart-count');
const cartStatus = document.getElementById('cart-status');

// A framed page may be refused storage (a third-party frame): the cart then lasts the page.
let cartInPage = 0;
function cart() {
  try {
    return Number(sessionStorage.getItem(CART_KEY) ?? '0');
  } catch {
    return cartInPage;
  }
}

function showCart() {
  if (cartCount) cartCount.textContent = String(cart());
}
showCart();

function addToCart(name) {
  cartInPage = cart() + 1;
  try {
    sessionStorage.setItem(CART_KEY, String(cartInPage));
  } catch {
    // kept in the page only
  }
  showCart();
  if (cartStatus)
    cartStatus.textContent = `${name} : ajouté au panier (démo : aucune commande réelle).`;
}

document.getElementById('add-to-cart')?.addEventListener('click', () => addToCart('Lumen E3'));

// Product cards the expert shows in the conversation: the widget tells the page, which owns
// the cart and the reservations.
document.addEventListener('ec-add-to-cart', (event) => addToCart(event.detail.product.name));
document.addEventListener('ec-reserve', (event) => {
  const { product } = event.detail;
  const store = product.availability?.store ?? 'votre magasin';
  if (cartStatus) {
    cartStatus.textContent = `${product.name} : réservé au magasin ${store}, à retirer sous 48 h (démo).`;
  }
});

const colorName = document.getElementById('color-name');
for (const input of document.querySelectorAll('input[name="color"]')) {
  input.addEventListener('change', () => {
    if (colorName && input instanceof HTMLInputElement) colorName.textContent = input.value;
  });
}

// The link to the expert only shows once the widget has loaded: no button that does nothing.
const expert = document.querySelector('expert-call');
const askBlock = document.getElementById('ask-block');
if (expert && askBlock) {
  customElements.whenDefined('expert-call').then(() => {
    askBlock.hidden = false;
    document.getElementById('ask-expert')?.addEventListener('click', () => {
      expert.open().catch(() => {}); // the widget shows its own error message
    });
  });
}
