/**
 * The first screen's device check, in a real Chromium with its fake camera and microphone:
 * opened by a tap, it starts the microphone and shows its live level; the camera's picture
 * only once asked for; a choice of device is used at once and kept for the call; and once the
 * shopper chooses (or closes the check) every device it opened is closed. Each way a device
 * can be refused is told apart from the browser's own error.
 */
import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import '../../src/widget/index.js';
import '../../src/widget/panel/call-parts.js';
import type { ExpertCall } from '../../src/widget/index.js';
import { deviceProblem } from '../../src/core/devices.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { loadAxe, violations } from '../support/axe.js';
import { until } from '../support/deadline.js';

const DEAD_HUB = 'http://127.0.0.1:9';
const DEVICES_KEY = 'expert-call:devices';

/** Every stream the page's getUserMedia gave, to see that each was closed in the end. */
const opened: MediaStream[] = [];
const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints);
  opened.push(stream);
  return stream;
};
const live = () =>
  opened.flatMap((s) => s.getTracks()).filter((track) => track.readyState === 'live');

before(loadAxe);

afterEach(async () => {
  for (const element of document.querySelectorAll('expert-call')) element.remove();
  document.documentElement.removeAttribute('lang');
  localStorage.removeItem(DEVICES_KEY);
  opened.length = 0;
  await setViewport({ width: 800, height: 600 });
});

function panelRoot(element: ExpertCall): ShadowRoot {
  return element.shadowRoot!.querySelector('expert-call-panel')!.shadowRoot!;
}

function checkRoot(element: ExpertCall): ShadowRoot | undefined {
  return panelRoot(element).querySelector('ec-device-check')?.shadowRoot ?? undefined;
}

async function firstScreen(lang = 'en'): Promise<ExpertCall> {
  document.documentElement.lang = lang;
  const element = document.createElement('expert-call');
  element.setAttribute('hub', DEAD_HUB);
  document.body.append(element);
  await element.open();
  await element.shadowRoot!.querySelector('expert-call-panel')!.updateComplete;
  return element;
}

async function openCheck(element: ExpertCall): Promise<ShadowRoot> {
  panelRoot(element).querySelector<HTMLButtonElement>('[data-control="device-check"]')!.click();
  return until(
    () => checkRoot(element),
    (root) => root?.querySelector('[role="meter"]') != null,
    { what: 'the check’s microphone level' },
  ) as Promise<ShadowRoot>;
}

describe('the device check before a call', () => {
  it('opens only on a tap, and then shows the microphone’s live level', async () => {
    const element = await firstScreen();
    expect(checkRoot(element), 'nothing is started before the tap').to.equal(undefined);
    expect(opened).to.have.length(0);
    const toggle = panelRoot(element).querySelector('[data-control="device-check"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const check = await openCheck(element);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const meter = check.querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-label')).to.equal('Microphone level');
    // Chromium's fake microphone beeps: the bar moves, and says how much.
    await until(
      () => meter.querySelectorAll('.lit').length,
      (lit) => lit > 0,
      { what: 'a level above silence' },
    );
    expect(Number(meter.getAttribute('aria-valuenow'))).to.be.above(0);
    expect(live().map((t) => t.kind)).to.deep.equal(['audio']);
  });

  it('shows the camera only once asked, mirrored, and stops it when hidden', async () => {
    const element = await firstScreen();
    const check = await openCheck(element);
    expect(check.querySelector('video'), 'no picture before it is asked for').to.equal(null);
    const button = check.querySelector<HTMLButtonElement>('[data-control="camera-preview"]')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
    const video = await until(
      () => check.querySelector('video'),
      (v) => v !== null && v.videoWidth > 0,
      { what: 'the camera’s picture playing' },
    );
    expect(video!.classList.contains('mirrored')).to.equal(true);
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    const cameraTrack = (video!.srcObject as MediaStream).getVideoTracks()[0]!;
    button.click();
    await until(
      () => cameraTrack.readyState,
      (state) => state === 'ended',
      { what: 'the camera stopped' },
    );
    expect(check.querySelector('video')).to.equal(null);
  });

  it('uses a chosen microphone at once, and keeps it for the call', async () => {
    const element = await firstScreen();
    const check = await openCheck(element);
    const select = await until(
      () => check.querySelector<HTMLSelectElement>('select[data-device="audioinput"]'),
      (s) => s !== null && s.options.length > 1,
      { what: 'a list of Chromium’s fake microphones' },
    );
    const other = [...select!.options].find((o) => !o.selected)!.value;
    select!.value = other;
    select!.dispatchEvent(new Event('change'));
    await until(
      () => opened.at(-1)?.getAudioTracks()[0]?.getSettings().deviceId,
      (id) => id === other,
      { what: 'the chosen microphone started' },
    );
    expect(JSON.parse(localStorage.getItem(DEVICES_KEY)!)).to.include({ audioinput: other });
    // The one it replaced is closed: only the chosen microphone is live.
    await until(
      () => live().length,
      (n) => n === 1,
      { what: 'one microphone live' },
    );
  });

  it('closes every device it opened once the shopper chooses how to talk', async () => {
    const element = await firstScreen();
    const check = await openCheck(element);
    check.querySelector<HTMLButtonElement>('[data-control="camera-preview"]')!.click();
    await until(
      () => live().length,
      (n) => n === 2,
      { what: 'microphone and camera live' },
    );
    panelRoot(element).querySelector<HTMLButtonElement>('[data-mode="chat"]')!.click();
    await until(
      () => live().length,
      (n) => n === 0,
      { what: 'every device closed' },
    );
    expect(checkRoot(element)).to.equal(undefined);
  });

  it('closes every device when the shopper closes the check', async () => {
    const element = await firstScreen();
    await openCheck(element);
    const toggle = panelRoot(element).querySelector<HTMLButtonElement>(
      '[data-control="device-check"]',
    )!;
    expect(toggle.textContent).to.contain('Done testing');
    toggle.click();
    await until(
      () => live().length,
      (n) => n === 0,
      { what: 'the microphone closed' },
    );
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('tells each way a device can be refused apart, from the browser’s own error', () => {
    const error = (name: string) => new DOMException('refused', name);
    expect(deviceProblem(error('NotAllowedError'), 'microphone')).to.equal('permission-denied');
    expect(deviceProblem(error('NotFoundError'), 'camera')).to.equal('no-device');
    expect(deviceProblem(error('NotReadableError'), 'camera')).to.equal('device-busy');
    expect(deviceProblem(error('AbortError'), 'camera')).to.equal('failed');
    expect(deviceProblem('not an error', 'camera')).to.equal('failed');
  });
});

for (const size of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const) {
  describe(`the device check, ${size.name}`, () => {
    beforeEach(() => setViewport({ width: size.width, height: size.height }));
    for (const lang of LANGUAGES) {
      it(`has no axe violations in ${lang}, camera on`, async () => {
        const element = await firstScreen(lang);
        const check = await openCheck(element);
        check.querySelector<HTMLButtonElement>('[data-control="camera-preview"]')!.click();
        await until(
          () => check.querySelector('video'),
          (v) => v !== null,
          { what: 'the camera’s picture' },
        );
        expect(await violations()).to.deep.equal([]);
      });
    }
  });
}
