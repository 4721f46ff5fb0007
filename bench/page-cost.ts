/**
 * What the widget adds to the demo product page before any click: bytes over the network and
 * main-thread time, read from a Chromium trace (CDP), with and without the widget, each the
 * median of several cold loads (a fresh browser context each: no cache).
 */
import type { Browser, Page } from 'playwright-core';
import { startStack } from '../demo/stack/stack.js';
import { launchChromium } from '../test/support/browser.js';

interface Load {
  bytes: number;
  mainThreadMs: number;
  /** Our own script's time on that thread: compiling, evaluating and running the launcher. */
  widgetScriptMs: number;
}

/** The page a shop had before adding us: its own scripts, without our script and element. */
function withoutWidget(html: string): string {
  return html
    .replace(/<script[^>]*src="\/expert-call\/[^"]*"[^>]*><\/script>/g, '')
    .replace(/<expert-call[\s\S]*?<\/expert-call>/g, '');
}

/**
 * Busy time of the page's renderer main thread (the renderer main thread that parsed HTML): the
 * sum of its top-level tasks, from the trace.
 */
function mainThread(trace: { traceEvents: TraceEvent[] }): Omit<Load, 'bytes'> {
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const parsed = new Set(trace.traceEvents.filter((e) => e.name === 'ParseHTML').map(thread));
  const mains = new Set(
    trace.traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map(thread)
      .filter((t) => parsed.has(t)),
  );
  let busy = 0;
  let ours = 0;
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !mains.has(thread(e))) continue;
    if (e.name === 'RunTask') busy += e.dur ?? 0;
    if (SCRIPT_EVENTS.has(e.name) && e.args?.data?.url?.includes('/expert-call/')) {
      ours += e.dur ?? 0;
    }
  }
  return { mainThreadMs: busy / 1000, widgetScriptMs: ours / 1000 };
}

const SCRIPT_EVENTS = new Set([
  'v8.compileModule',
  'v8.evaluateModule',
  'EvaluateScript',
  'FunctionCall',
]);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string } };
}

async function load(browser: Browser, url: string, widget: boolean): Promise<Load> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  if (!widget) {
    await page.route(url, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: withoutWidget(await response.text()) });
    });
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'toplevel', 'disabled-by-default-devtools.timeline'],
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // The same window for both: two seconds after the network went quiet, long enough for all
  // the widget does before a click (its availability read, once the page is idle).
  await page.waitForTimeout(2000);
  // The same wait in both (Playwright's own page-side script is not free): a no-op without.
  await page.waitForFunction(
    (expected) => !expected || !!document.querySelector('expert-call[availability]'),
    widget,
  );
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await context.close();
  return { bytes, ...mainThread(trace) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export async function pageCost(runs: number): Promise<void> {
  const stack = await startStack({ ports: 'free' });
  const browser = await launchChromium();
  try {
    const loads: Record<'with' | 'without', Load[]> = { with: [], without: [] };
    // Alternate, so that a slow moment of the machine falls on both.
    for (let run = 0; run < runs; run++) {
      loads.without.push(await load(browser, stack.shopUrl, false));
      loads.with.push(await load(browser, stack.shopUrl, true));
    }
    const bytes = (w: 'with' | 'without') => median(loads[w].map((l) => l.bytes));
    const busy = (w: 'with' | 'without') => median(loads[w].map((l) => l.mainThreadMs));
    const range = (w: 'with' | 'without') => {
      const all = loads[w].map((l) => l.mainThreadMs);
      return `${Math.min(...all).toFixed(0)}–${Math.max(...all).toFixed(0)}`;
    };
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    console.log(`\nThe demo product page before any click (median of ${runs} cold loads each)`);
    console.log(
      `  bytes over the network: ${kb(bytes('without'))} without the widget, ${kb(bytes('with'))} with: +${kb(bytes('with') - bytes('without'))}` +
        ' (the demo server sends files uncompressed; gzipped, the launcher is the size above)',
    );
    const delta = busy('with') - busy('without');
    console.log(
      `  main-thread time (trace, top-level tasks): ${busy('without').toFixed(1)} ms without (runs ${range('without')}), ${busy('with').toFixed(1)} ms with (runs ${range('with')}): ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} ms`,
    );
    console.log(
      `  of which the widget's own script (compile, evaluate, run; trace events on its URL): ${median(loads.with.map((l) => l.widgetScriptMs)).toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    await stack.stop();
  }
}
