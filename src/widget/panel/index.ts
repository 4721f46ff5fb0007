/**
 * The chunk `<expert-call>` loads on intent: the panel, the conversation logic and
 * livekit-client. Nothing here runs before a shopper shows interest.
 */
import { loadMediaStack, webrtcSupported } from '../../core/media-session.js';
import { OfflineRequests } from '../../core/offline-client.js';
import { ShopperConversation } from '../../core/shopper-conversation.js';
import { languageOf } from '../../i18n/language.js';
import { loadPanelText } from '../../i18n/panel.js';
import type { Availability, Language } from '../../protocol/index.js';
import type { CreatePanel } from '../panel-contract.js';
import { ExpertCallPanel } from './expert-call-panel.js';

/** The hub's word on who can answer now (cached by the hub for 20 s); undefined if unknown. */
async function readAvailability(
  hub: string,
  topic: string | undefined,
  lang: Language,
): Promise<Availability | undefined> {
  try {
    const url = new URL('availability', new URL(hub, location.href).href.replace(/\/?$/, '/'));
    if (topic) url.searchParams.set('topic', topic);
    url.searchParams.set('lang', lang);
    const response = await fetch(url, { credentials: 'omit' });
    return response.ok ? ((await response.json()) as Availability) : undefined;
  } catch {
    return undefined; // the first screen then goes by the launcher's dot, or offers everything
  }
}

/**
 * The page's language's words (English if those cannot be fetched), fetched with the panel:
 * the launcher waits for this before it creates the panel, so a French shopper never sees an
 * English first screen flash by, and an English one downloads no other language. A promise,
 * not a top-level await: a shop's bundler may build for a format without one (an IIFE).
 */
export const ready: Promise<unknown> = loadPanelText(languageOf(document.documentElement)).catch(
  () => loadPanelText('en'),
);

let callParts: Promise<unknown> | undefined;

/** The call's picture, the chat and the offline forms: a chunk fetched after the first screen. */
function loadCallParts(): Promise<unknown> {
  callParts ??= import('./call-parts.js').catch((error: unknown) => {
    callParts = undefined;
    throw error;
  });
  return callParts;
}

export const createPanel: CreatePanel = (options) => {
  const conversation = new ShopperConversation({
    hub: options.hub,
    lang: () => options.lang(),
    context: options.context,
    customerToken: options.customerToken,
    topic: options.topic,
    tickets: options.tickets,
  });
  const element = new ExpertCallPanel();
  // The shop's CSS reaches the panel's parts through `expert-call::part(…)`.
  element.setAttribute('exportparts', 'panel, header, body, controls, chat, remote, self');
  element.conversation = conversation;
  const offline = new OfflineRequests(options.hub);
  element.offline = offline;
  element.topic = options.topic();
  element.words = options.words();
  element.lang = options.lang();
  void loadPanelText(element.lang).catch(() => {});
  element.context = options.context();
  element.identified = options.customerToken() !== undefined;
  element.addEventListener('ec-panel-close', options.onClose);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') options.onClose();
  });
  const off = conversation.on('state', options.onState);
  return {
    element,
    get state() {
      return conversation.state;
    },
    open(resumed = false) {
      element.words = options.words();
      element.identified = options.customerToken() !== undefined;
      if (!resumed) conversation.open();
      void readAvailability(options.hub, options.topic(), options.lang()).then((availability) => {
        if (availability) element.availability = availability;
      });
      element.focus();
      // The media stack comes while the shopper reads and chooses, not before the first screen.
      const fetchRest = () => {
        void loadCallParts().catch(() => {});
        if (webrtcSupported()) void loadMediaStack().catch(() => {});
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(fetchRest);
      else setTimeout(fetchRest, 0);
    },
    end() {
      conversation.end();
    },
    resume: (take) =>
      Promise.all([
        loadCallParts(),
        take ? conversation.take(take.code, take.mode) : conversation.resume(),
      ]).then(() => {}),
    refresh() {
      element.lang = options.lang();
      void loadPanelText(element.lang).catch(() => {});
      element.context = options.context();
      element.identified = options.customerToken() !== undefined;
      element.words = options.words();
    },
    dispose() {
      off();
      conversation.dispose();
      offline.dispose();
      element.remove();
    },
  };
};
