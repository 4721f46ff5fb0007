/**
 * axe-core in the browser tests: loaded once from node_modules, run on the whole page for the
 * WCAG 2.2 AA rules, its findings one line per node (empty when none).
 */
import type { AxeResults, run } from 'axe-core';

declare global {
  interface Window {
    axe: { run: typeof run };
  }
}

/** Loads axe-core into the page once; the page gets a title, the test page's own to have. */
export async function loadAxe(): Promise<void> {
  document.title = 'A shop page';
  if (window.axe) return;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
}

/** What axe finds wrong in the page, one line per node, each after `prefix`; empty when nothing. */
export async function violations(prefix = ''): Promise<string[]> {
  const results: AxeResults = await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${prefix}${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  );
}
