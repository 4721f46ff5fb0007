/**
 * The local LiveKit server of the demo and the tests, run for real: these tests start
 * livekit-server (built once by resolveLiveKitBinary when it is not cached yet).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from '../support/node-test.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { RoomServiceClient } from 'livekit-server-sdk';
import {
  hostedLiveKitFromEnv,
  LiveKitUnavailableError,
  resolveLiveKitBinary,
  startLocalLiveKit,
  type LocalLiveKit,
} from '../../demo/stack/livekit-server.js';

const MODULE = fileURLToPath(new URL('../../demo/stack/livekit-server.ts', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../livekit/livekit.yaml', import.meta.url));

describe('startLocalLiveKit with free ports', () => {
  let server: LocalLiveKit;
  before(async () => {
    server = await startLocalLiveKit({ ports: 'free' });
  });
  after(() => server.stop());

  it('answers GET / on 127.0.0.1 at the port of the ws:// URL it returns', async () => {
    assert.equal(server.url, `ws://127.0.0.1:${server.port}`);
    const response = await fetch(`http://127.0.0.1:${server.port}/`);
    assert.equal(response.status, 200);
  });

  it('accepts the credentials it returns: a RoomServiceClient creates and lists a room', async () => {
    const rooms = new RoomServiceClient(
      `http://127.0.0.1:${server.port}`,
      server.apiKey,
      server.apiSecret,
    );
    await rooms.createRoom({ name: 'spec-room', emptyTimeout: 10 });
    const listed = await rooms.listRooms();
    assert.deepEqual(
      listed.map((room) => room.name),
      ['spec-room'],
    );
  });

  it('rejects a key it was not configured with', async () => {
    const rooms = new RoomServiceClient(
      `http://127.0.0.1:${server.port}`,
      server.apiKey,
      'not-the-secret-of-livekit-yaml-at-all',
    );
    await assert.rejects(rooms.listRooms());
  });

  it('cannot be reached on any address of this machine but loopback', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal && !address.address.startsWith('fe80:'))
      .map((address) => address!.address);
    for (const host of others) {
      assert.equal(await connectError(host, server.port), 'ECONNREFUSED', `reached on ${host}`);
    }
    if (others.length === 0) {
      // Nothing to connect to here: hold the config to binding loopback alone instead.
      assert.match(await readFile(CONFIG, 'utf8'), /^bind_addresses: \['127\.0\.0\.1'\]/m);
    }
  });

  it(
    'has no socket open on any address but loopback',
    { skip: process.platform !== 'linux' && 'reads /proc' },
    async () => {
      const addresses = await socketAddresses(server.pid);
      assert.ok(addresses.length > 0, 'found none of its sockets in /proc');
      assert.deepEqual(
        addresses.filter((address) => !address.loopback),
        [],
      );
    },
  );

  it('runs beside another server started at the same time', async () => {
    const [a, b] = await Promise.all([
      startLocalLiveKit({ ports: 'free' }),
      startLocalLiveKit({ ports: 'free' }),
    ]);
    try {
      assert.notEqual(a.port, b.port);
      assert.equal((await fetch(`http://127.0.0.1:${a.port}/`)).status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${b.port}/`)).status, 200);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe('LocalLiveKit.stop', () => {
  it('ends the server process, and calling it again does nothing', async () => {
    const server = await startLocalLiveKit({ ports: 'free' });
    await server.stop();
    assert.equal(isRunning(server.pid), false);
    assert.equal(await connectError('127.0.0.1', server.port), 'ECONNREFUSED');
    await server.stop();
  });

  it('kill() ends the process at once, as a crash would, and a later stop() is harmless', async () => {
    const server = await startLocalLiveKit({ ports: 'free' });
    await server.kill();
    assert.equal(isRunning(server.pid), false);
    assert.equal(await connectError('127.0.0.1', server.port), 'ECONNREFUSED');
    await server.stop();
  });

  it('keeps the server log in the file it names', async () => {
    const server = await startLocalLiveKit({ ports: 'free' });
    await server.stop();
    assert.match(await readFile(server.logFile, 'utf8'), /starting LiveKit server/);
  });
});

describe('a server whose parent process ends', () => {
  it('does not outlive a parent that exits', async () => {
    const parent = await startParent();
    parent.process.stdin.end('exit\n');
    await once(parent.process, 'exit');
    assert.ok(await eventually(() => !isRunning(parent.serverPid)), 'server still running');
  });

  it('does not outlive a parent killed by SIGTERM, and the parent still dies of it', async () => {
    const parent = await startParent();
    parent.process.kill('SIGTERM');
    const [code, signal] = await once(parent.process, 'exit');
    assert.deepEqual([code, signal], [null, 'SIGTERM']);
    assert.ok(await eventually(() => !isRunning(parent.serverPid)), 'server still running');
  });
});

describe('resolveLiveKitBinary', () => {
  it('without a binary, Go or a cache, rejects saying how to provide LiveKit', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'expert-call-no-go-'));
    try {
      const env = { PATH: empty, HOME: empty, XDG_CACHE_HOME: empty };
      await assert.rejects(resolveLiveKitBinary(env), (error) => {
        assert.ok(error instanceof LiveKitUnavailableError);
        assert.equal(error.reason, 'no-go-no-binary');
        assert.match(error.message, /LIVEKIT_SERVER_BIN/);
        assert.match(error.message, /LIVEKIT_URL/);
        return true;
      });
      assert.deepEqual(await readdir(empty), []);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('uses LIVEKIT_SERVER_BIN first', async () => {
    const env = { PATH: '', LIVEKIT_SERVER_BIN: process.execPath };
    assert.equal(await resolveLiveKitBinary(env), process.execPath);
  });

  it('rejects a LIVEKIT_SERVER_BIN that is not an executable file', async () => {
    const env = { PATH: '', LIVEKIT_SERVER_BIN: tmpdir() };
    await assert.rejects(resolveLiveKitBinary(env), { reason: 'invalid-env' });
  });
});

describe('hostedLiveKitFromEnv', () => {
  const hosted = {
    LIVEKIT_URL: 'wss://shop.livekit.cloud',
    LIVEKIT_API_KEY: 'APIkey',
    LIVEKIT_API_SECRET: 'secret',
  };

  it('gives the hosted LiveKit when URL, key and secret are all set', () => {
    assert.deepEqual(hostedLiveKitFromEnv(hosted), {
      url: 'wss://shop.livekit.cloud',
      apiKey: 'APIkey',
      apiSecret: 'secret',
    });
  });

  it('gives null when none is set, or all are empty', () => {
    assert.equal(hostedLiveKitFromEnv({}), null);
    assert.equal(
      hostedLiveKitFromEnv({ LIVEKIT_URL: '', LIVEKIT_API_KEY: ' ', LIVEKIT_API_SECRET: '' }),
      null,
    );
  });

  it('throws naming what is missing when only some are set', () => {
    assert.throws(
      () => hostedLiveKitFromEnv({ LIVEKIT_URL: hosted.LIVEKIT_URL }),
      (error) => {
        assert.ok(error instanceof LiveKitUnavailableError);
        assert.equal(error.reason, 'invalid-env');
        assert.match(error.message, /LIVEKIT_API_KEY and LIVEKIT_API_SECRET/);
        return true;
      },
    );
  });

  it('throws when the URL is not ws:// or wss://', () => {
    assert.throws(
      () => hostedLiveKitFromEnv({ ...hosted, LIVEKIT_URL: 'https://shop.livekit.cloud' }),
      {
        reason: 'invalid-env',
      },
    );
  });
});

/** The error code of a TCP connection to host:port, or 'connected'. */
async function connectError(host: string, port: number): Promise<string> {
  const socket = connect({ host, port });
  try {
    await once(socket, 'connect');
    return 'connected';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  } finally {
    socket.destroy();
  }
}

/** Alive and not a zombie: an orphan killed by signal may wait a moment for init to reap it. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Polls `condition` for up to 10 s; a safety net against hanging, not a timing requirement. */
async function eventually(condition: () => boolean | Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return true;
    await sleep(50);
  }
  return false;
}

/**
 * A Node process that starts a server with free ports, prints its pid, and calls process.exit()
 * on a line from stdin (it must not exit before the test has seen the server running).
 */
async function startParent() {
  const script = `
    import { startLocalLiveKit } from ${JSON.stringify(MODULE)};
    const server = await startLocalLiveKit({ ports: 'free' });
    process.stdin.once('data', () => process.exit(0));
    process.stdout.write(server.pid + '\\n');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const serverPid = Number(line.toString().trim());
  assert.ok(isRunning(serverPid), `parent did not start a server: ${line.toString()}`);
  return { process: child, serverPid };
}

interface SocketAddress {
  protocol: string;
  address: string;
  loopback: boolean;
}

/** Local addresses of the TCP and UDP sockets process `pid` holds, from /proc. */
async function socketAddresses(pid: number): Promise<SocketAddress[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  const found: SocketAddress[] = [];
  for (const protocol of ['tcp', 'tcp6', 'udp', 'udp6']) {
    const table = await readFile(`/proc/${pid}/net/${protocol}`, 'utf8');
    for (const row of table.trim().split('\n').slice(1)) {
      const fields = row.trim().split(/\s+/);
      const [hexAddress = ''] = (fields[1] ?? '').split(':');
      if (!inodes.has(fields[9] ?? '')) continue;
      found.push({ protocol, ...decodeAddress(hexAddress) });
    }
  }
  return found;
}

/** /proc/net writes addresses as 32-bit words in host order (little-endian here). */
function decodeAddress(hex: string): { address: string; loopback: boolean } {
  const bytes = (hex.match(/.{8}/g) ?? []).flatMap((word) =>
    (word.match(/../g) ?? []).reverse().map((byte) => parseInt(byte, 16)),
  );
  if (bytes.length === 4) return { address: bytes.join('.'), loopback: bytes[0] === 127 };
  const isIpv6Loopback = bytes.every((byte, i) => byte === (i === 15 ? 1 : 0));
  const isMappedIpv4Loopback =
    bytes.slice(0, 10).every((byte) => byte === 0) &&
    bytes[10] === 0xff &&
    bytes[11] === 0xff &&
    bytes[12] === 127;
  const address = (hex.match(/.{8}/g) ?? [])
    .map((word) => (word.match(/../g) ?? []).reverse().join(''))
    .join('')
    .replace(/(.{4})(?!$)/g, '$1:');
  return { address, loopback: isIpv6Loopback || isMappedIpv4Loopback };
}
