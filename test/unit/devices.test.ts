/**
 * Where to allow a refused device, in the person's own browser's words: which browser it is,
 * from real user-agent strings, and a different way told for each in every language.
 */
import assert from 'node:assert/strict';
import { describe, it } from '../support/node-test.js';
import { browserFamily, type BrowserFamily } from '../../src/core/devices.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { loadPanelText } from '../../src/i18n/panel.js';

const AGENTS: Array<[string, number, BrowserFamily]> = [
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    5,
    'ios',
  ],
  // Chrome on an iPhone is Safari inside: Safari's menus.
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
    5,
    'ios',
  ],
  // An iPad asks for desktop pages as a Mac, but has a touch screen.
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    5,
    'ios',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    0,
    'safari',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    0,
    'firefox',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    0,
    'chromium',
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
    5,
    'chromium',
  ],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    0,
    'chromium',
  ],
];

describe('the browser a person has in front of them', () => {
  for (const [agent, touch, family] of AGENTS) {
    const browser = /(CriOS|Edg|SamsungBrowser|Firefox|Chrome|Version)\/[\d.]+/.exec(agent)?.[0];
    it(`${family}: ${agent.slice(13, agent.indexOf(')'))}, ${browser}, touch ${touch}`, () => {
      assert.equal(browserFamily(agent, touch), family);
    });
  }
});

describe('where to allow a refused device', () => {
  for (const lang of LANGUAGES) {
    it(`is told in each browser's own words, in ${lang}`, async () => {
      const text = await loadPanelText(lang);
      for (const device of ['camera', 'microphone'] as const) {
        const told = (['chromium', 'firefox', 'safari', 'ios'] as const).map((browser) =>
          text.deviceProblem(device, 'permission-denied', browser),
        );
        assert.equal(new Set(told).size, 4, told.join('\n'));
        assert.match(told[3]!, /aA/, 'on an iPhone: the “aA” menu');
        assert.match(told[2]!, /Safari/, 'on a Mac: Safari’s menu');
        // Without a browser said, the most common one's words.
        assert.equal(text.deviceProblem(device, 'permission-denied'), told[0]);
      }
    });
  }
});
