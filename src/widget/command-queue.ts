/**
 * The one-tag embed as shops expect it: a global `ExpertCall(command, …)` that a page may call
 * before the script has loaded (a two-line stub queues the calls, which run once it loads), and
 * the script tag's `data-*` as the configuration of every `<expert-call>` on the page.
 *
 * ```html
 * <script>
 *   window.ExpertCall ||= Object.assign((...a) => ExpertCall.q.push(a), { q: [] });
 * </script>
 * <script type="module" async src="…/expert-call.js" data-hub="https://experts.example"></script>
 * ```
 */
import type { ShopperContext } from '../protocol/index.js';
import type { ExpertCallErrorDetail } from '../core/expert-call-error.js';
import type { ProductEventDetail, StateChange } from './panel-contract.js';
import { ExpertCall as ExpertCallElement, PAGE_ATTRIBUTES, pageDefaults } from './expert-call.js';

/** What `ExpertCall('on', name, listener)` passes to `listener` for each event name. */
export interface ExpertCallEvents {
  /** Every change of the conversation's state. */
  state: StateChange;
  /** The panel opened. */
  open: undefined;
  /** The panel closed (the conversation, if any, goes on). */
  close: undefined;
  /** The hub cannot be used, or the panel could not be loaded. */
  error: ExpertCallErrorDetail;
  /** The shopper opened the page of a product the expert showed. */
  'open-product': ProductEventDetail;
  /** The shopper added a product the expert showed to the cart: add it to the page's cart. */
  'add-to-cart': ProductEventDetail;
  /** The shopper reserved a product the expert showed, for collection in the store named. */
  reserve: ProductEventDetail;
}

type Listener<K extends keyof ExpertCallEvents> = (detail: ExpertCallEvents[K]) => void;

/** The page's global `ExpertCall`: every command of the queue, typed. */
export interface ExpertCallCommand {
  /** Opens the page's panel (from its first `<expert-call>`): the first screen or the ongoing conversation. */
  (command: 'open'): Promise<void>;
  /** Hides the panel; a call or a place in the queue goes on. */
  (command: 'close'): void;
  /** Leaves the queue or hangs up. */
  (command: 'end'): void;
  /** What the expert sees about the page and product, for every `<expert-call>` of the page. */
  (command: 'setContext', context: ShopperContext): void;
  /**
   * Who the logged-in customer is: a token the shop's server signed (README, "Identify a
   * logged-in customer"), sent with the next conversation's request and verified by the hub;
   * `null` forgets it (the customer logged out). Given during a conversation: for the next one.
   */
  (command: 'identify', token: string | null): void;
  /** Calls `listener` with each event's detail; `ExpertCall('off', …)` with the same stops it. */
  <K extends keyof ExpertCallEvents>(command: 'on', event: K, listener: Listener<K>): void;
  <K extends keyof ExpertCallEvents>(command: 'off', event: K, listener: Listener<K>): void;
  /** Calls made before the script loaded, in order (the stub's queue). */
  q?: unknown[][];
}

declare global {
  interface Window {
    ExpertCall?: ExpertCallCommand;
  }
}

const COMMANDS = ['open', 'close', 'end', 'setContext', 'identify', 'on', 'off'];
const listening = new Map<(detail: never) => void, Map<string, EventListener>>();

/** The element commands act on: the one holding the conversation, else the page's first. */
function target(): ExpertCallElement | null {
  const all = [...document.querySelectorAll('expert-call')];
  return all.find((element) => element.state.kind !== 'idle') ?? all[0] ?? null;
}

function run(command: unknown, ...args: unknown[]): unknown {
  if (typeof command !== 'string' || !COMMANDS.includes(command)) {
    console.error(
      `[expert-call] ExpertCall(${JSON.stringify(command)}) is not a command: use one of ${COMMANDS.join(', ')}.`,
    );
    return undefined;
  }
  if (command === 'setContext') {
    ExpertCallElement.setPageContext(args[0] as ShopperContext);
    return undefined;
  }
  if (command === 'identify') {
    const token = args[0];
    if (token !== null && typeof token !== 'string') {
      console.error(
        "[expert-call] ExpertCall('identify', token) takes the string your server signed, or null.",
      );
      return undefined;
    }
    ExpertCallElement.setPageCustomerToken(token || null);
    return undefined;
  }
  if (command === 'on' || command === 'off') {
    const [event, listener] = args as [string, (detail: unknown) => void];
    const byEvent = listening.get(listener) ?? new Map<string, EventListener>();
    listening.set(listener, byEvent);
    const existing = byEvent.get(event);
    if (existing) document.removeEventListener(`ec-${event}`, existing);
    byEvent.delete(event);
    if (command === 'on') {
      const relay: EventListener = (e) => listener((e as CustomEvent).detail);
      byEvent.set(event, relay);
      document.addEventListener(`ec-${event}`, relay);
    }
    return undefined;
  }
  const element = target();
  if (!element) {
    console.error(
      `[expert-call] ExpertCall('${command}') found no <expert-call> on this page: add one, or give the script tag a data-hub.`,
    );
    return command === 'open' ? Promise.resolve() : undefined;
  }
  if (command === 'open') return element.open();
  if (command === 'close') return element.close();
  return element.end();
}

/** Our own script tag, found by its URL (module scripts have no `document.currentScript`). */
function ownScript(scriptUrl: string): HTMLScriptElement | undefined {
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find(
    (script) => script.src === scriptUrl,
  );
}

/** Reads the script tag's `data-*`: before the element is defined, so that every one has them. */
export function readScriptConfig(scriptUrl: string): void {
  const script = ownScript(scriptUrl);
  for (const name of PAGE_ATTRIBUTES) {
    const value = script?.getAttribute(`data-${name}`);
    if (value != null) pageDefaults.attributes[name] = value;
  }
}

/**
 * Once the element is defined: puts one floating `<expert-call>` on a page that has none but
 * gave a `data-hub`, and replaces the stub with the real `ExpertCall`, running what the page
 * queued meanwhile.
 */
export function installCommandQueue(): void {
  const queued = window.ExpertCall?.q ?? [];
  window.ExpertCall = run as ExpertCallCommand;

  const ready = () => {
    if (pageDefaults.attributes['hub'] && !document.querySelector('expert-call')) {
      document.body.append(document.createElement('expert-call'));
    }
    for (const args of queued.splice(0)) {
      try {
        void Promise.resolve(run(...(args as [unknown, ...unknown[]]))).catch(() => {});
      } catch (error) {
        console.error('[expert-call] A queued ExpertCall(…) call failed:', error);
      }
    }
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready, { once: true });
  } else ready();
}
