import type { ProductCard } from '../protocol/index.js';

/** A product's price as the person's language writes it: `1 899,00 €`, `€1,899.00`. */
export function priceText(price: NonNullable<ProductCard['price']>, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: price.currency }).format(
    price.amount,
  );
}
