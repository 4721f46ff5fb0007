/** What the shopper's panel says, in each language. */
import type { ChatReason, Language } from '../protocol/index.js';
import type { ConversationEndReason } from '../core/conversation-state.js';
import type { Device, DeviceProblem } from '../core/media-session.js';
import type { ChatWords } from '../ui/chat-view.js';
import { plural } from './format.js';
import { systemLine } from './system-lines.js';

/** What had been going on when the conversation ended. */
export type EndedWhat = 'call' | 'chat' | 'queue' | 'attempt';

export interface PanelText {
  title: string;
  close: string;
  intro: string;
  cameraOffPromise: string;
  expertWillSee: string;
  thisPage: string;
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
  /** The call's control bar, for screen readers. */
  callControls: string;
  /** The button that opens and shuts the chat during a call. */
  chatSheet: string;
  unread: (n: number) => string;
  /** The state said to screen readers when the shop or topic is closed. */
  closedNow: string;
  chatWith: (name: string) => string;
  /** A device that failed, in a few words, for the live region. */
  deviceProblemShort: (device: Device) => string;
  device: Record<Device, string>;
  deviceProblem: (device: Device, problem: DeviceProblem) => string;
  deviceStarting: (device: Device) => string;
  reconnecting: string;
  chatOnly: Record<ChatReason, string>;
  chatCall: string;
  chatCallHint: string;
  noWebrtc: string;
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
}

const en: PanelText = {
  title: 'Talk to an expert',
  close: 'Close',
  intro: 'A real person from our team answers you by video or voice, free of charge.',
  cameraOffPromise:
    'Your camera stays off: you see the expert, they only see you if you turn your camera on.',
  expertWillSee: 'The expert will see:',
  thisPage: 'the page you are on',
  videoCall: 'Video call',
  videoCallHint: 'See the expert; your camera stays off',
  voiceCall: 'Voice only',
  voiceCallHint: 'Talk without video',
  requesting: 'Finding an expert…',
  queued: (n) => (n === 1 ? 'You are next in line.' : `You are number ${n} in line.`),
  queuedHint: 'Stay on this page: we put you through as soon as an expert is free.',
  eta: (s) =>
    s === undefined
      ? 'No expert is free for this right now; you keep your place.'
      : s < 60
        ? 'Expected wait: under a minute.'
        : `Expected wait: about ${Math.round(s / 60)} min.`,
  waitInChat: 'Write instead',
  waitInChatHint: 'An expert can often answer in writing sooner. You keep your place.',
  waitingInChat: 'You will talk in writing: the expert answers here.',
  connecting: 'Putting you through to an expert…',
  leaveQueue: 'Leave the queue',
  cancel: 'Cancel',
  inCallWith: (name) => `You are talking with ${name}`,
  expertCameraOff: 'The expert’s camera is off',
  you: 'You',
  microphoneOn: 'Mute',
  microphoneOff: 'Unmute',
  cameraOn: 'Stop video',
  cameraOff: 'Start video',
  hangUp: 'Hang up',
  endTitle: {
    call: 'Call ended',
    chat: 'Conversation ended',
    queue: 'You are no longer waiting',
    attempt: 'We could not put you through',
  },
  endReason: (reason, what) => {
    const noun = what === 'call' ? 'call' : 'conversation';
    switch (reason) {
      case 'shopper-hung-up':
        return what === 'call'
          ? 'You hung up. Thank you for calling.'
          : 'You ended the conversation. Thank you for writing to us.';
      case 'expert-hung-up':
        return `The expert ended the ${noun}. Thank you for ${what === 'call' ? 'calling' : 'writing to us'}.`;
      case 'shopper-left':
        return `You left the ${noun}.`;
      case 'expert-left':
        return `The expert was disconnected. Please ${what === 'call' ? 'call' : 'write'} again.`;
      case 'shopper-cancelled':
        return 'You left the queue. Nobody will call you.';
      case 'hub-unreachable':
        return 'We could not reach our experts. Check your connection and try again.';
      case 'media-unavailable':
        return 'Video calls are not available right now. Please try again in a moment.';
      case 'timeout':
        return 'Our experts did not answer in time. Please try again.';
    }
  },
  again: { call: 'Call again', chat: 'Write again', queue: 'Start again', attempt: 'Try again' },
  transcript: 'Your conversation',
  downloadTranscript: 'Download as text',
  transcriptFile: 'conversation',
  callControls: 'Call controls',
  chatSheet: 'Messages',
  unread: (n) => plural('en', n, { one: '# unread message', other: '# unread messages' }),
  closedNow: 'Our experts are not available right now.',
  chatWith: (name) => `Chat with ${name}`,
  deviceProblemShort: (device) => `Your ${device} is not working.`,
  reconnecting: 'Connection lost. Reconnecting… your conversation is kept.',
  chatOnly: {
    chosen: 'Write your question below: the expert answers here.',
    'media-lost':
      'The video connection was lost, so we switched to chat: your expert is still here and sees everything written below.',
    'media-unavailable':
      'Video is not available right now, so your expert answers you here in writing.',
  },
  chatCall: 'Write',
  chatCallHint: 'Chat with the expert in writing',
  noWebrtc: 'This browser cannot make video calls, but an expert can answer you in writing.',
  endConversation: 'End conversation',
  switchToChat: 'Switch to chat',
  backToCall: 'Back to video',
  weakConnection: {
    voice: 'Your connection is weak. Voice only would carry better: switch to voice only?',
    chat: 'Your connection is still weak. Carry on in chat? The expert stays with you.',
    takeVoice: 'Voice only',
    takeChat: 'Switch to chat',
    dismiss: 'Not now',
  },
  chat: {
    log: 'Messages',
    you: 'You',
    placeholder: 'Write a message',
    send: 'Send',
    sending: 'sending…',
    sent: 'sent',
    failed: 'not sent',
    retry: 'Retry',
    typing: (name) => `${name} is typing…`,
    tooLong: (over) => `Your message is ${over} characters too long. Shorten it to send it.`,
    system: systemLine.en,
    closed: 'The conversation has ended.',
  },
  deviceStarting: (device) =>
    `Starting your ${device}… If your browser asks, choose “Allow” so the expert can ${device === 'camera' ? 'see' : 'hear'} you.`,
  device: { camera: 'camera', microphone: 'microphone' },
  deviceProblem: (device, problem) => {
    const name = device === 'camera' ? 'camera' : 'microphone';
    switch (problem) {
      case 'permission-denied':
        return `Your ${name} is blocked. To use it, allow it in your browser (the icon in the address bar), then try again. You can still see and hear the expert.`;
      case 'no-device':
        return `No ${name} was found on this device. You can still see and hear the expert.`;
      case 'device-busy':
        return `Your ${name} is used by another app. Close that app, then try again.`;
      case 'unsupported':
        return `This browser cannot use your ${name}. You can still see and hear the expert.`;
      case 'failed':
        return `Your ${name} could not be started. You can still see and hear the expert.`;
    }
  },
};

const fr: PanelText = {
  title: 'Parler à un expert',
  close: 'Fermer',
  intro: 'Une vraie personne de notre équipe vous répond en vidéo ou par la voix, gratuitement.',
  cameraOffPromise:
    'Votre caméra reste éteinte : vous voyez l’expert, il ne vous voit que si vous allumez votre caméra.',
  expertWillSee: 'L’expert verra :',
  thisPage: 'la page que vous consultez',
  videoCall: 'Appel vidéo',
  videoCallHint: 'Voyez l’expert ; votre caméra reste éteinte',
  voiceCall: 'Voix seulement',
  voiceCallHint: 'Parler sans vidéo',
  requesting: 'Recherche d’un expert…',
  queued: (n) => (n === 1 ? 'Vous êtes le prochain.' : `Vous êtes numéro ${n} dans la file.`),
  queuedHint: 'Restez sur cette page : nous vous mettons en relation dès qu’un expert est libre.',
  eta: (s) =>
    s === undefined
      ? 'Aucun expert n’est libre pour cela en ce moment ; vous gardez votre place.'
      : s < 60
        ? 'Attente estimée : moins d’une minute.'
        : `Attente estimée : environ ${Math.round(s / 60)} min.`,
  waitInChat: 'Écrire plutôt',
  waitInChatHint: 'Un expert peut souvent répondre plus vite par écrit. Vous gardez votre place.',
  waitingInChat: 'Vous échangerez par écrit : l’expert vous répond ici.',
  connecting: 'Mise en relation avec un expert…',
  leaveQueue: 'Quitter la file',
  cancel: 'Annuler',
  inCallWith: (name) => `Vous parlez avec ${name}`,
  expertCameraOff: 'La caméra de l’expert est éteinte',
  you: 'Vous',
  microphoneOn: 'Couper le micro',
  microphoneOff: 'Activer le micro',
  cameraOn: 'Couper la caméra',
  cameraOff: 'Activer la caméra',
  hangUp: 'Raccrocher',
  endTitle: {
    call: 'Appel terminé',
    chat: 'Conversation terminée',
    queue: 'Vous n’êtes plus en attente',
    attempt: 'La mise en relation n’a pas abouti',
  },
  endReason: (reason, what) => {
    const call = what === 'call';
    switch (reason) {
      case 'shopper-hung-up':
        return call
          ? 'Vous avez raccroché. Merci de votre appel.'
          : 'Vous avez terminé la conversation. Merci de nous avoir écrit.';
      case 'expert-hung-up':
        return call
          ? 'L’expert a terminé l’appel. Merci de votre appel.'
          : 'L’expert a terminé la conversation. Merci de nous avoir écrit.';
      case 'shopper-left':
        return call ? 'Vous avez quitté l’appel.' : 'Vous avez quitté la conversation.';
      case 'expert-left':
        return call
          ? 'L’expert a été déconnecté. Merci de rappeler.'
          : 'L’expert a été déconnecté. Merci de nous réécrire.';
      case 'shopper-cancelled':
        return 'Vous avez quitté la file. Personne ne vous rappellera.';
      case 'hub-unreachable':
        return 'Impossible de joindre nos experts. Vérifiez votre connexion et réessayez.';
      case 'media-unavailable':
        return 'Les appels vidéo sont indisponibles pour le moment. Réessayez dans un instant.';
      case 'timeout':
        return 'Nos experts n’ont pas répondu à temps. Merci de réessayer.';
    }
  },
  again: {
    call: 'Rappeler',
    chat: 'Écrire de nouveau',
    queue: 'Recommencer',
    attempt: 'Réessayer',
  },
  transcript: 'Votre conversation',
  downloadTranscript: 'Télécharger en texte',
  transcriptFile: 'conversation',
  callControls: 'Commandes de l’appel',
  chatSheet: 'Messages',
  unread: (n) => plural('fr', n, { one: '# message non lu', other: '# messages non lus' }),
  closedNow: 'Nos experts ne sont pas disponibles pour le moment.',
  chatWith: (name) => `Conversation avec ${name}`,
  deviceProblemShort: (device) =>
    device === 'camera' ? 'Votre caméra ne fonctionne pas.' : 'Votre micro ne fonctionne pas.',
  reconnecting: 'Connexion perdue. Reconnexion… votre conversation est conservée.',
  chatOnly: {
    chosen: 'Écrivez votre question ci-dessous : l’expert vous répond ici.',
    'media-lost':
      'La connexion vidéo a été perdue, nous sommes passés à l’écrit : votre expert est toujours là et voit tout ce qui est écrit ci-dessous.',
    'media-unavailable':
      'La vidéo est indisponible pour le moment : votre expert vous répond ici par écrit.',
  },
  chatCall: 'Écrire',
  chatCallHint: 'Échanger par écrit avec l’expert',
  noWebrtc:
    'Ce navigateur ne permet pas les appels vidéo, mais un expert peut vous répondre par écrit.',
  endConversation: 'Terminer la conversation',
  switchToChat: 'Passer à l’écrit',
  backToCall: 'Revenir à la vidéo',
  weakConnection: {
    voice: 'Votre connexion est faible. La voix seule passerait mieux : couper la vidéo ?',
    chat: 'Votre connexion reste faible. Continuer par écrit ? L’expert reste avec vous.',
    takeVoice: 'Voix seulement',
    takeChat: 'Passer à l’écrit',
    dismiss: 'Pas maintenant',
  },
  chat: {
    log: 'Messages',
    you: 'Vous',
    placeholder: 'Écrire un message',
    send: 'Envoyer',
    sending: 'envoi…',
    sent: 'envoyé',
    failed: 'non envoyé',
    retry: 'Réessayer',
    typing: (name) => `${name} écrit…`,
    tooLong: (over) =>
      `Votre message dépasse la limite de ${over} caractères. Raccourcissez-le pour l’envoyer.`,
    system: systemLine.fr,
    closed: 'La conversation est terminée.',
  },
  deviceStarting: (device) =>
    device === 'camera'
      ? 'Démarrage de votre caméra… Si votre navigateur vous le demande, choisissez « Autoriser » pour que l’expert vous voie.'
      : 'Démarrage de votre micro… Si votre navigateur vous le demande, choisissez « Autoriser » pour que l’expert vous entende.',
  device: { camera: 'caméra', microphone: 'micro' },
  deviceProblem: (device, problem) => {
    const name = device === 'camera' ? 'caméra' : 'micro';
    const article = device === 'camera' ? 'Votre caméra est' : 'Votre micro est';
    switch (problem) {
      case 'permission-denied':
        return `${article} bloqué${device === 'camera' ? 'e' : ''}. Pour l’utiliser, autorisez-le dans votre navigateur (l’icône dans la barre d’adresse), puis réessayez. Vous pouvez toujours voir et entendre l’expert.`;
      case 'no-device':
        return `Aucun ${device === 'camera' ? 'appareil photo' : 'micro'} trouvé sur cet appareil. Vous pouvez toujours voir et entendre l’expert.`;
      case 'device-busy':
        return `${article} utilisé${device === 'camera' ? 'e' : ''} par une autre application. Fermez-la, puis réessayez.`;
      case 'unsupported':
        return `Ce navigateur ne peut pas utiliser votre ${name}. Vous pouvez toujours voir et entendre l’expert.`;
      case 'failed':
        return `Votre ${name} n’a pas pu démarrer. Vous pouvez toujours voir et entendre l’expert.`;
    }
  },
};

export const panelText: Record<Language, PanelText> = { en, fr };
