/**
 * The two packages as npm installs them from their packed tarballs, each into a project of its
 * own: `expert-call`, what a shop's page imports, brings only what runs in a browser; and
 * `expert-call-hub` brings the hub, whose `expert-call-hub` command starts one that answers.
 * (npm test builds the browser package first; packing the hub builds it.) npm installs from
 * the registry, or from its cache when it has the packages already.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { once } from 'node:events';
import { after, before, describe, it } from '../support/node-test.js';
import { within, WAIT_MS } from '../support/deadline.js';

const run = promisify(execFile);
const repo = resolve('.');
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);

/**
 * What only the hub needs: none of it may reach a shop's page or its bundle. (jose is not
 * here: livekit-client needs it too.)
 */
const SERVER_ONLY = ['@electric-sql/pglite', '@redis/client', 'livekit-server-sdk', 'pg', 'ws'];
/** What only the browser needs. */
const BROWSER_ONLY = ['lit', 'livekit-client'];

const INSTALL_MINUTES = 5;
let work: string;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'expert-call-packages-'));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Packs `workspace` (the root package when absent) into `work`: the tarball's path. */
async function pack(workspace?: string): Promise<string> {
  const { stdout } = await run(
    'npm',
    ['pack', '--silent', '--pack-destination', work, ...(workspace ? ['-w', workspace] : [])],
    { cwd: repo, maxBuffer: 16 * 1024 * 1024 },
  );
  return join(work, stdout.trim().split('\n').at(-1)!);
}

/** A fresh project with only `tarball` installed in it, as `npm install <tarball>` does. */
async function installAlone(name: string, tarball: string): Promise<string> {
  const project = join(work, name);
  rmSync(project, { recursive: true, force: true });
  await run('mkdir', ['-p', project]);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: `${name}-user`, private: true, type: 'module' }),
  );
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball],
    { cwd: project, timeout: INSTALL_MINUTES * 60_000 },
  );
  return project;
}

/** Every package installed in `project`, by name, with its size on disk in bytes. */
function installed(project: string): Map<string, number> {
  const found = new Map<string, number>();
  const sizeOf = (path: string): number => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.size;
    return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0);
  };
  const walk = (modules: string) => {
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`)
        : [entry];
      for (const name of names) {
        found.set(name, sizeOf(join(modules, name)));
        const nested = join(modules, name, 'node_modules');
        if (statSync(nested, { throwIfNoEntry: false })?.isDirectory()) walk(nested);
      }
    }
  };
  walk(join(project, 'node_modules'));
  return found;
}

const megabytes = (packages: Map<string, number>) =>
  ([...packages.values()].reduce((a, b) => a + b, 0) / 1e6).toFixed(1);

describe('the browser package, expert-call', () => {
  it('installs with what runs in a browser only: no hub, no server dependency', async (t) => {
    const project = await installAlone('shop', await pack());
    const packages = installed(project);
    for (const name of SERVER_ONLY) assert.ok(!packages.has(name), `${name} is installed`);
    for (const name of BROWSER_ONLY) assert.ok(packages.has(name), `${name} is missing`);
    assert.ok(!packages.has('expert-call-hub'));
    const files = readdirSync(join(project, 'node_modules', 'expert-call', 'dist'));
    assert.deepEqual(files.sort(), ['custom-elements.json', 'embed', 'esm', 'types']);
    t.diagnostic(`expert-call installs ${packages.size} packages, ${megabytes(packages)} MB`);
  });
});

describe('the hub package, expert-call-hub', () => {
  let tarball: string;
  let project: string;

  before(
    async () => {
      tarball = await pack('expert-call-hub');
      project = await installAlone('hub', tarball);
    },
    { timeout: (INSTALL_MINUTES + 2) * 60_000 },
  );

  it('has the browser package’s version: a hub and a script of one release go together', () => {
    const version = (path: string) =>
      (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
    assert.equal(
      version(join(project, 'node_modules', 'expert-call-hub', 'package.json')),
      version(join(repo, 'package.json')),
    );
  });

  it('passes publint and "Are the types wrong?" as Node ES modules', async () => {
    await run(bin('publint'), ['run', tarball, '--strict']);
    await run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii']);
  });

  it('installs the hub without the browser’s libraries', (t) => {
    const packages = installed(project);
    for (const name of SERVER_ONLY) assert.ok(packages.has(name), `${name} is missing`);
    for (const name of BROWSER_ONLY) assert.ok(!packages.has(name), `${name} is installed`);
    t.diagnostic(`expert-call-hub installs ${packages.size} packages, ${megabytes(packages)} MB`);
  });

  it('starts a hub with its expert-call-hub command, which answers until it is stopped', async () => {
    const hub = spawn(join(project, 'node_modules', '.bin', 'expert-call-hub'), [], {
      cwd: project,
      env: {
        PATH: process.env['PATH'],
        LIVEKIT_URL: 'ws://127.0.0.1:7880',
        LIVEKIT_API_KEY: 'packaged',
        LIVEKIT_API_SECRET: 'a-secret-only-this-test-knows-0123456789',
        EXPERT_SESSION_SECRET: 'another-secret-only-this-test-knows-0123',
        HUB_PORT: '0',
        HUB_DATA_DIR: join(project, 'hub-data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    hub.stdout.on('data', (chunk: Buffer) => (output += chunk));
    hub.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const exited = once(hub, 'exit');
    try {
      const url = await within(
        WAIT_MS * 2,
        () => `the hub saying where it listens (it said: ${output})`,
        new Promise<string>((resolveUrl) => {
          const look = () => {
            const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
            if (found) resolveUrl(found);
          };
          hub.stdout.on('data', look);
          look();
        }),
      );
      const health = await fetch(`${url}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { ok: true, status: 'ok' });
      // No shop config: open around the clock, and no expert signed in yet.
      const availability = (await (await fetch(`${url}/availability`)).json()) as {
        open: boolean;
        call: string;
      };
      assert.equal(availability.open, true);
      assert.equal(availability.call, 'none');
    } finally {
      hub.kill('SIGTERM');
      const [code] = await within(WAIT_MS, 'the hub stopping on SIGTERM', exited);
      assert.equal(code, 0, `the hub exits cleanly on SIGTERM: ${output}`);
    }
  });

  it('exports startHub, loadHubConfig and their errors to start a hub from code', async () => {
    const script = `const hub = await import('expert-call-hub');
      console.log(JSON.stringify(Object.keys(hub).sort()));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project,
    });
    assert.deepEqual(JSON.parse(stdout), [
      'CatalogueError',
      'ConfigError',
      'ShopConfigError',
      'loadHubConfig',
      'startHub',
    ]);
  });
});
