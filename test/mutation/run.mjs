// `npm run mutate`: StrykerJS over the parts chosen (`MUTATE_PART`, see stryker.config.mjs),
// then the score of that run (score.ts). The deadlines the tests write down are this run's
// only: the folder is emptied first.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { REPORTS } from '../../stryker.config.mjs';

rmSync(`${REPORTS}/deadlines`, { recursive: true, force: true });
const run = (command, args) => {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};
run('npx', ['stryker', 'run']);
run(process.execPath, [
  '--import',
  'tsx',
  'test/mutation/score.ts',
  `${REPORTS}/mutation.json`,
  `${REPORTS}/deadlines`,
]);
