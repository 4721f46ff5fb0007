/**
 * The one-tag embed as shops expect it: calls queued before the script loads run once it has,
 * the script tag's `data-*` configure the page's elements, and however many buttons a page has,
 * it has one panel and one conversation.
 */
import { expect } from '@esm-bundle/chai';
import '../../src/widget/index.js';
import type { ExpertCall, ExpertCallCommand, StateChange } from '../../src/widget/index.js';

/** A hub URL where nothing listens: the first screen still opens; nothing here calls. */
const DEAD_HUB = 'http://127.0.0.1:9';
const SCRIPT = new URL('../../src/widget/index.ts', import.meta.url).pathname;

async function until(condition: () => boolean): Promise<void> {
  // Bounded by the test runner's own timeout; no wall-clock assertion here.
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

function panels(root: Document): Element[] {
  return [...root.querySelectorAll('expert-call')].flatMap((element) => [
    ...element.shadowRoot!.querySelectorAll('expert-call-panel'),
  ]);
}

afterEach(() => {
  for (const element of document.querySelectorAll('expert-call')) element.remove();
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
});

describe('the one-tag embed', () => {
  it('runs the calls a page made before the script loaded, in order, once it has', async () => {
    // A shop's page of its own: the documented stub, three early calls, then the async script.
    const frame = document.createElement('iframe');
    frame.srcdoc = `
      <script>
        window.ExpertCall ||= Object.assign((...a) => ExpertCall.q.push(a), { q: [] });
        window.seen = [];
        ExpertCall('on', 'state', (change) => seen.push('state:' + change.state.kind));
        ExpertCall('on', 'open', () => seen.push('open'));
        ExpertCall('setContext', { product: { name: 'Lumen E-City 500' } });
        ExpertCall('open');
      </script>
      <script type="module" async src="${SCRIPT}"
        data-hub="${DEAD_HUB}" data-lang="en" data-placement="inline" data-topic="bikes"></script>`;
    document.body.append(frame);
    const page = () => frame.contentWindow as unknown as Window & { seen: string[] };
    await until(() => page().seen?.includes('open'));

    expect(page().seen).to.deep.equal(['state:choosing', 'open']);
    const element = frame.contentDocument!.querySelector('expert-call')!;
    expect(element, 'one element put on a page that had none').to.not.equal(null);
    expect(element.getAttribute('hub')).to.equal(DEAD_HUB);
    expect(element.getAttribute('placement')).to.equal('inline');
    expect(element.getAttribute('topic')).to.equal('bikes');
    expect(element.context.product?.name).to.equal('Lumen E-City 500');
    expect(page().ExpertCall!.q, 'the stub is replaced').to.equal(undefined);
  });

  it('gives the script tag’s data-* to elements that do not set their own', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `
      <expert-call id="own" hub="${DEAD_HUB}" label="Ask Léa"></expert-call>
      <expert-call id="plain"></expert-call>
      <script type="module" src="${SCRIPT}" data-hub="${DEAD_HUB}/other" data-label="Ask us"></script>`;
    document.body.append(frame);
    await until(() => !!frame.contentWindow?.customElements.get('expert-call'));
    const own = frame.contentDocument!.getElementById('own')!;
    const plain = frame.contentDocument!.getElementById('plain')!;
    expect(own.getAttribute('hub')).to.equal(DEAD_HUB);
    expect(own.shadowRoot!.querySelector('button')!.textContent).to.equal('Ask Léa');
    expect(plain.getAttribute('hub')).to.equal(`${DEAD_HUB}/other`);
    expect(plain.shadowRoot!.querySelector('button')!.textContent).to.equal('Ask us');
    expect(frame.contentDocument!.querySelectorAll('expert-call')).to.have.length(2);
  });

  it('gives every button the customer token identified before the script loaded', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `
      <script>
        window.ExpertCall ||= Object.assign((...a) => ExpertCall.q.push(a), { q: [] });
        ExpertCall('identify', 'token-the-shop-signed');
      </script>
      <expert-call id="first" hub="${DEAD_HUB}"></expert-call>
      <expert-call id="second" hub="${DEAD_HUB}"></expert-call>
      <script type="module" async src="${SCRIPT}"></script>`;
    document.body.append(frame);
    const page = () => frame.contentWindow as unknown as Window;
    await until(() => !!page().ExpertCall && page().ExpertCall!.q === undefined);
    const [first, second] = ['first', 'second'].map(
      (id) => frame.contentDocument!.getElementById(id) as ExpertCall,
    );
    expect(first!.customerToken).to.equal('token-the-shop-signed');
    expect(second!.customerToken).to.equal('token-the-shop-signed');

    second!.customerToken = 'this-button-s-own';
    expect(second!.customerToken, 'a button’s own token comes first').to.equal('this-button-s-own');
    page().ExpertCall!('identify', null);
    expect(first!.customerToken, 'forgotten when the customer logs out').to.equal(null);
    expect(second!.customerToken).to.equal('this-button-s-own');
  });

  it('tells an identified shopper, before they choose, that the expert will see their account name', async () => {
    const shared = async (token: string | null) => {
      const element = document.createElement('expert-call');
      element.setAttribute('hub', DEAD_HUB);
      element.customerToken = token;
      document.body.append(element);
      await element.open();
      const panel = element.shadowRoot!.querySelector('expert-call-panel')!;
      await panel.updateComplete;
      const items = [...panel.shadowRoot!.querySelectorAll('.shared li')].map((li) =>
        li.textContent!.trim(),
      );
      element.remove();
      return items;
    };
    expect(await shared('token-the-shop-signed')).to.include(
      'your name, from your account on this shop',
    );
    expect(await shared(null)).to.not.include('your name, from your account on this shop');
  });

  it('says which command it does not know', () => {
    const errors: string[] = [];
    const consoleError = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      (window.ExpertCall as unknown as (command: string) => void)('opne');
    } finally {
      console.error = consoleError;
    }
    expect(errors[0]).to.match(/"opne"\) is not a command: use one of open, close, end/);
  });

  it('relays events to listeners added with "on" until "off"', async () => {
    const element = document.createElement('expert-call');
    element.setAttribute('hub', DEAD_HUB);
    document.body.append(element);
    const states: string[] = [];
    const listener = (change: StateChange) => states.push(change.state.kind);
    const command = window.ExpertCall as ExpertCallCommand;
    command('on', 'state', listener);
    await command('open');
    command('off', 'state', listener);
    command('close');
    element.end();
    expect(states).to.deep.equal(['choosing']);
  });
});

describe('several buttons on one page', () => {
  function mount(): ExpertCall {
    const element = document.createElement('expert-call');
    element.setAttribute('hub', DEAD_HUB);
    element.setAttribute('placement', 'inline');
    document.body.append(element);
    return element;
  }

  it('open one panel and one conversation, whichever is used', async () => {
    const [first, second, third] = [mount(), mount(), mount()];
    await second.open();
    expect(panels(document)).to.have.length(1);
    expect(first.state.kind).to.equal('choosing');
    expect(third.state).to.equal(second.state);

    second.close();
    await first.open();
    await third.open();
    expect(panels(document), 'still the one panel').to.have.length(1);
    expect(second.shadowRoot!.querySelector('expert-call-panel')).to.not.equal(null);
  });

  it('each shows the context of the button used last', async () => {
    const [bike, lamp] = [mount(), mount()];
    bike.context = { product: { name: 'Lumen E-City 500' } };
    lamp.context = { product: { name: 'Lampe Orbe' } };
    await bike.open();
    bike.close();
    await lamp.open();
    const panel = bike.shadowRoot!.querySelector('expert-call-panel')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(panel.shadowRoot!.textContent).to.contain('Lampe Orbe');
  });
});
