/**
 * Checking a config file with valibot so that every problem names its field, as written in
 * the file (`hours.weekly.mon[0].from`), and says what was expected and what was found,
 * in words an operator reads at a glance rather than valibot's own.
 */
import * as v from 'valibot';

export interface ConfigIssue {
  /** Where, as in the file: `hours.weekly.mon[0].from`; empty for the document itself. */
  path: string;
  message: string;
}

/** `json` checked against `schema`: its output, or every problem found (never just the first). */
export function checkConfig<T>(
  schema: v.GenericSchema<unknown, T>,
  json: unknown,
): { ok: true; value: T } | { ok: false; issues: ConfigIssue[] } {
  const result = v.safeParse(schema, json, { message: plainMessage });
  if (result.success) return { ok: true, value: result.output };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })),
  };
}

/** How a value that was given is shown in a message. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

/** A message function: `expected <what>, got <the value>`. */
export const expecting =
  (what: string) =>
  (issue: { input: unknown }): string =>
    `expected ${what}, got ${shown(issue.input)}`;

/** Valibot's words for what it expected, in ours. */
const EXPECTED: Record<string, string> = {
  Object: 'an object',
  Array: 'a list',
  string: 'a string',
  number: 'a number',
};

/** Messages for the issues no schema below words itself: wrong types, missing fields. */
function plainMessage(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.at(-1);
  if (last?.type === 'object' && last.origin === 'key' && issue.input === undefined) {
    return 'is required';
  }
  const expected = issue.expected ?? 'something else';
  return `expected ${EXPECTED[expected] ?? expected}, got ${shown(issue.input)}`;
}

/** `hours.weekly.mon[0].from`, from valibot's path of keys. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path ? `.${String(key)}` : String(key);
  }
  return path;
}

/** One step of an issue's path, for checks that report a problem below where they run. */
export const keyItem = (input: unknown, key: string | number): v.IssuePathItem =>
  typeof key === 'number'
    ? { type: 'array', origin: 'value', input: input as unknown[], key, value: undefined }
    : {
        type: 'object',
        origin: 'value',
        input: input as Record<string, unknown>,
        key,
        value: undefined,
      };

/**
 * An object that rejects fields it does not declare, every one of them (valibot's
 * `strictObject` stops at the first), naming the fields it knows.
 */
export function strict<const E extends v.ObjectEntries>(
  entries: E,
): v.GenericSchema<
  v.InferInput<v.ObjectSchema<E, undefined>>,
  v.InferOutput<v.ObjectSchema<E, undefined>>
> {
  const unknownField = v.never(`unknown field; known fields: ${Object.keys(entries).join(', ')}`);
  // Valibot takes a list for an object (typeof [] is 'object'), then misses its fields.
  const notList = v.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    expecting('an object'),
  );
  // The rest schema never matches, so the output has exactly the declared fields.
  return v.pipe(notList, v.objectWithRest(entries, unknownField)) as unknown as v.GenericSchema<
    v.InferInput<v.ObjectSchema<E, undefined>>,
    v.InferOutput<v.ObjectSchema<E, undefined>>
  >;
}

/** A list whose items must differ by `keyOf`; a repeat is reported at its own index. */
export function noRepeats<T>(keyOf: (item: T) => unknown, what: string) {
  return v.rawCheck<T[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Map<unknown, number>();
    dataset.value.forEach((item, index) => {
      const key = keyOf(item);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else
        addIssue({
          message: `${what} ${JSON.stringify(key)} is already at [${first}]`,
          path: [keyItem(dataset.value, index)],
        });
    });
  });
}
