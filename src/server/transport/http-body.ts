/** Reading a request's body with a bound: what a client sends past it is never kept. */
import type { IncomingMessage } from 'node:http';

/**
 * The request's body, or undefined once it passes `max` bytes (by its content-length,
 * or as it arrives when it is sent in chunks).
 */
export function readBody(request: IncomingMessage, max: number): Promise<Buffer | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > max) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= max) return void chunks.push(chunk);
      // Not destroyed: the answer must still reach the sender, and the server drops the rest.
      request.off('data', onData);
      resolve(undefined);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}
