/**
 * A small static server for the demo pages and the built embed: `/` serves demo/, and
 * `/expert-call/` serves dist/embed/ (what a shop would host or take from our CDN).
 * HTML pages get the hub's URL put in place of `__HUB_URL__`.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.tflite': 'application/octet-stream',
};

/**
 * The same strict policy a careful shop would set, with exactly what the README tells a shop to
 * add (its "Content-Security-Policy and Trusted Types" section): our embed must work under it.
 */
export function shopPolicy(connectTo: string[], ownTrustedTypes: string[] = []): string {
  return [
    "default-src 'self'",
    // Background blur runs MediaPipe's WebAssembly.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    // The hub's origin: the photos of a conversation are served by it.
    `img-src 'self' data: blob: ${connectTo.filter((source) => source.startsWith('http')).join(' ')}`,
    // 'self': the blur's files, fetched from where the embed is hosted.
    `connect-src 'self' ${connectTo.join(' ')}`,
    "require-trusted-types-for 'script'",
    `trusted-types ${[...ownTrustedTypes, 'expert-call'].join(' ')}`,
  ].join('; ');
}

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: {
  root: string;
  mounts: Record<string, string>;
  /** The hub's URL, written into the pages (asked per page: the hub starts after this server). */
  hubUrl: () => string;
  /** What the pages may connect to (connect-src): the hub, and the LiveKit server it hands out. */
  connectTo: () => string[];
  /** The page's own Trusted Types policies (a shop built with Lit has `lit-html`). */
  trustedTypes?: string[];
  host?: string;
  port?: number;
}): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [prefix, base] = Object.entries(options.mounts).find(([p]) => path.startsWith(p)) ?? [
      '/',
      options.root,
    ];
    const root = resolve(base);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = {
        'content-type': type,
        'cache-control': 'no-cache',
        'content-security-policy': shopPolicy(options.connectTo(), options.trustedTypes),
      };
      if (type.startsWith('text/html')) {
        const html = (await readFile(file, 'utf8')).replaceAll('__HUB_URL__', options.hubUrl());
        response.writeHead(200, headers).end(html);
      } else {
        await stat(file);
        response.writeHead(200, headers);
        createReadStream(file).pipe(response);
      }
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
