/**
 * Playwright on Debian's Chromium with fake devices, and the page-side probes the end-to-end
 * tests and benchmarks read: every RTCPeerConnection a page makes is recorded so its own
 * stats can be asked (decoded frames, received audio), with no hook in the product code.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { until } from './deadline.js';

export type DeviceAccess = 'granted' | 'denied';

/**
 * Chromium with fake camera and microphone. `'denied'` starts it without the flag that answers
 * permission prompts with "allow": a page that was granted nothing is then refused at once,
 * as when a person has blocked camera and microphone.
 */
export async function launchChromium(devices: DeviceAccess = 'granted'): Promise<Browser> {
  const args =
    devices === 'denied'
      ? chromiumArgs.filter((arg) => arg !== '--use-fake-ui-for-media-stream')
      : chromiumArgs;
  return chromium.launch({ executablePath: chromiumPath(), args });
}

const RECORD_PEER_CONNECTIONS = () => {
  const Native = window.RTCPeerConnection;
  const all: RTCPeerConnection[] = [];
  (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = all;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      all.push(this);
    }
  } as typeof RTCPeerConnection;
};

/** A fresh context (its own cookies and storage: another person), devices granted or not. */
export async function newParticipant(
  browser: Browser,
  devices: DeviceAccess = 'granted',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    permissions: devices === 'granted' ? ['camera', 'microphone'] : [],
  });
  await context.addInitScript(RECORD_PEER_CONNECTIONS);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  // What the product itself reports goes into the test log, for the failures that need it.
  page.on('console', (message) => {
    if (message.text().startsWith('[expert-call]')) console.error(`[page] ${message.text()}`);
  });
  return { context, page };
}

export interface InboundStats {
  videoFramesDecoded: number;
  audioSamplesReceived: number;
  audioPacketsReceived: number;
}

/** What the page's peer connections have received, from the browser's own stats. */
export async function inboundStats(page: Page): Promise<InboundStats> {
  return page.evaluate(async () => {
    const totals = { videoFramesDecoded: 0, audioSamplesReceived: 0, audioPacketsReceived: 0 };
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const report = await pc.getStats();
      report.forEach((stat: Record<string, unknown>) => {
        if (stat['type'] !== 'inbound-rtp') return;
        if (stat['kind'] === 'video')
          totals.videoFramesDecoded += Number(stat['framesDecoded'] ?? 0);
        if (stat['kind'] === 'audio') {
          totals.audioSamplesReceived += Number(stat['totalSamplesReceived'] ?? 0);
          totals.audioPacketsReceived += Number(stat['packetsReceived'] ?? 0);
        }
      });
    }
    return totals;
  });
}

/**
 * Waits until `probe` holds, polling, and returns what it read; fails after `timeoutMs` with
 * `what` and the last value read (not a timing requirement: a bound so a regression fails).
 */
export function eventually<T>(
  probe: () => Promise<T>,
  holds: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  return until(probe, holds, { what, timeoutMs, everyMs: 100 });
}
