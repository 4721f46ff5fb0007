/**
 * Product cards, through the hub's real WebSocket and real storage (PGlite and PostgreSQL): the
 * expert finds a product in the shop's catalogue feed and shows it; the card is a typed message
 * of the transcript, stored, shown to both sides and replayed after a reconnect; what the
 * shopper does with it is stored for the shop's counts. Refused with a reason: a product the
 * catalogue lacks, a card from the shopper, an action on a product never shown. And the feed
 * itself: products that do not check are left out, a file that cannot be read stops the hub.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from '../support/node-test.js';
import { Catalogue, CatalogueError } from '../../src/server/commerce/catalogue.js';
import {
  defaultShopConfig,
  parseShopConfig,
  ShopConfigError,
} from '../../src/server/config/shop-config.js';
import { MAX_PRODUCTS_FOUND, type ProductCard } from '../../src/protocol/index.js';
import { startHubFixture, trackPeers, type HubFixture } from '../support/hub-fixture.js';
import { HubPeer } from '../support/hub-peer.js';
import { liveChat } from '../support/live-chat.js';
import { storageEngines } from '../support/storage-engines.js';

const SABLE: ProductCard = {
  id: 'e3-sable',
  name: 'Vélo électrique Lumen E3 — sable',
  url: '/bikes/e3',
  image: 'https://shop.example/img/e3.png',
  price: { amount: 1899, currency: 'EUR' },
  availability: { store: 'Lyon', inStock: true },
};
const NUIT: ProductCard = { id: 'e3-nuit', name: 'Vélo électrique Lumen E3 — nuit' };
const BATTERY: ProductCard = {
  id: 'battery-500',
  name: 'Batterie 500 Wh',
  image: 'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
  price: { amount: 549.5, currency: 'EUR' },
};
/** Many helmets: more than one search answers with. */
const HELMETS: ProductCard[] = Array.from({ length: MAX_PRODUCTS_FOUND + 3 }, (_, i) => ({
  id: `helmet-${i}`,
  name: `Casque ${i}`,
}));

const folder = await mkdtemp(join(tmpdir(), 'expert-call-catalogue-'));
/** Writes a feed file and gives its path. */
async function feed(name: string, content: unknown): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const catalogueFile = await feed('catalogue.json', {
  products: [
    SABLE,
    NUIT,
    BATTERY,
    ...HELMETS,
    { id: 'no-name' },
    { id: 'bad-price', name: 'X', price: { amount: -1, currency: 'EUR' } },
    { id: 'script-image', name: 'Y', image: 'javascript:alert(1)' },
    { ...SABLE, name: 'A second product with the same id' },
  ],
});

describe('the catalogue feed', () => {
  it('keeps the products that check, leaves out the others and says how many', async () => {
    const logged: Array<{ event: string; fields?: Record<string, unknown> }> = [];
    const catalogue = await Catalogue.open(catalogueFile, (event, fields) =>
      logged.push({ event, ...(fields ? { fields } : {}) }),
    );
    assert.equal(catalogue.size, 3 + HELMETS.length);
    assert.deepEqual(catalogue.get('e3-sable'), SABLE, 'the first of two with one id');
    assert.equal(catalogue.get('no-name'), undefined);
    assert.equal(catalogue.get('script-image'), undefined);
    const refused = logged.find((l) => l.event === 'catalogue.products-refused');
    assert.equal(refused?.fields?.['count'], 4);
  });

  it('finds by every word of the query, whatever the case and accents, at most a page of them', async () => {
    const catalogue = await Catalogue.open(catalogueFile);
    assert.deepEqual(
      catalogue.find('VELO sable').map((p) => p.id),
      ['e3-sable'],
    );
    assert.deepEqual(
      catalogue.find('vélo e3').map((p) => p.id),
      ['e3-sable', 'e3-nuit'],
    );
    assert.deepEqual(
      catalogue.find('battery').map((p) => p.id),
      ['battery-500'],
      'by id too',
    );
    assert.equal(catalogue.find('casque').length, MAX_PRODUCTS_FOUND);
    assert.deepEqual(catalogue.find('   '), []);
    assert.deepEqual(catalogue.find('trottinette'), []);
  });

  it('stops the hub at start for a file that cannot be read or is not a feed', async () => {
    for (const [content, why] of [
      ['{ "products": [', /not valid JSON/],
      ['[]', /must be \{ "products"/],
      ['', /cannot be read, or is empty/],
    ] as const) {
      const path = await feed('broken.json', content);
      await assert.rejects(Catalogue.open(path), (error: Error) => {
        assert.ok(error instanceof CatalogueError);
        assert.match(error.message, why);
        assert.ok(error.message.includes(path), 'the message names the file');
        return true;
      });
    }
  });

  it('reads a feed at a URL, and goes without one that does not answer instead of stopping', async () => {
    const feedText = JSON.stringify({ products: [SABLE, BATTERY] });
    let status = 200;
    const server = createServer((_, response) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(status === 200 ? feedText : 'down');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.json`;
    try {
      const catalogue = await Catalogue.open(url);
      assert.deepEqual(
        catalogue.find('batterie').map((p) => p.id),
        ['battery-500'],
      );
      catalogue.close();
      status = 503;
      const logged: string[] = [];
      const without = await Catalogue.open(url, (event, fields) =>
        logged.push(`${event} ${String(fields?.['error'])}`),
      );
      assert.equal(without.available, false);
      assert.match(logged.join('\n'), /catalogue.unavailable .*answered 503/);
      without.close();
    } finally {
      server.close();
    }
  });

  it('is named in the shop config as a file beside it, which must exist', () => {
    const config = parseShopConfig(
      {
        shopId: 's',
        allowedOrigins: ['https://shop.example'],
        timeZone: 'UTC',
        hours: { weekly: {} },
        catalogue: 'catalogue.json',
      },
      join(folder, 'shop.json'),
    );
    assert.equal(config.catalogue, catalogueFile);
    assert.throws(
      () =>
        parseShopConfig(
          {
            shopId: 's',
            allowedOrigins: ['https://shop.example'],
            timeZone: 'UTC',
            hours: { weekly: {} },
            catalogue: 'missing.json',
          },
          join(folder, 'shop.json'),
        ),
      (error: Error) =>
        error instanceof ShopConfigError && /catalogue: .*no file/.test(error.message),
    );
  });
});

for (const engine of await storageEngines('product cards')) {
  describe(`product cards in a conversation (${engine.name})`, () => {
    let stack: HubFixture;
    const track = trackPeers(() => stack);
    before(async () => {
      stack = await startHubFixture({
        shop: { ...defaultShopConfig(), catalogue: catalogueFile },
        storage: await engine.open(),
      });
    });
    after(async () => {
      await stack.stop();
      await engine.dispose();
    });

    let experts = 0;
    /** A written conversation between a fresh expert and a fresh shopper, the expert joined. */
    const live = () => liveChat(stack.hub.url, `Seller ${++experts}`, track);
    async function end({ expert, conversationId }: { expert: HubPeer; conversationId: string }) {
      expert.send({ type: 'call.end', conversationId });
      await expert.next('call.ended');
      expert.send({ type: 'expert.set-presence', status: 'away' });
      await expert.nextWhere('expert.presence', (p) => p.status === 'away');
    }
    const events = async (conversationId: string) =>
      (
        await stack.sql(
          'select product_id, action from product_events where conversation_id = $1 order by created_at',
          [conversationId],
        )
      ).map((row) => `${String(row['action'])} ${String(row['product_id'])}`);

    it('lets an expert search the catalogue', async () => {
      const expert = track(await HubPeer.expert(stack.hub.url, `Searcher ${++experts}`));
      expert.send({ type: 'expert.find-products', query: '  velo NUIT ' });
      assert.deepEqual(await expert.next('expert.products'), {
        type: 'expert.products',
        query: 'velo NUIT',
        products: [NUIT],
        catalogue: true,
      });
      const shopper = track(await HubPeer.open(stack.hub.url));
      shopper.send({ type: 'expert.find-products', query: 'velo' });
      assert.equal((await shopper.refusal()).reason, 'unauthorized', 'experts only');
    });

    it('shows a card to both sides, stored in the transcript and counted, once per resend', async () => {
      const conversation = await live();
      const { expert, shopper, conversationId } = conversation;
      const show = { type: 'expert.show-product', conversationId, productId: 'e3-sable' } as const;
      expert.send({ ...show, clientId: 'card-000001' });
      const atShopper = await shopper.nextWhere('chat.message', (m) => m.author === 'expert');
      assert.deepEqual(atShopper.product, SABLE, 'the catalogue’s product, as the feed gave it');
      assert.equal(atShopper.text, SABLE.name);
      assert.equal(atShopper.authorName, `Seller ${experts}`);
      const atExpert = await expert.nextWhere('chat.message', (m) => m.author === 'expert');
      assert.deepEqual(atExpert, atShopper);

      expert.send({ ...show, clientId: 'card-000001' });
      const again = await expert.nextWhere('chat.message', (m) => m.author === 'expert');
      assert.equal(again.seq, atExpert.seq, 'a resend shows the same card');
      assert.deepEqual(await events(conversationId), ['shown e3-sable']);

      // A shopper who comes back is sent the card again, as a card.
      const back = track(await HubPeer.open(stack.hub.url));
      back.send({
        type: 'conversation.resume',
        conversationId,
        resumeToken: conversation.resumeToken,
        lastSeq: 0,
      });
      const replayed = await back.nextWhere('chat.message', (m) => m.seq === atShopper.seq);
      assert.deepEqual(replayed.product, SABLE);

      back.send({
        type: 'shopper.product-action',
        conversationId,
        productId: 'e3-sable',
        action: 'open',
      });
      back.send({
        type: 'shopper.product-action',
        conversationId,
        productId: 'e3-sable',
        action: 'add-to-cart',
      });
      assert.deepEqual(
        (await back.roundTrip()).filter((m) => m.type === 'error'),
        [],
        'the actions are taken',
      );
      await end(conversation);
      // After the end, from the end screen's transcript, still counted.
      back.send({
        type: 'shopper.product-action',
        conversationId,
        productId: 'e3-sable',
        action: 'reserve',
      });
      assert.deepEqual(
        (await back.roundTrip()).filter((m) => m.type === 'error'),
        [],
      );
      assert.deepEqual(await events(conversationId), [
        'shown e3-sable',
        'open e3-sable',
        'add-to-cart e3-sable',
        'reserve e3-sable',
      ]);
    });

    it('refuses a product the catalogue lacks, a card from the shopper, and actions on products never shown', async () => {
      const conversation = await live();
      const { expert, shopper, conversationId } = conversation;
      expert.send({
        type: 'expert.show-product',
        conversationId,
        clientId: 'card-000002',
        productId: 'no-name',
      });
      assert.equal((await expert.refusal()).reason, 'invalid-message');
      shopper.send({
        type: 'expert.show-product',
        conversationId,
        clientId: 'card-000003',
        productId: 'e3-sable',
      });
      assert.equal((await shopper.refusal()).reason, 'wrong-state');
      shopper.send({
        type: 'shopper.product-action',
        conversationId,
        productId: 'e3-nuit',
        action: 'add-to-cart',
      });
      assert.equal((await shopper.refusal()).reason, 'wrong-state', 'never shown here');
      expert.send({
        type: 'shopper.product-action',
        conversationId,
        productId: 'e3-nuit',
        action: 'add-to-cart',
      });
      assert.equal((await expert.refusal()).reason, 'wrong-state', 'shoppers only');
      shopper.sendRaw(
        JSON.stringify({
          type: 'shopper.product-action',
          conversationId,
          productId: 'e3-nuit',
          action: 'buy-now',
        }),
      );
      assert.equal((await shopper.refusal()).reason, 'invalid-message');
      assert.deepEqual(await events(conversationId), []);
      assert.deepEqual(
        (await shopper.roundTrip()).filter((m) => m.type === 'chat.message' && m.product),
        [],
        'no card reached the shopper',
      );
      await end(conversation);
    });
  });
}

describe('a shop with no catalogue', () => {
  let stack: HubFixture;
  const track = trackPeers(() => stack);
  before(async () => {
    stack = await startHubFixture();
  });
  after(() => stack.stop());

  it('answers an expert’s search with nothing, saying there is no catalogue', async () => {
    const expert = track(await HubPeer.expert(stack.hub.url, 'No catalogue'));
    expert.send({ type: 'expert.find-products', query: 'velo' });
    assert.deepEqual(await expert.next('expert.products'), {
      type: 'expert.products',
      query: 'velo',
      products: [],
      catalogue: false,
    });
  });
});
