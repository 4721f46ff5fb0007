/**
 * A stack (LiveKit, hub, pages) and a Chromium of their own for one describe block or file:
 * started before its tests, stopped after, so no two blocks share a server one of them stops.
 */
import { after, before } from './node-test.js';
import type { Browser } from 'playwright-core';
import { startStack, type Stack, type StackOptions } from '../../demo/stack/stack.js';
import { launchChromium } from './browser.js';

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
