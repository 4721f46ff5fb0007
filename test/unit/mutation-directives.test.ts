/**
 * Every `// Stryker disable next-line` written in the code leaves out at least one mutant of
 * the line after it. StrykerJS reads a directive only as the leading comment of a node: one
 * placed where no node follows (before `} catch {` or `} else {`) is silently ignored, and the
 * equivalent mutant it was meant to write down is counted as a survivor instead.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { describe, it } from '../support/node-test.js';

const quiet = {
  debug() {},
  info() {},
  warn() {},
  trace() {},
  error() {},
  fatal() {},
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => false,
  isFatalEnabled: () => false,
  isTraceEnabled: () => false,
};

async function sourcesWithDirectives(): Promise<Array<{ name: string; text: string }>> {
  const names = (await readdir('src', { recursive: true })).filter((n) => n.endsWith('.ts'));
  const files = await Promise.all(
    names.map(async (n) => ({
      name: join('src', n),
      text: await readFile(join('src', n), 'utf8'),
    })),
  );
  return files.filter((f) => f.text.includes('Stryker disable next-line'));
}

describe('the mutants written down as equivalent', () => {
  it('are each left out by the directive that says why', async () => {
    const files = await sourcesWithDirectives();
    assert.ok(files.length > 10, 'the directives are found');
    const unread: string[] = [];
    for (const { name, text } of files) {
      const { mutants } = await new Instrumenter(quiet as never).instrument(
        [{ name, content: text, mutate: true }],
        { plugins: null, excludedMutations: [], ignorers: [] } as never,
      );
      const leftOut = new Set(
        mutants.filter((m) => m.status === 'Ignored').map((m) => m.location.start.line + 1),
      );
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        if (!line.includes('Stryker disable next-line')) return;
        let next = i + 1;
        while (lines[next]?.trim().startsWith('//')) next++;
        if (!leftOut.has(next + 1)) unread.push(`${name}:${i + 1}`);
      });
    }
    assert.deepEqual(unread, [], 'directives that leave out nothing');
  });
});
