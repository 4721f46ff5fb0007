/**
 * A shop's settings, in one JSON file the hub reads at start (docs/shop-config.md documents
 * every field; config/shop.example.json is a complete example). The file is checked as a
 * whole before the hub serves anyone: each problem is reported with the path of the field and
 * what was expected, all of them at once, so a shop fixes its file in one go rather than one
 * restart per typo. Unknown fields are problems too: a misspelt optional field would
 * otherwise be silently ignored and replaced by its default.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as v from 'valibot';
import { Language, TOPIC_ID } from '../../protocol/index.js';
import {
  isTimeZone,
  parseClockTime,
  parseLocalDate,
  type DateException,
  type Hours,
  type Interval,
  type WeeklyHours,
} from '../offline/business-hours.js';
import {
  checkConfig,
  expecting,
  keyItem,
  noRepeats,
  shown,
  strict,
  type ConfigIssue,
} from './config-schema.js';

/** Opening hours as written in the file; the time zone is the shop's (`timeZone`). */
export interface ShopHours {
  weekly: WeeklyHours;
  /** Dates whose hours replace the weekly ones; `hours: []` closes the date. */
  exceptions: DateException[];
}

export interface Topic {
  /** Stable id, used by pages (`topic="repair"`) and in storage: `^[a-z0-9-]{1,40}$`. */
  id: string;
  /** What the shopper reads, in each of the shop's languages. */
  label: Partial<Record<Language, string>>;
  /** This topic's own hours, when they differ from the shop's (see {@link hoursFor}). */
  hours: ShopHours | null;
}

export interface ShopLimits {
  /** How long an expert's console rings before the next expert is tried. Default 30 000. */
  ringTimeoutMs: number;
  /** Chats one expert carries at once. Default 3. */
  maxChatsPerExpert: number;
  /**
   * How long a shopper waits in the queue before being offered a message, a callback or an
   * appointment instead. Default 120 000.
   */
  maxWaitMs: number;
  /** Length of a video appointment, and step of the appointment grid. Default 20. */
  appointmentSlotMinutes: number;
}

/** The few words a shop may change in the launcher and the panel. */
export interface ShopTexts {
  /** The launcher button, instead of "Talk to an expert". */
  /** The panel's heading. */
  panelTitle?: string;
  /** The panel's first paragraph, before any call. */
  panelIntro?: string;
  /** Shown when the shop is closed, above the message, callback and appointment choices. */
  closedMessage?: string;
}

/**
 * How the hub verifies the tokens a shop's server signs for its logged-in customers (README,
 * "Identify a logged-in customer"): a shared secret (HS256), a JWKS, or both.
 */
export interface CustomerTokenSettings {
  /** The HS256 secret, read from the environment variable the file names (`secretEnv`). */
  secret: string | null;
  /** The shop's public keys: an http(s) URL, or a JWKS file (relative to the config file). */
  jwks: string | null;
  /** The `iss` every token must have: the shop's own name for its server. */
  issuer: string;
  /** The `aud` every token must have. Default `expert-call`. */
  audience: string;
  /** The longest `exp - iat` taken, in seconds (`maxLifetimeMinutes`, default 60). */
  maxLifetimeSeconds: number;
}

export interface ShopConfig {
  shopId: string;
  /** Page origins allowed to open conversations, e.g. `https://shop.example`. */
  allowedOrigins: string[];
  /** The IANA zone the hours are read in, e.g. `Europe/Paris`. */
  timeZone: string;
  /**
   * Languages the shop answers in; the first is for pages in any other language.
   * Default `["en", "fr"]`.
   */
  languages: Language[];
  hours: ShopHours;
  topics: Topic[];
  limits: ShopLimits;
  texts: Partial<Record<Language, ShopTexts>>;
  /** Country calling code (`+33`) that phone numbers typed without one belong to; null = none. */
  callingCode: string | null;
  /** How customer tokens are verified; null: they are not, and shoppers stay unidentified. */
  customerTokens: CustomerTokenSettings | null;
  /**
   * The shop's products, for the expert to show (commerce/catalogue.ts): an http(s) URL, or a
   * JSON file (relative to the config file). Null: experts have no catalogue.
   */
  catalogue: string | null;
}

export type ShopConfigIssue = ConfigIssue;

/**
 * `unreadable`: no such file, or no permission. `not-json`: not valid JSON.
 * `invalid`: valid JSON, but some fields are wrong (see `issues`).
 */
export type ShopConfigProblem = 'unreadable' | 'not-json' | 'invalid';

export class ShopConfigError extends Error {
  constructor(
    readonly reason: ShopConfigProblem,
    /** The file's name or path, as given. */
    readonly source: string,
    readonly issues: readonly ShopConfigIssue[],
  ) {
    super(issues.map((i) => `${source}: ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n'));
    this.name = 'ShopConfigError';
  }
}

/**
 * Checks a parsed JSON document and fills in the defaults; throws with every problem found.
 * `env` holds the secrets the file names rather than contains (`customerTokens.secretEnv`).
 */
export function parseShopConfig(
  json: unknown,
  source = 'shop.json',
  env: NodeJS.ProcessEnv = process.env,
): ShopConfig {
  const result = checkConfig(ShopConfigSchema, json);
  if (!result.ok) throw new ShopConfigError('invalid', source, result.issues);
  const { customerTokens, catalogue: catalogueSource, ...config } = result.value;
  const issues: ShopConfigIssue[] = [];
  let catalogue = catalogueSource ?? null;
  if (catalogue && !/^https?:\/\//.test(catalogue)) {
    catalogue = resolve(dirname(source), catalogue);
    if (!existsSync(catalogue))
      issues.push({
        path: 'catalogue',
        message: `expected an http(s) URL or a JSON file, and there is no file ${catalogue}`,
      });
  }
  if (!customerTokens) {
    if (issues.length) throw new ShopConfigError('invalid', source, issues);
    return { ...config, customerTokens: null, catalogue };
  }
  let secret: string | null = null;
  if (customerTokens.secretEnv) {
    secret = env[customerTokens.secretEnv] || null;
    if (!secret || secret.length < 32)
      issues.push({
        path: 'customerTokens.secretEnv',
        message: `the environment variable ${customerTokens.secretEnv} must hold a secret of 32 characters or more${secret ? '' : ', and is not set'}`,
      });
  }
  let jwks = customerTokens.jwks ?? null;
  if (jwks && !/^https?:\/\//.test(jwks)) {
    jwks = resolve(dirname(source), jwks);
    if (!existsSync(jwks))
      issues.push({
        path: 'customerTokens.jwks',
        message: `expected an http(s) URL or a JWKS file, and there is no file ${jwks}`,
      });
  }
  if (issues.length) throw new ShopConfigError('invalid', source, issues);
  return {
    ...config,
    catalogue,
    customerTokens: {
      secret,
      jwks,
      issuer: customerTokens.issuer,
      audience: customerTokens.audience,
      maxLifetimeSeconds: customerTokens.maxLifetimeMinutes * 60,
    },
  };
}

/**
 * The shop of a hub started without a config file (development and tests): open around the
 * clock in UTC, no topics, and any page origin (an empty `allowedOrigins`, which a file cannot
 * say). The hub says so when it starts.
 */
export function defaultShopConfig(): ShopConfig {
  const allDay = [{ from: '00:00', to: '24:00' }];
  const weekly = Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, allDay]),
  );
  const config = parseShopConfig(
    {
      shopId: 'shop',
      allowedOrigins: ['http://localhost'],
      timeZone: 'UTC',
      hours: { weekly },
    },
    'the built-in default',
  );
  return { ...config, allowedOrigins: [] };
}

/** Reads, parses and checks the file at `path` (`env`: as for {@link parseShopConfig}). */
export async function loadShopConfig(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ShopConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`;
    throw new ShopConfigError('unreadable', path, [{ path: '', message }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ShopConfigError('not-json', path, [
      { path: '', message: `not valid JSON: ${jsonErrorAt(error as SyntaxError, text)}` },
    ]);
  }
  return parseShopConfig(json, path, env);
}

/**
 * The hours of a topic, or of the shop when `topicId` is absent. A topic's own hours replace
 * the shop's weekly hours, but the shop's exceptions still apply to it (a shop closed on
 * Christmas closes every topic), unless the topic has an exception for the same date.
 * The hub checks topic ids coming from pages against `config.topics` first: an unknown id here
 * is a mistake in the hub, and throws.
 */
export function hoursFor(config: ShopConfig, topicId?: string): Hours {
  const shop: Hours = {
    timeZone: config.timeZone,
    weekly: config.hours.weekly,
    exceptions: config.hours.exceptions,
  };
  if (topicId === undefined) return shop;
  const topic = config.topics.find((t) => t.id === topicId);
  if (!topic) throw new RangeError(`No topic "${topicId}" in the shop's config.`);
  if (!topic.hours) return shop;
  const own = new Set(topic.hours.exceptions.map((e) => e.date));
  return {
    timeZone: config.timeZone,
    weekly: topic.hours.weekly,
    exceptions: [
      ...topic.hours.exceptions,
      ...config.hours.exceptions.filter((e) => !own.has(e.date)),
    ],
  };
}

// ---- The schema --------------------------------------------------------------------------

const text = (max: number) =>
  v.pipe(
    v.string(expecting('a text')),
    v.trim(),
    v.minLength(1, 'expected a text, got an empty one'),
    v.maxLength(max, (issue) => `expected at most ${max} characters, got ${issue.input.length}`),
  );

const integer = (min: number, max: number) => {
  const words = expecting(`a whole number from ${min} to ${max}`);
  return v.pipe(v.number(words), v.integer(words), v.minValue(min, words), v.maxValue(max, words));
};

const clockTime = v.pipe(
  v.string(expecting('a time HH:MM')),
  v.check((time) => parseClockTime(time) !== null, expecting('a time HH:MM')),
);

const interval = v.pipe(
  strict({ from: clockTime, to: clockTime }),
  v.check(
    ({ from, to }) => parseClockTime(from)! < parseClockTime(to)!,
    (issue) => `closes before it opens: "${issue.input.from}"–"${issue.input.to}"`,
  ),
);

const dayIntervals = v.pipe(
  v.array(interval, expecting('a list of {"from", "to"} intervals')),
  v.rawCheck<Interval[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const sorted = dataset.value
      .map((item, index) => ({
        index,
        from: parseClockTime(item.from)!,
        to: parseClockTime(item.to)!,
      }))
      .sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) {
      const [earlier, later] = [sorted[i - 1]!, sorted[i]!];
      if (later.from < earlier.to)
        addIssue({
          message: `overlaps [${earlier.index}]: a day's intervals must not overlap`,
          path: [keyItem(dataset.value, later.index)],
        });
    }
  }),
);

const localDate = v.pipe(
  v.string(expecting('a date YYYY-MM-DD')),
  v.check((date) => parseLocalDate(date) !== null, expecting('a date YYYY-MM-DD')),
);

const hours = strict({
  weekly: strict({
    mon: v.optional(dayIntervals),
    tue: v.optional(dayIntervals),
    wed: v.optional(dayIntervals),
    thu: v.optional(dayIntervals),
    fri: v.optional(dayIntervals),
    sat: v.optional(dayIntervals),
    sun: v.optional(dayIntervals),
  }),
  exceptions: v.optional(
    v.pipe(
      v.array(strict({ date: localDate, hours: dayIntervals })),
      noRepeats((e) => e.date, 'date'),
    ),
    [],
  ),
});

const timeZone = v.pipe(
  v.string(expecting('an IANA time zone such as "Europe/Paris"')),
  v.check(isTimeZone, (issue) => {
    const base = `expected an IANA time zone such as "Europe/Paris", got ${shown(issue.input)}`;
    const canonical = canonicalZone(issue.input);
    return canonical ? `${base}; did you mean "${canonical}"?` : base;
  }),
);

const origin = v.pipe(
  v.string(expecting('an origin such as "https://shop.example"')),
  v.check(
    (value) => originOf(value) === value,
    (issue) => {
      const base = `expected an origin (scheme://host[:port], no path), got ${shown(issue.input)}`;
      const meant = originOf(issue.input);
      return meant ? `${base}; did you mean "${meant}"?` : base;
    },
  ),
);

const language = v.picklist(Language.options, expecting(`one of ${Language.options.join(', ')}`));

const labels = strict({ en: v.optional(text(60)), fr: v.optional(text(60)) });

const topic = strict({
  id: v.pipe(
    v.string(expecting('a topic id')),
    v.regex(TOPIC_ID, expecting('a topic id of 1 to 40 lowercase letters, digits or dashes')),
  ),
  label: labels,
  hours: v.optional(hours),
});

const texts = strict({
  panelTitle: v.optional(text(60)),
  panelIntro: v.optional(text(300)),
  closedMessage: v.optional(text(300)),
});

/** The config as the file says it, before the secrets it names are read from the environment. */
type WrittenShopConfig = Omit<ShopConfig, 'customerTokens' | 'catalogue'> & {
  customerTokens?: v.InferOutput<typeof customerTokens> | undefined;
  /** As written: a URL, or a file relative to the config file. */
  catalogue?: string | undefined;
};

const customerTokens = v.pipe(
  strict({
    /** The name of the environment variable that holds the HS256 secret: never the secret. */
    secretEnv: v.optional(
      v.pipe(
        v.string(expecting('the name of an environment variable')),
        v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, expecting('the name of an environment variable')),
      ),
    ),
    jwks: v.optional(text(2048)),
    issuer: text(200),
    audience: v.optional(text(200), 'expert-call'),
    maxLifetimeMinutes: v.optional(integer(1, 24 * 60), 60),
  }),
  v.check(
    (settings) => Boolean(settings.secretEnv || settings.jwks),
    'expected "secretEnv", "jwks" or both: how the hub verifies the tokens',
  ),
);

const ShopConfigSchema = v.pipe(
  strict({
    shopId: v.pipe(
      v.string(expecting('a shop id')),
      v.regex(TOPIC_ID, expecting('a shop id of 1 to 40 lowercase letters, digits or dashes')),
    ),
    allowedOrigins: v.pipe(
      v.array(origin, expecting('a list of origins')),
      v.minLength(1, 'expected at least one origin: no page could open a conversation'),
      noRepeats((o) => o, 'origin'),
    ),
    timeZone,
    languages: v.optional(
      v.pipe(
        v.array(language, expecting('a list of languages')),
        v.minLength(1, 'expected at least one language'),
        noRepeats((l) => l, 'language'),
      ),
      // English and French, as before the hub routed all five: a shop names the others.
      (): Language[] => ['en', 'fr'],
    ),
    hours,
    topics: v.optional(
      v.pipe(
        v.array(topic, expecting('a list of topics')),
        noRepeats((t) => t.id, 'topic id'),
      ),
      [],
    ),
    limits: v.optional(
      strict({
        ringTimeoutMs: v.optional(integer(1_000, 300_000), 30_000),
        maxChatsPerExpert: v.optional(integer(1, 20), 3),
        maxWaitMs: v.optional(integer(1_000, 3_600_000), 120_000),
        appointmentSlotMinutes: v.optional(integer(5, 240), 20),
      }),
      {},
    ),
    texts: v.optional(strict({ en: v.optional(texts), fr: v.optional(texts) }), {}),
    callingCode: v.optional(
      v.pipe(
        v.string(expecting('a country calling code such as "+33"')),
        v.regex(/^\+[1-9]\d{0,2}$/, expecting('a country calling code such as "+33"')),
      ),
    ),
    customerTokens: v.optional(customerTokens),
    catalogue: v.optional(
      v.pipe(
        v.string(expecting('a catalogue: a JSON file or an http(s) URL')),
        v.minLength(1, expecting('a catalogue: a JSON file or an http(s) URL')),
      ),
    ),
  }),
  // Works on what parsed, even when other fields did not, so that all problems come at once.
  v.rawCheck(({ dataset, addIssue }) => {
    const config = dataset.value as { languages?: unknown; topics?: unknown };
    const languages = config.languages;
    if (!Array.isArray(languages) || !Array.isArray(config.topics)) return;
    config.topics.forEach((topic: unknown, index) => {
      const label = (topic as { label?: unknown } | null)?.label;
      if (label === null || typeof label !== 'object') return;
      for (const lang of languages) {
        if (typeof lang === 'string' && !(lang in label))
          addIssue({
            message: `is required: the shop speaks ${lang} (see "languages")`,
            path: [
              keyItem(config, 'topics'),
              keyItem(config.topics, index),
              keyItem(topic, 'label'),
              keyItem(label, lang),
            ],
          });
      }
    });
  }),
  v.transform((config): WrittenShopConfig => ({
    ...config,
    languages: [...config.languages],
    topics: config.topics.map((t) => ({ ...t, hours: t.hours ?? null })),
    callingCode: config.callingCode ?? null,
  })),
);

/** `value` as an http(s) origin, or null when it is not an http(s) URL at all. */
function originOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The zone Intl would take `value` for, when it takes it at all (`europe/paris`). */
function canonicalZone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const zone = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    return isTimeZone(zone) && zone.toLowerCase() === value.toLowerCase() ? zone : null;
  } catch {
    return null;
  }
}

/** V8 says where a JSON error is as a character position; people read lines and columns. */
function jsonErrorAt(error: SyntaxError, text: string): string {
  const match = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(error.message);
  if (!match) return error.message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${error.message.slice(0, match.index)} at line ${line}, column ${column}`;
}
