// Builds the hub package (packages/hub): `npm pack -w expert-call-hub` runs it before packing.
// The hub and the protocol compile to Node ES modules beside their types; PGlite's worker is
// plain JavaScript and is copied as is, next to the module that starts it.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const hub = join(repo, 'packages', 'hub');
rmSync(join(hub, 'dist'), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.hub.json'],
  {
    cwd: repo,
    stdio: 'inherit',
  },
);
copyFileSync(
  join(repo, 'src/server/storage/pglite-worker.mjs'),
  join(hub, 'dist/server/storage/pglite-worker.mjs'),
);
chmodSync(join(hub, 'dist/server/main.js'), 0o755);
copyFileSync(join(repo, 'LICENSE'), join(hub, 'LICENSE'));
