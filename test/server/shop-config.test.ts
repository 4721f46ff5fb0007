import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from '../support/node-test.js';
import { fileURLToPath } from 'node:url';
import { isOpen } from '../../src/server/offline/business-hours.js';
import {
  hoursFor,
  loadShopConfig,
  parseShopConfig,
  ShopConfigError,
  type ShopConfigIssue,
} from '../../src/server/config/shop-config.js';

const EXAMPLE = fileURLToPath(new URL('../../config/shop.example.json', import.meta.url));

/** The smallest valid file: everything optional left out. */
const minimal = () => ({
  shopId: 'demo',
  allowedOrigins: ['https://shop.example'],
  timeZone: 'Europe/Paris',
  hours: { weekly: { mon: [{ from: '09:00', to: '18:00' }] } },
});

/** The issues `json` is refused with. */
function issuesOf(json: unknown): ShopConfigIssue[] {
  try {
    parseShopConfig(json);
  } catch (error) {
    assert.ok(error instanceof ShopConfigError, String(error));
    assert.equal(error.reason, 'invalid');
    return [...error.issues];
  }
  assert.fail('the config was accepted');
}

/** Asserts that `json` is refused with exactly one issue, at `path`, whose message matches. */
function refusesOnly(json: unknown, path: string, message: RegExp) {
  const issues = issuesOf(json);
  assert.deepEqual(
    issues.map((i) => i.path),
    [path],
    JSON.stringify(issues),
  );
  assert.match(issues[0]!.message, message);
}

describe('the example shop config', () => {
  it('parses, with its topics and hours', async () => {
    const config = await loadShopConfig(EXAMPLE);
    assert.equal(config.shopId, 'cycles-et-son');
    assert.equal(config.timeZone, 'Europe/Paris');
    assert.deepEqual(config.languages, ['fr', 'en']);
    assert.deepEqual(
      config.topics.map((t) => t.id),
      ['bikes', 'hi-fi', 'repair'],
    );
    assert.equal(config.limits.appointmentSlotMinutes, 20);
    assert.equal(config.callingCode, '+33');
    assert.equal(config.texts.fr?.panelTitle, 'Parler à un vendeur');
  });

  it("gives the repair workshop its own hours and the shop's holidays", async () => {
    const config = await loadShopConfig(EXAMPLE);
    // Saturday 19 December 2026, 15:00 in Paris: the shop is open, the workshop is not.
    const saturdayAfternoon = Date.parse('2026-12-19T14:00:00Z');
    assert.equal(isOpen(hoursFor(config), saturdayAfternoon), true);
    assert.equal(isOpen(hoursFor(config, 'bikes'), saturdayAfternoon), true);
    assert.equal(isOpen(hoursFor(config, 'repair'), saturdayAfternoon), false);
    // Friday 1 January 2027: closed everywhere, although the workshop's hours say nothing of it.
    const newYear = hoursFor(config, 'repair');
    assert.ok(newYear.exceptions?.some((e) => e.date === '2027-01-01' && e.hours.length === 0));
    assert.throws(() => hoursFor(config, 'kayaks'), RangeError);
  });
});

describe('defaults', () => {
  it('fills in every optional field', () => {
    const config = parseShopConfig(minimal());
    assert.deepEqual(config.languages, ['en', 'fr']);
    assert.deepEqual(config.topics, []);
    assert.deepEqual(config.limits, {
      ringTimeoutMs: 30_000,
      maxChatsPerExpert: 3,
      maxWaitMs: 120_000,
      appointmentSlotMinutes: 20,
    });
    assert.deepEqual(config.texts, {});
    assert.deepEqual(config.hours.exceptions, []);
    assert.equal(config.callingCode, null);
    assert.equal(config.customerTokens, null, 'no customer is identified unless the shop says how');
  });

  it('keeps the limits given and defaults only the others', () => {
    const config = parseShopConfig({ ...minimal(), limits: { maxChatsPerExpert: 5 } });
    assert.equal(config.limits.maxChatsPerExpert, 5);
    assert.equal(config.limits.maxWaitMs, 120_000);
  });
});

describe('each kind of bad field is named', () => {
  it('a time that is not HH:MM', () => {
    const json = minimal();
    json.hours.weekly.mon[0]!.from = '25:00';
    refusesOnly(json, 'hours.weekly.mon[0].from', /^expected a time HH:MM, got "25:00"$/);
  });

  it('an interval that closes before it opens, and intervals that overlap', () => {
    refusesOnly(
      { ...minimal(), hours: { weekly: { tue: [{ from: '18:00', to: '09:00' }] } } },
      'hours.weekly.tue[0]',
      /closes before it opens/,
    );
    refusesOnly(
      {
        ...minimal(),
        hours: {
          weekly: {
            wed: [
              { from: '14:00', to: '19:00' },
              { from: '09:00', to: '14:30' },
            ],
          },
        },
      },
      'hours.weekly.wed[0]',
      /overlaps \[1\]/,
    );
  });

  it('an exception date that is not a real date, or given twice', () => {
    refusesOnly(
      { ...minimal(), hours: { weekly: {}, exceptions: [{ date: '2026-02-30', hours: [] }] } },
      'hours.exceptions[0].date',
      /expected a date YYYY-MM-DD, got "2026-02-30"/,
    );
    refusesOnly(
      {
        ...minimal(),
        hours: {
          weekly: {},
          exceptions: [
            { date: '2026-12-25', hours: [] },
            { date: '2026-12-25', hours: [{ from: '10:00', to: '12:00' }] },
          ],
        },
      },
      'hours.exceptions[1]',
      /date "2026-12-25" is already at \[0\]/,
    );
  });

  it('an origin with a path, or not an origin at all', () => {
    refusesOnly(
      { ...minimal(), allowedOrigins: ['https://shop.example/checkout'] },
      'allowedOrigins[0]',
      /no path\), got "https:\/\/shop.example\/checkout"; did you mean "https:\/\/shop.example"\?/,
    );
    refusesOnly({ ...minimal(), allowedOrigins: ['shop.example'] }, 'allowedOrigins[0]', /origin/);
    refusesOnly({ ...minimal(), allowedOrigins: [] }, 'allowedOrigins', /at least one origin/);
  });

  it('a time zone that does not exist, or is not spelled as in the tz database', () => {
    refusesOnly(
      { ...minimal(), timeZone: 'Europe/Pariss' },
      'timeZone',
      /expected an IANA time zone such as "Europe\/Paris", got "Europe\/Pariss"$/,
    );
    refusesOnly(
      { ...minimal(), timeZone: 'europe/paris' },
      'timeZone',
      /did you mean "Europe\/Paris"\?/,
    );
    refusesOnly({ ...minimal(), timeZone: 'CET' }, 'timeZone', /IANA/);
  });

  it('a bad topic id, a repeated topic, a missing label', () => {
    const label = { en: 'Bikes', fr: 'Vélos' };
    refusesOnly(
      { ...minimal(), topics: [{ id: 'Bikes!', label }] },
      'topics[0].id',
      /lowercase letters, digits or dashes, got "Bikes!"/,
    );
    refusesOnly(
      {
        ...minimal(),
        topics: [
          { id: 'bikes', label },
          { id: 'bikes', label },
        ],
      },
      'topics[1]',
      /topic id "bikes" is already at \[0\]/,
    );
    refusesOnly(
      { ...minimal(), topics: [{ id: 'bikes', label: { en: 'Bikes' } }] },
      'topics[0].label.fr',
      /is required: the shop speaks fr/,
    );
    // A shop that speaks English only needs English labels.
    assert.doesNotThrow(() =>
      parseShopConfig({
        ...minimal(),
        languages: ['en'],
        topics: [{ id: 'bikes', label: { en: 'Bikes' } }],
      }),
    );
  });

  it('a language the SDK does not speak, limits out of range, a text too long', () => {
    refusesOnly(
      { ...minimal(), languages: ['en', 'nl'] },
      'languages[1]',
      /one of en, fr, de, es, it, got "nl"/,
    );
    refusesOnly(
      { ...minimal(), limits: { maxChatsPerExpert: 0 } },
      'limits.maxChatsPerExpert',
      /expected a whole number from 1 to 20, got 0/,
    );
    refusesOnly(
      { ...minimal(), limits: { ringTimeoutMs: '30s' } },
      'limits.ringTimeoutMs',
      /got "30s"/,
    );
    refusesOnly(
      { ...minimal(), texts: { fr: { panelTitle: 'x'.repeat(61) } } },
      'texts.fr.panelTitle',
      /at most 60 characters, got 61/,
    );
    refusesOnly({ ...minimal(), callingCode: '33' }, 'callingCode', /"\+33"/);
  });

  it('a required field left out, or of the wrong type', () => {
    const { timeZone: _, ...withoutZone } = minimal();
    refusesOnly(withoutZone, 'timeZone', /^is required$/);
    refusesOnly({ ...minimal(), hours: [] }, 'hours', /^expected an object, got a list$/);
    assert.deepEqual(issuesOf('shop'), [{ path: '', message: 'expected an object, got "shop"' }]);
  });
});

describe('unknown fields', () => {
  it('are refused, each one, with the fields that are known', () => {
    const issues = issuesOf({
      ...minimal(),
      timezone: 'Europe/Paris',
      limits: { maxWait: 60_000 },
      topics: [{ id: 'bikes', label: { en: 'Bikes', fr: 'Vélos' }, lable: 'x' }],
    });
    assert.deepEqual(
      issues.map((i) => i.path),
      ['topics[0].lable', 'limits.maxWait', 'timezone'],
    );
    assert.match(issues[1]!.message, /^unknown field; known fields: ringTimeoutMs, .*maxWaitMs/);
  });
});

describe('several problems', () => {
  it('are all reported, one line each, in the error message too', () => {
    let error: unknown;
    try {
      parseShopConfig(
        {
          shopId: 'demo',
          allowedOrigins: ['https://shop.example/'],
          timeZone: 'Mars/Olympus',
          hours: { weekly: { mon: [{ from: '9:00', to: '18:00' }], sun: 'closed' } },
          limits: { appointmentSlotMinutes: 2 },
        },
        'shops/demo.json',
      );
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof ShopConfigError);
    assert.deepEqual(
      error.issues.map((i) => i.path),
      [
        'allowedOrigins[0]',
        'timeZone',
        'hours.weekly.mon[0].from',
        'hours.weekly.sun',
        'limits.appointmentSlotMinutes',
      ],
    );
    const lines = error.message.split('\n');
    assert.equal(lines.length, 5);
    assert.equal(
      lines[2],
      'shops/demo.json: hours.weekly.mon[0].from: expected a time HH:MM, got "9:00"',
    );
  });
});

describe('loadShopConfig', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'expert-call-shop-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('says when the file is missing', async () => {
    const path = join(folder, 'nope.json');
    await assert.rejects(loadShopConfig(path), (error: unknown) => {
      assert.ok(error instanceof ShopConfigError);
      assert.equal(error.reason, 'unreadable');
      assert.equal(error.message, `${path}: no such file`);
      return true;
    });
  });

  it('says where the JSON is broken, by line and column', async () => {
    const path = join(folder, 'broken.json');
    await writeFile(path, '{\n  "shopId": "demo",\n  "timeZone": "Europe/Paris",\n}\n');
    await assert.rejects(loadShopConfig(path), (error: unknown) => {
      assert.ok(error instanceof ShopConfigError);
      assert.equal(error.reason, 'not-json');
      assert.match(error.message, /not valid JSON: .* at line 4, column 1$/);
      return true;
    });
  });

  it('names the file in the problems of its fields', async () => {
    const path = join(folder, 'shop.json');
    const json = JSON.parse(await readFile(EXAMPLE, 'utf8')) as { timeZone: string };
    json.timeZone = 'Paris';
    await writeFile(path, JSON.stringify(json));
    await assert.rejects(loadShopConfig(path), (error: unknown) => {
      assert.ok(error instanceof ShopConfigError);
      assert.match(error.message, new RegExp(`^${path}: timeZone: expected an IANA time zone`));
      return true;
    });
  });
});

describe('customer tokens', () => {
  const SECRET = 'the-secret-this-shop-shares-with-its-hub';
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'expert-call-customers-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** The issues `customerTokens` is refused with, the environment being `env`. */
  function problems(customerTokens: unknown, env: NodeJS.ProcessEnv = {}): ShopConfigIssue[] {
    try {
      parseShopConfig({ ...minimal(), customerTokens }, 'shop.json', env);
    } catch (error) {
      assert.ok(error instanceof ShopConfigError, String(error));
      return [...error.issues];
    }
    assert.fail('the config was accepted');
  }

  it('reads the secret from the variable the file names, and a JWKS file beside the file', async () => {
    await writeFile(join(folder, 'keys.json'), JSON.stringify({ keys: [] }));
    const path = join(folder, 'shop.json');
    await writeFile(
      path,
      JSON.stringify({
        ...minimal(),
        customerTokens: {
          secretEnv: 'SHOP_CUSTOMER_SECRET',
          jwks: 'keys.json',
          issuer: 'https://shop.example',
        },
      }),
    );
    const config = await loadShopConfig(path, { SHOP_CUSTOMER_SECRET: SECRET });
    assert.deepEqual(config.customerTokens, {
      secret: SECRET,
      jwks: join(folder, 'keys.json'),
      issuer: 'https://shop.example',
      audience: 'expert-call',
      maxLifetimeSeconds: 3600,
    });
  });

  it('takes a JWKS URL as it is, and the audience and lifetime given', () => {
    const config = parseShopConfig({
      ...minimal(),
      customerTokens: {
        jwks: 'https://shop.example/.well-known/jwks.json',
        issuer: 'shop',
        audience: 'experts',
        maxLifetimeMinutes: 15,
      },
    });
    assert.deepEqual(config.customerTokens, {
      secret: null,
      jwks: 'https://shop.example/.well-known/jwks.json',
      issuer: 'shop',
      audience: 'experts',
      maxLifetimeSeconds: 900,
    });
  });

  it('refuses a setting with no way to verify, or no issuer', () => {
    assert.deepEqual(
      problems({ issuer: 'shop' }).map((i) => [i.path, i.message]),
      [['customerTokens', 'expected "secretEnv", "jwks" or both: how the hub verifies the tokens']],
    );
    assert.deepEqual(
      problems({ secretEnv: 'S' }, { S: SECRET }).map((i) => [i.path, i.message]),
      [['customerTokens.issuer', 'is required']],
    );
  });

  it('refuses a secret variable that is not set or too short, and a JWKS file that is not there', () => {
    assert.deepEqual(
      problems({ secretEnv: 'NOT_SET', jwks: join(folder, 'none.json'), issuer: 'shop' }).map(
        (i) => i.path,
      ),
      ['customerTokens.secretEnv', 'customerTokens.jwks'],
    );
    const [short] = problems({ secretEnv: 'SHORT', issuer: 'shop' }, { SHORT: 'too-short' });
    assert.match(short!.message, /SHORT must hold a secret of 32 characters or more/);
    assert.ok(!short!.message.includes('too-short'), 'the secret is never repeated');
  });

  it('refuses a lifetime over a day and a secret written in the file', () => {
    assert.deepEqual(
      problems(
        { secretEnv: 'S', issuer: 'shop', maxLifetimeMinutes: 24 * 60 + 1 },
        { S: SECRET },
      ).map((i) => i.path),
      ['customerTokens.maxLifetimeMinutes'],
    );
    assert.deepEqual(
      problems({ secret: SECRET, issuer: 'shop' }).map((i) => i.path),
      ['customerTokens.secret'],
    );
  });
});
