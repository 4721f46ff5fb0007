/**
 * Set-up mistakes against the real hub, told to the shop's developer: a page on an origin the hub
 * does not let in (its shop config's allowedOrigins), and a proxy in front of the hub that
 * passes HTTP but not WebSocket upgrades. The same pages set up right work (the other
 * end-to-end tests).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from '../support/node-test.js';
import { newParticipant } from '../support/browser.js';
import { freshStack } from '../support/stack-env.js';

/** A reverse proxy that forwards plain requests to the hub and refuses WebSocket upgrades. */
let proxy: Server;
let proxyUrl = '';

const env = freshStack(() => ({ otherHubs: () => (proxyUrl ? [proxyUrl] : []) }));

before(async () => {
  proxy = createServer(async (request, response) => {
    const answer = await fetch(new URL(request.url ?? '/', env.stack.hub.url), {
      headers: request.headers.origin ? { origin: request.headers.origin } : {},
    });
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  proxy.on('upgrade', (_request, socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

after(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});

describe('a set-up the real hub cannot work with', () => {
  it('a page on an origin the hub does not let in: origin-refused, with the origin to add, and the button offers nothing', async () => {
    const { page } = await newParticipant(env.browser);
    const said: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('[expert-call]'))
        said.push(message.text());
    });
    await page.addInitScript({
      content: `document.addEventListener('ec-error', (e) => (window.ecErrors ??= []).push(e.detail.reason));`,
    });
    // Same server, another origin: localhost is not 127.0.0.1 to the hub.
    const elsewhere = env.stack.shopUrl.replace('127.0.0.1', 'localhost');
    await page.goto(elsewhere);
    await page.waitForSelector('expert-call[availability="unavailable"]', { state: 'attached' });
    await page.waitForFunction(() => (window as unknown as { ecErrors?: string[] }).ecErrors);
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { ecErrors: string[] }).ecErrors),
      ['origin-refused'],
    );
    const origin = new URL(elsewhere).origin;
    assert.deepEqual(said, [
      `[expert-call] The hub "${env.stack.hub.url}" refuses pages of ${origin}: add "${origin}" to "allowedOrigins" in the hub’s shop config.`,
    ]);
    assert.equal(
      await page.getAttribute('expert-call button[part="button"]', 'aria-disabled'),
      'true',
    );
  });

  it('behind a proxy that drops WebSocket upgrades: socket-refused, once a conversation fails', async () => {
    const { page } = await newParticipant(env.browser);
    const said: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('[expert-call]'))
        said.push(message.text());
    });
    await page.addInitScript({
      content: `document.addEventListener('ec-error', (e) => (window.ecErrors ??= []).push(e.detail.reason));`,
    });
    await page.goto(env.stack.shopUrl);
    await page.evaluate(
      (hub) => document.querySelector('expert-call')!.setAttribute('hub', hub),
      proxyUrl,
    );
    await page.click('expert-call button[part="button"]');
    await page.click('expert-call-panel [data-mode="chat"]');
    await page.waitForFunction(() => (window as unknown as { ecErrors?: string[] }).ecErrors);
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { ecErrors: string[] }).ecErrors),
      ['socket-refused'],
    );
    assert.deepEqual(said, [
      `[expert-call] The hub "${proxyUrl}" answers over HTTP but its WebSocket (${proxyUrl.replace('http', 'ws')}/ws) cannot be opened: let your proxy or load balancer pass WebSocket upgrades to the hub.`,
    ]);
  });
});
