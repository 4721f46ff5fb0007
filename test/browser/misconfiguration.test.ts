/**
 * A shop's developer who gets the set-up wrong is told what and how to fix it, once, in the
 * console and by an `ec-error` event; the shopper sees an honest "unavailable" button instead of
 * a call that cannot be made.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/widget/index.js';
import type { ExpertCall, ExpertCallErrorDetail } from '../../src/widget/index.js';
import { deviceProblem } from '../../src/core/devices.js';

let logged: string[] = [];
const consoleError = console.error;

beforeEach(() => {
  logged = [];
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
});

afterEach(() => {
  console.error = consoleError;
  for (const element of document.querySelectorAll('expert-call')) element.remove();
});

function mount(attributes: Record<string, string>): {
  element: ExpertCall;
  errors: ExpertCallErrorDetail[];
} {
  const element = document.createElement('expert-call');
  element.setAttribute('lang', 'en');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const errors: ExpertCallErrorDetail[] = [];
  element.addEventListener('ec-error', (event) => errors.push(event.detail));
  document.body.append(element);
  return { element, errors };
}

async function until(condition: () => boolean): Promise<void> {
  // Bounded by the test runner's own timeout; no wall-clock assertion here.
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

function button(element: ExpertCall): HTMLButtonElement {
  return element.shadowRoot!.querySelector('button')!;
}

/** What a shopper and a developer see once the launcher has checked its hub. */
async function unavailable(attributes: Record<string, string>) {
  const { element, errors } = mount(attributes);
  await until(() => errors.length > 0);
  return { element, errors };
}

describe('a misconfigured <expert-call>', () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ['without a hub attribute', {}, 'hub-missing', /"hub" attribute is missing: set it/],
    ['with a hub that is not a URL', { hub: 'ftp://nowhere' }, 'hub-invalid', /not an http\(s\)/],
    [
      'with a hub where nothing listens',
      { hub: 'http://127.0.0.1:9' },
      'hub-unreachable',
      /Nothing answers at the hub "http:\/\/127\.0\.0\.1:9": check that the hub is running/,
    ],
    [
      'with a URL that answers, but not as a hub',
      { hub: '/test/browser/' },
      'hub-incompatible',
      /answers \(HTTP 404\), but not as an Expert Call hub of this version/,
    ],
  ];
  for (const [when, attributes, reason, fix] of cases) {
    it(`${when}: says why and how to fix it, once, and offers no call (${reason})`, async () => {
      const { element, errors } = await unavailable(attributes);
      expect(errors.map((e) => e.reason)).to.deep.equal([reason]);
      expect(errors[0]!.message).to.match(fix);
      expect(logged.filter((line) => line.startsWith('[expert-call]'))).to.deep.equal([
        `[expert-call] ${errors[0]!.message}`,
      ]);
      expect(element.getAttribute('availability')).to.equal('unavailable');
      expect(button(element).getAttribute('aria-disabled')).to.equal('true');
      expect(button(element).textContent).to.equal('Video help is unavailable right now');

      button(element).click();
      await element.open();
      expect(element.shadowRoot!.querySelector<HTMLElement>('.panel')!.hidden).to.equal(true);
      expect(element.state.kind).to.equal('idle');
    });
  }

  it('tells a hub that refuses this page’s origin from one that does not answer', async () => {
    // Another origin of the test server: it answers, without CORS for this page, as a hub
    // does to an origin missing from its config's allowedOrigins.
    const other = `http://localhost:${location.port}/`;
    const { errors } = await unavailable({ hub: other });
    expect(errors.map((e) => e.reason)).to.deep.equal(['origin-refused']);
    expect(errors[0]!.message).to.contain(`add "${location.origin}" to "allowedOrigins"`);
  });

  it('tells a hub blocked by the page’s Content-Security-Policy, with the directive to fix', async () => {
    // A page of its own, with a policy that leaves the hub out of connect-src.
    const frame = document.createElement('iframe');
    frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="connect-src 'self'">
      <script type="module" src="${new URL('../../src/widget/index.ts', import.meta.url).pathname}"></script>
      <expert-call hub="http://127.0.0.1:9" lang="en"></expert-call>`;
    const errors: ExpertCallErrorDetail[] = [];
    frame.addEventListener('load', () =>
      frame.contentDocument!.addEventListener('ec-error', (event) =>
        errors.push((event as CustomEvent<ExpertCallErrorDetail>).detail),
      ),
    );
    document.body.append(frame);
    await until(() => errors.length > 0);
    expect(errors.map((e) => e.reason)).to.deep.equal(['csp-blocked']);
    expect(errors[0]!.message).to.contain('add http://127.0.0.1:9 to its connect-src directive');
    frame.remove();
  });

  it('writes one console message for several elements with the same mistake', async () => {
    const first = mount({ hub: 'ftp://twice' });
    const second = mount({ hub: 'ftp://twice' });
    await until(() => first.errors.length > 0 && second.errors.length > 0);
    expect(logged.filter((line) => line.includes('ftp://twice'))).to.have.length(1);
  });

  it('hides itself instead, when asked to', async () => {
    const { element } = await unavailable({ 'when-unavailable': 'hide' });
    expect(getComputedStyle(element).display).to.equal('none');
  });
});

describe('a camera forbidden by the shop’s page', () => {
  it('is told apart from a camera the shopper refused', async () => {
    const frame = document.createElement('iframe');
    frame.allow = "camera 'none'; microphone 'none'";
    document.body.append(frame);
    const page = frame.contentDocument!;
    const error = await page.defaultView!.navigator.mediaDevices.getUserMedia({ video: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, 'the iframe may not use the camera').to.not.equal(null);
    expect(deviceProblem(error, 'camera', page)).to.equal('blocked-by-site');
    expect(logged.join('\n')).to.contain('Permissions-Policy forbids the camera');
    const refused = new DOMException('Permission denied', 'NotAllowedError');
    expect(deviceProblem(refused, 'camera', document)).to.equal('permission-denied');
    frame.remove();
  });
});
