/**
 * The mutation score of `npm run mutate`, read from StrykerJS's JSON report, per part of the
 * code, counting as killed only a mutant that made a test fail on an assertion. Under a mutant,
 * a test whose wait runs out is skipped, not failed, and the mutant written down in the
 * deadlines folder (test/support/node-test.ts): such a mutant shows as "deadline" here, apart
 * from the ones nothing noticed ("survived") and the ones whose tests Stryker had to cut off
 * ("timeout"). Stryker's own score counts timeouts as killed.
 *
 *   node --import tsx test/mutation/score.ts [reports/mutation/all/mutation.json [deadlines folder]]
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  statusReason?: string;
  location: { start: { line: number; column: number } };
}

interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

/** The parts of the code the score is given for, by path. */
const PARTS: Array<[string, RegExp]> = [
  ['protocol', /^src\/protocol\//],
  ['core', /^src\/core\//],
  ['hub routing', /^src\/server\/routing\//],
  ['hub storage', /^src\/server\/storage\//],
  ['hub lifecycle', /^src\/server\/(lifecycle\/|hub\.ts|registry\.ts|transcript\.ts)/],
];

type Verdict = 'assertion' | 'deadline' | 'timeout' | 'survived' | 'no coverage' | 'not counted';

function verdict(mutant: Mutant, deadlines: ReadonlySet<string>): Verdict {
  switch (mutant.status) {
    case 'Killed':
      return 'assertion';
    case 'Timeout':
      return 'timeout';
    case 'Survived':
      return deadlines.has(mutant.id) ? 'deadline' : 'survived';
    case 'NoCoverage':
      return 'no coverage';
    default:
      // Ignored (written down as equivalent where it is), CompileError, RuntimeError.
      return 'not counted';
  }
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '   -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;

async function main(): Promise<void> {
  const path = process.argv[2] ?? 'reports/mutation/all/mutation.json';
  const report = JSON.parse(await readFile(path, 'utf8')) as Report;
  const deadlinesDir = process.argv[3] ?? join(dirname(path), 'deadlines');
  const deadlines = new Set(existsSync(deadlinesDir) ? await readdir(deadlinesDir) : []);
  const rows: string[] = [];
  const alive: string[] = [];
  const totals = new Map<string, Record<Verdict, number>>();
  const empty = (): Record<Verdict, number> => ({
    assertion: 0,
    deadline: 0,
    timeout: 0,
    survived: 0,
    'no coverage': 0,
    'not counted': 0,
  });

  for (const [file, { mutants }] of Object.entries(report.files).sort()) {
    const part = PARTS.find(([, pattern]) => pattern.test(file))?.[0] ?? 'other';
    const counts = totals.get(part) ?? empty();
    totals.set(part, counts);
    const all = totals.get('all') ?? empty();
    totals.set('all', all);
    for (const mutant of mutants) {
      const v = verdict(mutant, deadlines);
      counts[v]++;
      all[v]++;
      if (v !== 'assertion' && v !== 'not counted') {
        const { line, column } = mutant.location.start;
        const change = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
        alive.push(`${v.padEnd(11)} ${file}:${line}:${column} ${mutant.mutatorName} → ${change}`);
      }
    }
  }

  rows.push(
    'part                    strict  with deadlines  Stryker   assert deadline timeout survived no-cov excluded',
  );
  for (const [part, c] of [...totals].sort(([a], [b]) =>
    a === 'all' ? 1 : b === 'all' ? -1 : 0,
  )) {
    const counted = c.assertion + c.deadline + c.timeout + c.survived + c['no coverage'];
    rows.push(
      [
        part.padEnd(22),
        percent(c.assertion, counted),
        `        ${percent(c.assertion + c.deadline, counted)}`,
        `  ${percent(c.assertion + c.timeout, counted)}`,
        String(c.assertion).padStart(8),
        String(c.deadline).padStart(8),
        String(c.timeout).padStart(7),
        String(c.survived).padStart(8),
        String(c['no coverage']).padStart(6),
        String(c['not counted']).padStart(8),
      ].join(' '),
    );
  }
  console.log(rows.join('\n'));
  console.log(
    '\nstrict: killed by a failing assertion, out of all counted mutants. "with deadlines" adds',
    'those only a wait running out caught; Stryker’s own score adds the timeouts instead.',
    '\nexcluded: written down as equivalent (Stryker disable), or not compiling.',
  );
  if (alive.length)
    console.log(`\nNot killed by an assertion (${alive.length}):\n${alive.join('\n')}`);
}

await main();
