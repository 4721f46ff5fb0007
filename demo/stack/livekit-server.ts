/**
 * The LiveKit server the demo and the tests talk to: a hosted one given by environment variables,
 * or a local livekit-server started from livekit/livekit.yaml on loopback.
 *
 * As a command, `npx tsx demo/stack/livekit-server.ts ensure` provisions the binary (building it
 * with Go if needed) and prints its path, so CI can pay the build before the tests start.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { constants } from 'node:fs';
import {
  access,
  mkdir,
  mkdtemp,
  open,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  writeFile,
} from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { RoomServiceClient } from 'livekit-server-sdk';

/** Later versions replace pion modules with forks the Go proxy refuses: see toolchain notes. */
export const LIVEKIT_SERVER_VERSION = 'v1.13.5';

const GO_PACKAGE = 'github.com/livekit/livekit-server/cmd/server';
const CONFIG_FILE = fileURLToPath(new URL('../../livekit/livekit.yaml', import.meta.url));
const READY_TIMEOUT_MS = 20_000;
/**
 * v1.13.5 answers HTTP 100 ms before it marks itself running, and a SIGTERM in that window is
 * ignored for good (Stop() returns early in pkg/service/server.go): stop() waits it out.
 */
const SIGTERM_DEAF_MS = 150;
/** A second SIGTERM makes LiveKit stop without waiting for connected participants to leave. */
const FORCE_AFTER_MS = 1_000;
const KILL_AFTER_MS = 5_000;
/** Below Linux's ephemeral range (32768-60999), where the kernel picks ports for clients. */
const UDP_RANGE_FLOOR = 20_000;
const UDP_RANGE_CEILING = 32_000;
const FREE_PORT_ATTEMPTS = 3;

export interface LiveKitCredentials {
  /** ws:// or wss:// URL that browsers and the hub connect to. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

export interface LocalLiveKit extends LiveKitCredentials {
  /** Signal and API port on 127.0.0.1. */
  readonly port: number;
  /** Process id of livekit-server, for tests that check it is really gone. */
  readonly pid: number;
  /** The server's stdout and stderr; kept after stop() for post-mortems (in a temp folder by default). */
  readonly logFile: string;
  /** Ends the server: SIGTERM, a forcing SIGTERM after 1 s, SIGKILL after 5 s. Idempotent. */
  stop(): Promise<void>;
  /**
   * Kills the server as a crash would (SIGKILL: no goodbye to anyone) and resolves once the
   * process is gone. A later stop() only cleans up.
   */
  kill(): Promise<void>;
}

export type LiveKitUnavailableReason =
  /** No livekit-server binary anywhere, and no Go to build one. */
  | 'no-go-no-binary'
  /** LIVEKIT_SERVER_BIN points at no executable, or LIVEKIT_URL/_API_KEY/_API_SECRET are partly set. */
  | 'invalid-env'
  | 'build-failed'
  /** The server exited before answering, or rejected the key from livekit.yaml. */
  | 'start-failed'
  /** The server kept running but did not answer within 20 s. */
  | 'not-ready';

export class LiveKitUnavailableError extends Error {
  override readonly name = 'LiveKitUnavailableError';

  constructor(
    readonly reason: LiveKitUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const HOW_TO_PROVIDE_LIVEKIT =
  `No livekit-server binary was found and Go is not installed to build one: install Go, ` +
  `or set LIVEKIT_SERVER_BIN to a livekit-server ${LIVEKIT_SERVER_VERSION} binary, ` +
  `or set LIVEKIT_URL + LIVEKIT_API_KEY + LIVEKIT_API_SECRET to use a hosted LiveKit.`;

/**
 * LiveKit given by LIVEKIT_URL + LIVEKIT_API_KEY + LIVEKIT_API_SECRET (hosted / self-hosted), or
 * null when none is set; throws `invalid-env` if only some are set or the URL is not ws(s)://.
 */
export function hostedLiveKitFromEnv(env = process.env): LiveKitCredentials | null {
  const given = {
    LIVEKIT_URL: env.LIVEKIT_URL?.trim() ?? '',
    LIVEKIT_API_KEY: env.LIVEKIT_API_KEY?.trim() ?? '',
    LIVEKIT_API_SECRET: env.LIVEKIT_API_SECRET?.trim() ?? '',
  };
  const missing = Object.entries(given).filter(([, value]) => value === '');
  if (missing.length === Object.keys(given).length) return null;
  if (missing.length > 0) {
    const names = missing.map(([name]) => name).join(' and ');
    throw new LiveKitUnavailableError(
      'invalid-env',
      `A hosted LiveKit needs LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together: set ${names} too, or unset them all to run a local server.`,
    );
  }
  if (!/^wss?:\/\//.test(given.LIVEKIT_URL)) {
    throw new LiveKitUnavailableError(
      'invalid-env',
      `LIVEKIT_URL must start with ws:// or wss://, got ${given.LIVEKIT_URL}.`,
    );
  }
  return {
    url: given.LIVEKIT_URL,
    apiKey: given.LIVEKIT_API_KEY,
    apiSecret: given.LIVEKIT_API_SECRET,
  };
}

/**
 * Path of a livekit-server binary: $LIVEKIT_SERVER_BIN, else `livekit-server` on PATH, else the
 * cached build at ${XDG_CACHE_HOME:-~/.cache}/expert-call/livekit-server-v1.13.5, else builds it
 * there with `go install` (about 2 minutes, once).
 */
export async function resolveLiveKitBinary(env = process.env): Promise<string> {
  const fromEnv = env.LIVEKIT_SERVER_BIN?.trim();
  if (fromEnv) {
    if (await isExecutableFile(fromEnv)) return resolve(fromEnv);
    throw new LiveKitUnavailableError(
      'invalid-env',
      `LIVEKIT_SERVER_BIN is ${fromEnv}, which is not an executable file: point it at a livekit-server ${LIVEKIT_SERVER_VERSION} binary, or unset it.`,
    );
  }
  const onPath = await findOnPath('livekit-server', env);
  if (onPath) return onPath;

  const cached = join(cacheDir(env), `livekit-server-${LIVEKIT_SERVER_VERSION}`);
  if (await isExecutableFile(cached)) return cached;

  const go = await findOnPath('go', env);
  if (!go) throw new LiveKitUnavailableError('no-go-no-binary', HOW_TO_PROVIDE_LIVEKIT);
  await buildWithGo(go, cached, env);
  return cached;
}

/**
 * Builds into a folder of its own and renames the binary into place, so a second process
 * building at the same time, or one killed halfway, never leaves a partial file at `target`.
 */
async function buildWithGo(go: string, target: string, env: NodeJS.ProcessEnv): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const buildDir = await mkdtemp(join(dirname(target), '.build-'));
  process.stderr.write(
    `expert-call: building livekit-server ${LIVEKIT_SERVER_VERSION} with Go into ${target} (once, about 2 minutes)\n`,
  );
  try {
    await promisify(execFile)(go, ['install', `${GO_PACKAGE}@${LIVEKIT_SERVER_VERSION}`], {
      env: { ...env, GOBIN: buildDir },
      maxBuffer: 16 * 1024 * 1024,
    });
    await rename(join(buildDir, 'server'), target);
  } catch (error) {
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    throw new LiveKitUnavailableError(
      'build-failed',
      `go install ${GO_PACKAGE}@${LIVEKIT_SERVER_VERSION} failed: ${lastLines(output || String(error), 10)}`,
      { cause: error },
    );
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
}

function cacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  // The XDG spec says to ignore a relative XDG_CACHE_HOME.
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'expert-call');
}

async function findOnPath(command: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && (await isExecutableFile(join(dir, command)))) return resolve(dir, command);
  }
  return null;
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

interface ServerPorts {
  /** Signal and API (HTTP, WebSocket). */
  http: number;
  /** ICE over TCP; 0 when off. */
  rtcTcp: number;
  /** ICE over UDP, one port per peer connection. */
  udpStart: number;
  udpEnd: number;
}

interface DevConfig {
  ports: ServerPorts;
  apiKey: string;
  apiSecret: string;
}

/** A `key: value` line at the top level or one level under a section (`rtc:`, `keys:`). */
interface ConfigLine {
  index: number;
  indent: string;
  path: string;
  value: string;
  comment: string;
}

/**
 * Reads the few lines of livekit.yaml we need. The file is ours, so this reads only its shape
 * (two levels, `key: value` lines) and fails loudly if that shape changes, instead of pulling a
 * YAML library in for four numbers and a key.
 */
function configLines(text: string): ConfigLine[] {
  const lines: ConfigLine[] = [];
  let section = '';
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /^( *)([A-Za-z0-9_]+):(?: +([^#]*?))?( +#.*)?$/.exec(line);
    if (!match) return;
    const [, indent = '', key = '', value = '', comment = ''] = match;
    if (indent === '') section = key;
    else if (indent !== '  ') return;
    lines.push({
      index,
      indent,
      path: indent ? `${section}.${key}` : key,
      value: value.trim(),
      comment,
    });
  });
  return lines;
}

function readDevConfig(text: string): DevConfig {
  const lines = configLines(text);
  const port = (path: string): number => {
    const value = lines.find((line) => line.path === path)?.value ?? '';
    if (!/^\d+$/.test(value)) throw new Error(`${CONFIG_FILE}: expected a number at ${path}`);
    return Number(value);
  };
  const keys = lines.filter((line) => line.path.startsWith('keys.'));
  const [key] = keys;
  if (keys.length !== 1 || !key || !key.value) {
    throw new Error(`${CONFIG_FILE}: expected exactly one "key: secret" line under keys:`);
  }
  return {
    ports: {
      http: port('port'),
      rtcTcp: port('rtc.tcp_port'),
      udpStart: port('rtc.port_range_start'),
      udpEnd: port('rtc.port_range_end'),
    },
    apiKey: key.path.slice('keys.'.length),
    apiSecret: key.value.replace(/^(['"])(.*)\1$/, '$2'),
  };
}

/** The same config with other ports: every other setting stays as the repository has it. */
function withPorts(text: string, ports: ServerPorts): string {
  const values: Record<string, number> = {
    port: ports.http,
    'rtc.tcp_port': ports.rtcTcp,
    'rtc.port_range_start': ports.udpStart,
    'rtc.port_range_end': ports.udpEnd,
  };
  const lines = text.split(/\r?\n/);
  for (const line of configLines(text)) {
    const value = values[line.path];
    if (value === undefined) continue;
    lines[line.index] = `${line.indent}${line.path.split('.').at(-1)}: ${value}${line.comment}`;
  }
  return lines.join('\n');
}

/** The sections livekit.yaml leaves out: webhooks and Redis, when asked for. */
function extraConfig(opts: LocalLiveKitOptions, config: DevConfig): string {
  const sections: string[] = [];
  if (opts.webhookUrls?.length) {
    const urls = opts.webhookUrls.map((url) => JSON.stringify(url)).join(', ');
    sections.push(`webhook:\n  api_key: ${config.apiKey}\n  urls: [${urls}]`);
  }
  if (opts.redis) {
    const { address, db } = opts.redis;
    sections.push(`redis:\n  address: ${JSON.stringify(address)}\n  db: ${db}`);
  }
  return sections.map((section) => `\n${section}\n`).join('');
}

async function freePorts(config: ServerPorts): Promise<ServerPorts> {
  const width = config.udpEnd - config.udpStart;
  const udpStart = await freeUdpRange(width);
  return {
    http: await freeTcpPort(),
    // 0 means ICE over TCP is off in livekit.yaml; a free port must not turn it on.
    rtcTcp: config.rtcTcp === 0 ? 0 : await freeTcpPort(),
    udpStart,
    udpEnd: udpStart + width,
  };
}

/**
 * A TCP port free right now (it may be taken later). Probes all interfaces, not just loopback:
 * LiveKit's ICE/TCP listener binds to all of them.
 */
export async function freeTcpPort(): Promise<number> {
  const server = createServer();
  server.listen(0);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** A random range whose ports all bind on 127.0.0.1 right now (they may be taken later). */
async function freeUdpRange(width: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const start =
      UDP_RANGE_FLOOR + Math.floor(Math.random() * (UDP_RANGE_CEILING - UDP_RANGE_FLOOR - width));
    const ports = Array.from({ length: width + 1 }, (_, i) => start + i);
    const free = await Promise.all(ports.map(udpPortIsFree));
    if (free.every(Boolean)) return start;
  }
  throw new Error(
    `no free UDP range of ${width + 1} ports between ${UDP_RANGE_FLOOR} and ${UDP_RANGE_CEILING}`,
  );
}

async function udpPortIsFree(port: number): Promise<boolean> {
  const socket = createSocket('udp4');
  try {
    socket.bind(port, '127.0.0.1');
    await once(socket, 'listening');
    return true;
  } catch {
    return false;
  } finally {
    socket.close();
  }
}

export interface LocalLiveKitOptions {
  ports?: 'config' | 'free';
  logFile?: string;
  env?: NodeJS.ProcessEnv;
  /** Where LiveKit posts what the media did, signed with the config's key (a hub's webhook URL). */
  webhookUrls?: readonly string[];
  /**
   * LiveKit's own multi-node mode: servers given the same Redis database share their rooms,
   * each room lives on one of them, and any of them routes signal and API calls to it.
   */
  redis?: { address: string; db: number };
}

/**
 * Starts livekit-server from livekit/livekit.yaml, bound to 127.0.0.1, and resolves once it
 * answers and accepts the config's key. With `ports: 'free'` it takes free ports instead of the
 * config's, so several servers can run at once. The server does not keep this process alive,
 * and it is killed when this process exits or dies of SIGINT, SIGTERM or SIGHUP.
 */
export async function startLocalLiveKit(opts: LocalLiveKitOptions = {}): Promise<LocalLiveKit> {
  const env = opts.env ?? process.env;
  const binary = await resolveLiveKitBinary(env);
  const configText = await readFile(CONFIG_FILE, 'utf8');
  const config = readDevConfig(configText);
  const workDir = await mkdtemp(join(tmpdir(), 'expert-call-livekit-'));
  const logFile = resolve(opts.logFile ?? join(workDir, 'livekit-server.log'));

  // Ports probed free can be taken before the server binds them; with fresh ones it is unlikely twice.
  for (let attempt = 1; ; attempt++) {
    const ports = opts.ports === 'free' ? await freePorts(config.ports) : config.ports;
    const configFile = join(workDir, 'livekit.yaml');
    await writeFile(configFile, withPorts(configText, ports) + extraConfig(opts, config));
    try {
      return await startServer({ binary, workDir, configFile, logFile, ports, config, env });
    } catch (error) {
      const retry =
        opts.ports === 'free' &&
        attempt < FREE_PORT_ATTEMPTS &&
        error instanceof LiveKitUnavailableError &&
        /address already in use/.test(error.message);
      if (!retry) throw error;
    }
  }
}

async function startServer(start: {
  binary: string;
  workDir: string;
  configFile: string;
  logFile: string;
  ports: ServerPorts;
  config: DevConfig;
  env: NodeJS.ProcessEnv;
}): Promise<LocalLiveKit> {
  const { binary, configFile, logFile, ports, config } = start;
  await mkdir(dirname(logFile), { recursive: true });
  const log = await open(logFile, 'w');
  const child = spawn(binary, ['--config', configFile], {
    stdio: ['ignore', log.fd, log.fd],
    env: serverEnv(start.env),
  });
  await log.close(); // the child holds its own copy
  child.unref();
  let spawnError: Error | undefined;
  child.on('error', (error) => (spawnError = error));
  const forgetChild = killWithParent(child);

  let answeredAt = Date.now();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= stopChild(child, answeredAt + SIGTERM_DEAF_MS).finally(async () => {
      forgetChild();
      await rm(configFile, { force: true });
      await rmdir(start.workDir).catch(() => {}); // kept when it holds the log
    }));

  const credentials = {
    url: `ws://127.0.0.1:${ports.http}`,
    apiKey: config.apiKey,
    apiSecret: config.apiSecret,
  };
  try {
    await waitUntilReady(child, ports.http, logFile, () => spawnError);
    answeredAt = Date.now();
    await checkKeyAccepted(credentials, ports.http);
  } catch (error) {
    await stop();
    if (!(error instanceof LiveKitUnavailableError)) throw error;
    const tail = lastLines(await readFile(logFile, 'utf8').catch(() => ''), 15);
    throw new LiveKitUnavailableError(error.reason, `${error.message} (log ${logFile}):\n${tail}`, {
      cause: error,
    });
  }
  const kill = async (): Promise<void> => {
    if (!hasExited(child)) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    await stop();
  };
  return { ...credentials, port: ports.http, pid: child.pid ?? 0, logFile, stop, kill };
}

/**
 * livekit-server takes any config key from a LIVEKIT_<KEY> variable over the file, the whole file
 * from LIVEKIT_CONFIG and the keys from LIVEKIT_KEYS; a developer's hosted-LiveKit settings must
 * not silently reconfigure the local server.
 */
function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const unprefixed = new Set(['NODE_IP', 'UDP_PORT', 'REDIS_HOST', 'REDIS_PASSWORD']);
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !name.startsWith('LIVEKIT_') && !unprefixed.has(name)),
  );
}

/**
 * Ready means our child answers GET / with 200. Another server on the same port (a dev server
 * left on 7880) would answer too, with the same key: so first wait for the child's own log line
 * saying it bound the port, which it prints only once its listeners are open.
 */
async function waitUntilReady(
  child: ChildProcess,
  port: number,
  logFile: string,
  spawnError: () => Error | undefined,
): Promise<void> {
  const boundOurPort = new RegExp(`starting LiveKit server.*"portHttp": ?${port}\\b`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const error = spawnError();
    if (error || hasExited(child)) {
      const why = error?.message ?? `it exited with ${child.exitCode ?? child.signalCode}`;
      throw new LiveKitUnavailableError('start-failed', `livekit-server did not start: ${why}`);
    }
    if (boundOurPort.test(await readFile(logFile, 'utf8'))) {
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        signal: AbortSignal.timeout(1_000),
      }).catch(() => null);
      if (response?.status === 200) return;
    }
    await sleep(50);
  }
  throw new LiveKitUnavailableError(
    'not-ready',
    `livekit-server did not answer on http://127.0.0.1:${port}/ within ${READY_TIMEOUT_MS / 1000} s`,
  );
}

/** The keys we hand out are read from the yaml; prove the server took the same ones. */
async function checkKeyAccepted(credentials: LiveKitCredentials, port: number): Promise<void> {
  const rooms = new RoomServiceClient(
    `http://127.0.0.1:${port}`,
    credentials.apiKey,
    credentials.apiSecret,
  );
  try {
    await rooms.listRooms();
  } catch (error) {
    throw new LiveKitUnavailableError(
      'start-failed',
      `livekit-server rejected the key "${credentials.apiKey}" from ${CONFIG_FILE}: ${String(error)}`,
      { cause: error },
    );
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** `deafUntil`: the time before which LiveKit would ignore SIGTERM (see SIGTERM_DEAF_MS). */
async function stopChild(child: ChildProcess, deafUntil: number): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return;
  const exited = once(child, 'exit').then(() => true);
  const within = (ms: number) => Promise.race([exited, sleep(ms).then(() => false)]);
  if (await within(deafUntil - Date.now())) return;
  child.kill('SIGTERM');
  if (await within(FORCE_AFTER_MS)) return;
  child.kill('SIGTERM');
  if (await within(KILL_AFTER_MS - FORCE_AFTER_MS)) return;
  child.kill('SIGKILL');
  await exited;
}

/**
 * Kills `child` when this process exits, or dies of a signal that would skip 'exit'. Returns the
 * function that stops watching. A signal handler we add must not keep this process alive: when
 * ours is the last handler, the signal is raised again so the default action (dying) happens.
 */
function killWithParent(child: ChildProcess): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const kill = () => child.kill('SIGKILL');
  const onSignal = (signal: NodeJS.Signals) => {
    kill();
    forget();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const forget = () => {
    process.off('exit', kill);
    for (const signal of signals) process.off(signal, onSignal);
  };
  process.on('exit', kill);
  for (const signal of signals) process.on(signal, onSignal);
  return forget;
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

async function main(command: string | undefined): Promise<number> {
  if (command !== 'ensure') {
    process.stderr.write('usage: livekit-server.ts ensure   (prints the livekit-server path)\n');
    return 2;
  }
  try {
    process.stdout.write(`${await resolveLiveKitBinary()}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof LiveKitUnavailableError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv[2]);
}
