/**
 * The shop's catalogue, for the expert to find a product and show it: read from the JSON feed
 * the shop config names (`catalogue`: a file, or an http(s) URL read again every hour).
 *
 * The feed is `{ "products": [ProductCard, …] }` (protocol/messages.ts says what a product
 * holds). A product that does not check is left out and named in the log; a feed that cannot
 * be read at all leaves the experts without a catalogue (a file stops the hub at start, as a
 * bad config does; a URL is tried again at the next refresh).
 */
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { MAX_PRODUCTS_FOUND, ProductCard } from '../../protocol/index.js';

type Log = (event: string, fields?: Record<string, unknown>) => void;

/** Most products a feed may hold, and its largest size: a feed is read whole into memory. */
export const MAX_CATALOGUE_PRODUCTS = 50_000;
export const MAX_CATALOGUE_BYTES = 20 * 1024 * 1024;
/** How often a feed at a URL is read again. */
const REFRESH_MS = 60 * 60_000;
/** How long a feed at a URL may take to answer. */
const FETCH_TIMEOUT_MS = 15_000;

const Feed = v.object({
  products: v.pipe(v.array(v.unknown()), v.maxLength(MAX_CATALOGUE_PRODUCTS)),
});

export class CatalogueError extends Error {
  constructor(
    readonly source: string,
    why: string,
  ) {
    super(`The catalogue ${source} ${why}`);
    this.name = 'CatalogueError';
  }
}

/** Lower case, without accents: "Vélo" is found by "velo". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export class Catalogue {
  private products = new Map<string, { product: ProductCard; words: string }>();
  private timer: ReturnType<typeof setInterval> | undefined;

  private constructor(
    readonly source: string | null,
    private readonly log: Log,
  ) {}

  /** A catalogue with nothing in it: the shop names none. */
  static none(): Catalogue {
    return new Catalogue(null, () => {});
  }

  /**
   * Reads the feed at `source`. A file that cannot be read or parsed throws a CatalogueError;
   * a URL that does not answer leaves the catalogue empty until the next refresh.
   */
  static async open(source: string | null, log: Log = () => {}): Promise<Catalogue> {
    const catalogue = new Catalogue(source, log);
    if (!source) return catalogue;
    if (!/^https?:\/\//.test(source)) {
      catalogue.take(await readFile(source, 'utf8').catch(() => ''), true);
      return catalogue;
    }
    await catalogue.refresh();
    catalogue.timer = setInterval(() => void catalogue.refresh(), REFRESH_MS);
    catalogue.timer.unref();
    return catalogue;
  }

  /** Whether there is anything to find. */
  get available(): boolean {
    return this.products.size > 0;
  }

  get size(): number {
    return this.products.size;
  }

  /** The product with this id, as the feed gave it. */
  get(id: string): ProductCard | undefined {
    return this.products.get(id)?.product;
  }

  /** The first products whose name or id holds every word of `query`, in the feed's order. */
  find(query: string, limit = MAX_PRODUCTS_FOUND): ProductCard[] {
    const words = folded(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const found: ProductCard[] = [];
    for (const { product, words: text } of this.products.values()) {
      if (words.every((word) => text.includes(word))) found.push(product);
      if (found.length === limit) break;
    }
    return found;
  }

  close(): void {
    clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    const source = this.source!;
    try {
      const response = await fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new CatalogueError(source, `answered ${response.status}.`);
      this.take(await boundedText(response, source), false);
    } catch (error) {
      this.log('catalogue.unavailable', { source, error: String(error) });
    }
  }

  /** Takes a feed's text in place of the products held: all of it, or (on error) none of it. */
  private take(text: string, fatal: boolean): void {
    const source = this.source!;
    const fail = (why: string) => {
      if (fatal) throw new CatalogueError(source, why);
      this.log('catalogue.unavailable', { source, error: why });
    };
    if (text.length === 0) return fail('cannot be read, or is empty.');
    if (text.length > MAX_CATALOGUE_BYTES) return fail('is too large.');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail('is not valid JSON.');
    }
    const feed = v.safeParse(Feed, json);
    if (!feed.success) {
      return fail(`must be { "products": [...] } with at most ${MAX_CATALOGUE_PRODUCTS} products.`);
    }
    const products = new Map<string, { product: ProductCard; words: string }>();
    const refused: number[] = [];
    feed.output.products.forEach((item, index) => {
      const product = v.safeParse(ProductCard, item);
      if (!product.success || products.has(product.output.id)) refused.push(index);
      else
        products.set(product.output.id, {
          product: product.output,
          words: folded(`${product.output.name} ${product.output.id}`),
        });
    });
    if (refused.length) {
      this.log('catalogue.products-refused', {
        source,
        count: refused.length,
        first: refused.slice(0, 10),
      });
    }
    this.products = products;
    this.log('catalogue.read', { source, products: products.size });
  }
}

/** A response's body as text, refused as soon as it grows past {@link MAX_CATALOGUE_BYTES}. */
async function boundedText(response: Response, source: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    size += chunk.value.byteLength;
    if (size > MAX_CATALOGUE_BYTES) {
      await reader!.cancel();
      throw new CatalogueError(source, 'is too large.');
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
