/**
 * Frames no well-behaved browser sends, for the property tests of the codec and of the hub:
 * the protocol's own examples (test/support/protocol-examples.ts) with one thing changed (a
 * field's value, type or length, a field missing or added, deep in the message or at its top),
 * raw JSON numbers no double holds, text with lone surrogates and control characters, nesting
 * deeper than any message, frames that are not JSON, and frames over the size limit.
 */
import fc from 'fast-check';
import { MAX_FRAME_BYTES } from '../../src/protocol/index.js';
import { clientMessages, serverMessages } from './protocol-examples.js';

/** One UTF-16 unit or character of the kinds that break text handling. */
const unit = fc.oneof(
  fc.constantFrom(
    '\uD800', // a high surrogate alone
    '\uDBFF',
    '\uDC00', // a low surrogate alone
    '\uDFFF',
    '\u0000',
    '\u001B',
    '\u007F',
    '\u200B', // zero width space
    '\u202E', // right-to-left override
    '\uFEFF',
    '\uFFFF',
    '😀',
    '"',
    '\\',
    '<script>',
    ' ',
  ),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom(...'aZ09-_.'),
);

/** Short text of any UTF-16 units, lone surrogates included. */
export const junkText = fc.string({ unit, maxLength: 40 });

/** Numbers at the edges: huge, tiny, negative zero, past the safe integers, not integers. */
const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1e21,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    -(2 ** 31) - 1,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, a little nested. */
export const junkValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    junkText,
    edgeNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(junkText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** JSON text no double reads as written: it parses, but to Infinity, or loses digits. */
const rawNumber = fc.constantFrom(
  '1e999',
  '-1e999',
  `1${'0'.repeat(400)}`,
  '0.0000000000000000000000000000000000000000000001',
  '-0',
  '9007199254740993',
  '1E+2',
);

type Path = Array<string | number>;

/** Every path to a value inside `value` (not the root itself). */
function pathsIn(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsIn(child, [...prefix, key])]);
}

type Change =
  | { kind: 'set'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'add'; key: string; value: unknown }
  | { kind: 'stretch'; times: number }
  | { kind: 'raw'; token: string };

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: junkValue.map((value) => ({ kind: 'set' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(junkText, fc.constantFrom('type', '__proto__', 'constructor')), junkValue)
      .map(([key, value]) => ({ kind: 'add' as const, key, value })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 2, max: 3000 }).map((times) => ({
      kind: 'stretch' as const,
      times,
    })),
  },
  { weight: 1, arbitrary: rawNumber.map((token) => ({ kind: 'raw' as const, token })) },
);

const RAW = '\u0000raw-token\u0000';

/** A stretched string is at most about this long: frames stay well under a socket's limit. */
const STRETCHED = 40_000;

/**
 * The longest frame generated: several times the protocol's limit, far under the socket's
 * (1 MB, past which the hub closes the socket; a test of its own covers that).
 */
export const MAX_GENERATED_BYTES = 256 * 1024;

/** `message` as a frame, with `change` made at the `pick`-th of its paths (or its root). */
function changed(message: object, pick: number, change: Change): string {
  const copy = structuredClone(message) as Record<string, unknown>;
  const paths = pathsIn(copy);
  const path = paths.length > 0 ? paths[pick % paths.length]! : [];
  const parentPath = path.slice(0, -1);
  const key = path.at(-1);
  const parent = parentPath.reduce<unknown>(
    (at, k) => (at as Record<string | number, unknown>)[k],
    copy,
  ) as Record<string | number, unknown>;
  switch (change.kind) {
    case 'set':
      if (key === undefined) return JSON.stringify(change.value);
      parent[key] = change.value;
      break;
    case 'delete':
      if (key !== undefined) {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      }
      break;
    case 'add': {
      const target = key !== undefined && isObject(parent[key]) ? parent[key] : copy;
      // defineProperty: a "__proto__" key becomes a real field of the JSON, as an attacker's would.
      Object.defineProperty(target, change.key, {
        value: change.value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      break;
    }
    case 'stretch':
      if (key !== undefined) {
        const value = parent[key];
        parent[key] =
          typeof value === 'string'
            ? (value || 'x').repeat(
                Math.min(change.times, Math.ceil(STRETCHED / (value.length || 1))),
              )
            : Array.isArray(value)
              ? Array.from({ length: Math.min(change.times, 600) }, () => value[0] ?? 'x')
              : typeof value === 'number'
                ? value * change.times ** 8
                : value;
      }
      break;
    case 'raw':
      if (key !== undefined) parent[key] = RAW;
      return JSON.stringify(copy).replace(JSON.stringify(RAW), change.token);
  }
  return JSON.stringify(copy);
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/** Arbitrary frames built from `examples`: changed, and every other kind of junk. */
function framesFrom(examples: object[]): fc.Arbitrary<string> {
  const example = fc.constantFrom(...examples);
  return anyFrameFrom(example).filter((frame) => byteLength(frame) <= MAX_GENERATED_BYTES);
}

function anyFrameFrom(example: fc.Arbitrary<object>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: example.map((m) => JSON.stringify(m)) },
    {
      weight: 8,
      arbitrary: fc
        .tuple(example, fc.nat(), change)
        .map(([message, pick, how]) => changed(message, pick, how)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(example, fc.nat(), change, fc.nat(), change)
        .map(([message, pick, how, pick2, how2]) => {
          let once: unknown;
          try {
            once = JSON.parse(changed(message, pick, how));
          } catch {
            return changed(message, pick2, how2);
          }
          return isObject(once) ? changed(once, pick2, how2) : JSON.stringify(once);
        }),
    },
    // Not JSON at all, or JSON that is not an object.
    { weight: 1, arbitrary: junkText },
    { weight: 1, arbitrary: junkValue.map((v) => JSON.stringify(v) ?? 'null') },
    // A frame cut short, as a broken sender would.
    {
      weight: 1,
      arbitrary: fc
        .tuple(example, fc.nat())
        .map(([m, at]) => JSON.stringify(m).slice(0, at % JSON.stringify(m).length)),
    },
    // Nested deeper than any message, inside a field or as the whole frame.
    {
      weight: 1,
      arbitrary: fc
        .tuple(example, fc.integer({ min: 1, max: 5000 }), fc.boolean())
        .map(([m, depth, inField]) => {
          const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
          return inField ? JSON.stringify(m).replace(/}$/, `,"deep":${deep}}`) : deep;
        }),
    },
    // Over the size limit, by a little or a lot.
    {
      weight: 1,
      arbitrary: fc
        .tuple(example, fc.integer({ min: 1, max: 3 * MAX_FRAME_BYTES }))
        .map(([m, over]) =>
          JSON.stringify({ ...m, padding: 'é'.repeat(Math.ceil((MAX_FRAME_BYTES + over) / 2)) }),
        ),
    },
  );
}

/** Frames as a browser might send them to the hub, most of them wrong. */
export const clientFrame = framesFrom(clientMessages.flat());

/** Frames as the hub might send them to a browser, most of them wrong. */
export const serverFrame = framesFrom(serverMessages.flat());

export function byteLength(frame: string): number {
  return Buffer.byteLength(frame, 'utf8');
}
