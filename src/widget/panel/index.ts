/**
 * The chunk `<expert-call>` loads on intent: the panel, the conversation logic and
 * livekit-client. Nothing here runs before a shopper shows interest.
 */
import { OfflineRequests } from '../../core/offline-client.js';
import { ShopperConversation } from '../../core/shopper-conversation.js';
import { hubLanguage } from '../../i18n/language.js';
import type { CreatePanel } from '../panel-contract.js';
import { ExpertCallPanel } from './expert-call-panel.js';

export const createPanel: CreatePanel = (options) => {
  const conversation = new ShopperConversation({
    hub: options.hub,
    lang: () => hubLanguage(options.lang()),
    context: options.context,
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
  element.context = options.context();
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
    open() {
      element.words = options.words();
      conversation.open();
      element.focus();
    },
    end() {
      conversation.end();
    },
    resume: () => conversation.resume(),
    refresh() {
      element.lang = options.lang();
      element.context = options.context();
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
