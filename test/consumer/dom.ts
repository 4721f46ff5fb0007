// Plain DOM against the published types: tag names and events are typed without any cast.
import type { ExpertCall } from 'expert-call';
import 'expert-call/console';

const call = document.createElement('expert-call');
const isLauncher: ExpertCall = call;
call.hub = 'https://experts.example';
call.context = { product: { name: 'Lumen E-City 500' } };
call.addEventListener('ec-state', (event) => event.detail.state.kind);
call.addEventListener('ec-error', (event) => event.detail.reason satisfies string);
document.addEventListener('ec-open', (event) => event.detail satisfies null);
// A product card's actions: the page's cart gets the product, typed.
document.addEventListener('ec-add-to-cart', (event) => {
  const { product, conversationId } = event.detail;
  const line: [string, string, number | undefined, string] = [
    product.id,
    product.name,
    product.price?.amount,
    conversationId,
  ];
  void line;
});
document.addEventListener('ec-reserve', (event) => event.detail.product.availability?.store);
window.ExpertCall?.('on', 'add-to-cart', (detail) => detail.product.name satisfies string);
document.querySelector('expert-console')?.addEventListener('ec-desk-state', (event) => {
  void event.detail.state.kind;
});
window.ExpertCall?.('setContext', { pageTitle: 'Lumen' });
void isLauncher;
