/**
 * A stack (LiveKit, hub, pages) and a Chromium of their own for one describe block or file:
 * started before its tests, stopped after, so no two blocks share a server one of them stops.
 */
import { after, afterEach, before } from './node-test.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack, type Stack, type StackOptions } from '../../demo/stack/stack.js';
import { launchChromium, newParticipant } from './browser.js';

export function freshStack(options: () => Omit<StackOptions, 'ports'> = () => ({})): {
  stack: Stack;
  browser: Browser;
} {
  const env = {} as { stack: Stack; browser: Browser };
  before(async () => {
    env.stack = await startStack({ ports: 'free', ...options() });
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    await env.stack?.stop();
  });
  return env;
}

/**
 * A page for each person of a test (an expert, a shopper, their phone), each in a browser
 * context of its own (another person's cookies and storage), all closed after the test.
 */
export function people(env: { browser: Browser }): () => Promise<Page> {
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  return async () => {
    const { page, context } = await newParticipant(env.browser);
    contexts.push(context);
    return page;
  };
}
