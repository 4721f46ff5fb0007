/** What the shopper's panel says, in each language. */
import type { UiLanguage } from './language.js';
import type { ChatReason } from '../protocol/index.js';
import type { ConversationEndReason } from '../core/conversation-state.js';
import type { BrowserFamily, Device, DeviceProblem } from '../core/devices.js';
import type { BlurWords, ScreenWords } from './words.js';
import type { ChatWords, PhotoWords } from './words.js';

/** What had been going on when the conversation ended. */
export type EndedWhat = 'call' | 'chat' | 'queue' | 'attempt';

export interface PanelText {
  title: string;
  close: string;
  intro: string;
  cameraOffPromise: string;
  expertWillSee: string;
  thisPage: string;
  /** In what the expert will see, when the shop identified the shopper (`identify`). */
  yourAccount: string;
  videoCall: string;
  videoCallHint: string;
  voiceCall: string;
  voiceCallHint: string;
  requesting: string;
  queued: (position: number) => string;
  queuedHint: string;
  /** The estimated wait; `undefined`: nobody answers this right now. */
  eta: (seconds: number | undefined) => string;
  waitInChat: string;
  waitInChatHint: string;
  waitingInChat: string;
  connecting: string;
  leaveQueue: string;
  cancel: string;
  inCallWith: (name: string) => string;
  expertCameraOff: string;
  you: string;
  microphoneOn: string;
  microphoneOff: string;
  cameraOn: string;
  cameraOff: string;
  /** Turns to the phone's other camera (the rear one, to show a product or a fault). */
  switchCamera: string;
  /** Carrying the conversation on on the shopper's phone (a QR code and a link). */
  handoff: {
    button: string;
    title: string;
    how: string;
    asking: string;
    failed: string;
    expired: string;
    again: string;
    close: string;
    qr: string;
  };
  /** Sharing one's screen (desktop browsers). */
  screen: ScreenWords;
  blur: BlurWords;
  /** Said to screen readers when the expert marks a spot on the shopper's own picture. */
  expertMarked: (name: string) => string;
  hangUp: string;
  /** The end screen's title: what ended. */
  endTitle: Record<EndedWhat, string>;
  /** Why it ended, in words that fit what ended. */
  endReason: (reason: ConversationEndReason, what: EndedWhat) => string;
  /** The end screen's way to start again. */
  again: Record<EndedWhat, string>;
  transcript: string;
  downloadTranscript: string;
  /** The downloaded transcript's file name, before the date. */
  transcriptFile: string;
  /** The end screen's rating of a conversation an expert had: all of it optional. */
  rating: {
    /** The question, naming the expert. */
    title: (expertName: string) => string;
    /** The accessible name of the choice of `stars` out of 5. */
    stars: (stars: number) => string;
    /** The words under the lowest and the highest. */
    low: string;
    high: string;
    comment: string;
    send: string;
    sending: string;
    thanks: string;
    failed: string;
  };
  /** The call's control bar, for screen readers. */
  callControls: string;
  /** The button that opens and shuts the chat during a call. */
  chatSheet: string;
  unread: (n: number) => string;
  /** The call's device picker. */
  devices: {
    button: string;
    title: string;
    videoinput: string;
    audioinput: string;
    audiooutput: string;
  };
  /** The first screen's device check, before any call. */
  check: {
    open: string;
    title: string;
    done: string;
    /** The microphone's level bar, for screen readers. */
    level: string;
    levelHint: string;
    showCamera: string;
    hideCamera: string;
    /** The camera's preview, for screen readers. */
    preview: string;
    previewNote: string;
    testSound: string;
    kept: string;
  };
  /** The browser waits for a tap before it plays sound (iOS Safari): the button that starts it. */
  tapToHear: (name: string) => string;
  /** The first screen, when every expert is in a conversation: a wait is likely. */
  allBusy: string;
  /** The first screen, when no expert answers this topic right now (but it is open). */
  noneFree: string;
  /** Added when video is busy but an expert can write now. */
  writeSooner: string;
  /** The state said to screen readers when the shop or topic is closed. */
  closedNow: string;
  chatWith: (name: string) => string;
  /** A device that failed, in a few words, for the live region. */
  deviceProblemShort: (device: Device) => string;
  device: Record<Device, string>;
  /** What went wrong and what to do, where to allow it said in `browser`'s own menus. */
  deviceProblem: (device: Device, problem: DeviceProblem, browser?: BrowserFamily) => string;
  deviceStarting: (device: Device) => string;
  reconnecting: string;
  chatOnly: Record<ChatReason, string>;
  chatCall: string;
  chatCallHint: string;
  noWebrtc: string;
  /** A framed page that may not use the microphone: no call from here. */
  framedNoCalls: string;
  endConversation: string;
  switchToChat: string;
  backToCall: string;
  weakConnection: {
    voice: string;
    chat: string;
    takeVoice: string;
    takeChat: string;
    dismiss: string;
  };
  chat: ChatWords;
  /** Sending a photo into the conversation. */
  photos: PhotoWords;
}

/** The catalogs fetched so far (see `loadPanelText`). */
export const panelText: Partial<Record<UiLanguage, PanelText>> = {};

const loaders: Record<UiLanguage, () => Promise<{ text: PanelText }>> = {
  en: () => import('./panel-en.js'),
  fr: () => import('./panel-fr.js'),
  de: () => import('./panel-de.js'),
  es: () => import('./panel-es.js'),
  it: () => import('./panel-it.js'),
};

/**
 * Fetches the panel's words in `lang` (a few KB), once: a shopper downloads their own
 * language's texts only, English included, so the first screen stays small.
 */
export async function loadPanelText(lang: UiLanguage): Promise<PanelText> {
  const text = panelText[lang] ?? (await loaders[lang]()).text;
  panelText[lang] = text;
  return text;
}

/**
 * The words in `lang` if they are here, else English, else whichever came (while `lang` is
 * being fetched). The panel is only made once some words are here (`ready` in its chunk).
 */
export function textFor(lang: UiLanguage): PanelText {
  const text = panelText[lang] ?? panelText.en ?? Object.values(panelText)[0];
  if (!text) throw new Error('The panel was made before any of its words were fetched.');
  return text;
}
