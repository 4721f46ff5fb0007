/**
 * The five languages: every catalog has every key English has (a missing text is a blank on
 * a shopper's screen), French typography holds, and plurals, lists and moments come from Intl.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { consoleText } from '../../src/i18n/console.js';
import { frenchSpacing, list, moment, plural } from '../../src/i18n/format.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { launcherText } from '../../src/i18n/launcher.js';
import { offlineText } from '../../src/i18n/offline.js';
import { loadPanelText, panelText } from '../../src/i18n/panel.js';
import { systemLine } from '../../src/i18n/system-lines.js';

// The panel's words other than English are chunks of their own: fetch them all here.
for (const lang of LANGUAGES) await loadPanelText(lang);

const CATALOGS = { launcherText, panelText, offlineText, consoleText } as Record<
  string,
  Record<string, unknown>
>;

/** Every key path of a catalog, with the kind of value at its end. */
function shape(value: unknown, path = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => shape(v, `${path}.${key}`));
  }
  return [`${path}: ${typeof value}`];
}

/** Every string a catalog holds, and what its functions return for typical arguments. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const samples: unknown[][] = [
      [1, 'call'],
      [3, 'chat'],
      ['video', 'Camille', 'Lumen'],
      ['camera', 'permission-denied'],
      ['shopper-hung-up', 'call'],
      ['expert-hung-up', 'chat'],
    ];
    return samples.flatMap((args) => {
      try {
        const out = (value as (...a: unknown[]) => unknown)(...args);
        return typeof out === 'string' ? [out] : [];
      } catch {
        return [];
      }
    });
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('every catalog has every key, in the five languages', () => {
  for (const [name, catalog] of Object.entries(CATALOGS)) {
    it(`${name} is complete in ${LANGUAGES.join(', ')}`, () => {
      const english = shape(catalog.en);
      for (const lang of LANGUAGES) {
        assert.deepEqual(shape(catalog[lang]), english, `${name}.${lang}`);
        for (const text of strings(catalog[lang])) {
          assert.ok(text.trim().length > 0, `${name}.${lang} has an empty text`);
        }
      }
    });
  }

  it('system lines are said in every language', () => {
    for (const lang of LANGUAGES) {
      assert.ok(systemLine[lang]('expert-joined', 'Camille').includes('Camille'), lang);
    }
  });
});

describe('French typography', () => {
  it('no French text puts an ordinary space before : ; ! ? or inside « »', () => {
    for (const [name, catalog] of Object.entries(CATALOGS)) {
      for (const text of strings(catalog.fr)) {
        assert.doesNotMatch(text, / [:;!?»]|« /, `${name}: ${text}`);
      }
    }
  });

  it('puts narrow no-break spaces where French wants them', () => {
    assert.equal(frenchSpacing('Bonjour : ça va ?'), 'Bonjour\u202f: ça va\u202f?');
  });
});

describe('Intl does plurals, lists and moments', () => {
  it('chooses the plural form by the language’s rules, not by n === 1', () => {
    const forms = { one: '# message', other: '# messages' };
    assert.equal(plural('en', 1, forms), '1 message');
    assert.equal(plural('en', 0, forms), '0 messages');
    // French: zero takes the singular.
    assert.equal(plural('fr', 0, forms), '0 message');
    assert.equal(plural('fr', 1500, forms), '1\u202f500 messages');
  });

  it('joins lists the language’s way', () => {
    assert.equal(list('en', ['a', 'b', 'c']), 'a, b, and c');
    assert.equal(list('fr', ['a', 'b', 'c']), 'a, b et c');
  });

  it('says "today at 9 h" when it is today, the weekday otherwise', () => {
    const now = Date.parse('2026-12-01T05:00:00+01:00');
    const nine = Date.parse('2026-12-01T09:00:00+01:00');
    const zone = { now, timeZone: 'Europe/Paris' };
    assert.equal(moment('fr', nine, zone), 'aujourd’hui à 9\u00a0h');
    assert.match(moment('en', nine, zone), /^today at 9\sAM$/);
    assert.equal(moment('fr', nine + 86_400_000 + 1_800_000, zone), 'demain à 9\u00a0h\u00a030');
    assert.match(moment('fr', nine + 3 * 86_400_000, zone), /^vendredi 4 décembre à 9\u00a0h$/);
  });
});
