/** What the shopper's panel says, in each language. */
import type { UiLanguage } from './language.js';
import type { ChatReason } from '../protocol/index.js';
import type { ConversationEndReason } from '../core/conversation-state.js';
import type { Device, DeviceProblem } from '../core/media-session.js';
import type { ChatWords } from '../ui/chat-view.js';
import { minutes, plural, withFrenchSpacing } from './format.js';
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
  /** The call's device picker. */
  devices: {
    button: string;
    title: string;
    videoinput: string;
    audioinput: string;
    audiooutput: string;
  };
  /** The page embedding us does not allow the device (Permissions-Policy, iframe `allow`). */
  blockedBySite: (device: Device) => string;
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
  devices: {
    button: 'Devices',
    title: 'Camera, microphone and speaker',
    videoinput: 'Camera',
    audioinput: 'Microphone',
    audiooutput: 'Speaker',
  },
  blockedBySite: (device) =>
    `This page does not let video help use your ${device}, so nothing in your browser’s settings will change that. You still see and hear the expert, and can write to them.`,
  tapToHear: (name) => `Tap to hear ${name}`,
  allBusy: 'All our experts are in a conversation right now: expect a short wait.',
  noneFree:
    'No expert is free for this right now: you can wait your turn, and we offer to get back to you if it takes long.',
  writeSooner: 'An expert can answer in writing now.',
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
  queued: (n) => (n <= 1 ? 'You are next in line.' : `You are number ${n} in line.`),
  queuedHint: 'Stay on this page: we put you through as soon as an expert is free.',
  eta: (s) =>
    s === undefined
      ? 'No expert is free for this right now; you keep your place.'
      : s < 60
        ? 'Expected wait: under a minute.'
        : `Expected wait: about ${minutes('en', Math.round(s / 60))}.`,
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
    tooLong: (over) =>
      `Your message is ${plural('en', over, { one: '# character', other: '# characters' })} too long. Shorten it to send it.`,
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
      case 'blocked-by-site':
        return `This shop's page does not allow the use of your ${name}. You can still see and hear the expert.`;
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
  devices: {
    button: 'Appareils',
    title: 'Caméra, micro et haut-parleur',
    videoinput: 'Caméra',
    audioinput: 'Micro',
    audiooutput: 'Haut-parleur',
  },
  blockedBySite: (device) =>
    `Cette page ne permet pas à l’aide vidéo d’utiliser votre ${device === 'camera' ? 'caméra' : 'micro'} : vos réglages du navigateur n’y changeront rien. Vous voyez et entendez toujours l’expert, et pouvez lui écrire.`,
  tapToHear: (name) => `Touchez pour entendre ${name}`,
  allBusy: 'Tous nos experts sont en conversation : attendez-vous à une courte attente.',
  noneFree:
    'Aucun expert n’est libre pour cela en ce moment : vous pouvez attendre votre tour, et nous vous proposons d’être rappelé si c’est long.',
  writeSooner: 'Un expert peut vous répondre par écrit dès maintenant.',
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
  queued: (n) => (n <= 1 ? 'Vous êtes le prochain.' : `Vous êtes numéro ${n} dans la file.`),
  queuedHint: 'Restez sur cette page : nous vous mettons en relation dès qu’un expert est libre.',
  eta: (s) =>
    s === undefined
      ? 'Aucun expert n’est libre pour cela en ce moment ; vous gardez votre place.'
      : s < 60
        ? 'Attente estimée : moins d’une minute.'
        : `Attente estimée : environ ${minutes('fr', Math.round(s / 60))}.`,
  waitInChat: 'Écrire plutôt',
  waitInChatHint: 'Un expert peut souvent répondre plus vite par écrit. Vous gardez votre place.',
  waitingInChat: 'Vous échangerez par écrit : l’expert vous répond ici.',
  connecting: 'Mise en relation avec un expert…',
  leaveQueue: 'Quitter la file',
  cancel: 'Annuler',
  inCallWith: (name) => `Vous parlez avec ${name}`,
  expertCameraOff: 'La caméra de l’expert est éteinte',
  you: 'Vous',
  microphoneOn: 'Couper micro',
  microphoneOff: 'Activer micro',
  cameraOn: 'Couper caméra',
  cameraOff: 'Activer caméra',
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
      case 'blocked-by-site':
        return `La page de ce site ne permet pas d’utiliser votre ${name}. Vous pouvez toujours voir et entendre l’expert.`;
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

const de: PanelText = {
  devices: {
    button: 'Geräte',
    title: 'Kamera, Mikrofon und Lautsprecher',
    videoinput: 'Kamera',
    audioinput: 'Mikrofon',
    audiooutput: 'Lautsprecher',
  },
  blockedBySite: (device) =>
    `Diese Seite erlaubt der Videohilfe ${device === 'camera' ? 'Ihre Kamera' : 'Ihr Mikrofon'} nicht; Ihre Browsereinstellungen ändern daran nichts. Sie sehen und hören den Experten weiterhin und können ihm schreiben.`,
  tapToHear: (name) => `Tippen, um ${name} zu hören`,
  allBusy: 'Alle unsere Experten sind gerade im Gespräch: Rechnen Sie mit einer kurzen Wartezeit.',
  noneFree:
    'Gerade ist dafür kein Experte frei: Sie können warten, und wenn es lange dauert, bieten wir einen Rückruf an.',
  writeSooner: 'Schriftlich kann ein Experte sofort antworten.',
  title: 'Mit einem Experten sprechen',
  close: 'Schließen',
  intro: 'Ein echter Mensch aus unserem Team antwortet Ihnen per Video oder Telefon, kostenlos.',
  cameraOffPromise:
    'Ihre Kamera bleibt aus: Sie sehen den Experten, er sieht Sie nur, wenn Sie Ihre Kamera einschalten.',
  expertWillSee: 'Der Experte sieht:',
  thisPage: 'die Seite, auf der Sie sind',
  videoCall: 'Videoanruf',
  videoCallHint: 'Den Experten sehen; Ihre Kamera bleibt aus',
  voiceCall: 'Nur Sprache',
  voiceCallHint: 'Ohne Video sprechen',
  requesting: 'Wir suchen einen Experten …',
  queued: (n) =>
    n <= 1 ? 'Sie sind als Nächstes dran.' : `Sie sind Nummer ${n} in der Warteschlange.`,
  queuedHint: 'Bleiben Sie auf dieser Seite: Wir verbinden Sie, sobald ein Experte frei ist.',
  eta: (s) =>
    s === undefined
      ? 'Gerade ist dafür kein Experte frei; Sie behalten Ihren Platz.'
      : s < 60
        ? 'Voraussichtliche Wartezeit: unter einer Minute.'
        : `Voraussichtliche Wartezeit: etwa ${minutes('de', Math.round(s / 60))}.`,
  waitInChat: 'Lieber schreiben',
  waitInChatHint: 'Schriftlich kann oft früher ein Experte antworten. Sie behalten Ihren Platz.',
  waitingInChat: 'Sie schreiben mit dem Experten: Er antwortet hier.',
  connecting: 'Wir verbinden Sie mit einem Experten …',
  leaveQueue: 'Warteschlange verlassen',
  cancel: 'Abbrechen',
  inCallWith: (name) => `Sie sprechen mit ${name}`,
  expertCameraOff: 'Die Kamera des Experten ist aus',
  you: 'Sie',
  microphoneOn: 'Stumm',
  microphoneOff: 'Mikro an',
  cameraOn: 'Video aus',
  cameraOff: 'Video an',
  hangUp: 'Auflegen',
  endTitle: {
    call: 'Anruf beendet',
    chat: 'Unterhaltung beendet',
    queue: 'Sie warten nicht mehr',
    attempt: 'Wir konnten Sie nicht verbinden',
  },
  endReason: (reason, what) => {
    const call = what === 'call';
    switch (reason) {
      case 'shopper-hung-up':
        return call
          ? 'Sie haben aufgelegt. Danke für Ihren Anruf.'
          : 'Sie haben die Unterhaltung beendet. Danke für Ihre Nachricht.';
      case 'expert-hung-up':
        return call
          ? 'Der Experte hat den Anruf beendet. Danke für Ihren Anruf.'
          : 'Der Experte hat die Unterhaltung beendet. Danke für Ihre Nachricht.';
      case 'shopper-left':
        return call ? 'Sie haben den Anruf verlassen.' : 'Sie haben die Unterhaltung verlassen.';
      case 'expert-left':
        return call
          ? 'Die Verbindung zum Experten ist abgebrochen. Bitte rufen Sie erneut an.'
          : 'Die Verbindung zum Experten ist abgebrochen. Bitte schreiben Sie erneut.';
      case 'shopper-cancelled':
        return 'Sie haben die Warteschlange verlassen. Niemand ruft Sie an.';
      case 'hub-unreachable':
        return 'Wir konnten unsere Experten nicht erreichen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.';
      case 'media-unavailable':
        return 'Videoanrufe sind gerade nicht möglich. Versuchen Sie es gleich noch einmal.';
      case 'timeout':
        return 'Unsere Experten haben nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.';
    }
  },
  again: {
    call: 'Erneut anrufen',
    chat: 'Erneut schreiben',
    queue: 'Neu beginnen',
    attempt: 'Erneut versuchen',
  },
  transcript: 'Ihre Unterhaltung',
  downloadTranscript: 'Als Text herunterladen',
  transcriptFile: 'unterhaltung',
  callControls: 'Anrufsteuerung',
  chatSheet: 'Nachrichten',
  unread: (n) =>
    plural('de', n, { one: '# ungelesene Nachricht', other: '# ungelesene Nachrichten' }),
  closedNow: 'Unsere Experten sind gerade nicht erreichbar.',
  chatWith: (name) => `Unterhaltung mit ${name}`,
  deviceProblemShort: (device) =>
    device === 'camera' ? 'Ihre Kamera funktioniert nicht.' : 'Ihr Mikrofon funktioniert nicht.',
  reconnecting: 'Verbindung unterbrochen. Neu verbinden … Ihre Unterhaltung bleibt erhalten.',
  chatOnly: {
    chosen: 'Schreiben Sie Ihre Frage unten: Der Experte antwortet hier.',
    'media-lost':
      'Die Videoverbindung ist abgebrochen, wir schreiben weiter: Ihr Experte ist noch da und sieht alles, was unten steht.',
    'media-unavailable':
      'Video ist gerade nicht möglich, deshalb antwortet Ihr Experte hier schriftlich.',
  },
  chatCall: 'Schreiben',
  chatCallHint: 'Schriftlich mit dem Experten sprechen',
  noWebrtc:
    'Dieser Browser kann keine Videoanrufe, aber ein Experte kann Ihnen schriftlich antworten.',
  endConversation: 'Unterhaltung beenden',
  switchToChat: 'Zum Chat',
  backToCall: 'Zurück zum Video',
  weakConnection: {
    voice: 'Ihre Verbindung ist schwach. Nur Sprache ginge besser: auf nur Sprache wechseln?',
    chat: 'Ihre Verbindung bleibt schwach. Schriftlich weitermachen? Der Experte bleibt bei Ihnen.',
    takeVoice: 'Nur Sprache',
    takeChat: 'Zum Chat',
    dismiss: 'Nicht jetzt',
  },
  chat: {
    log: 'Nachrichten',
    you: 'Sie',
    placeholder: 'Nachricht schreiben',
    send: 'Senden',
    sending: 'wird gesendet …',
    sent: 'gesendet',
    failed: 'nicht gesendet',
    retry: 'Erneut senden',
    typing: (name) => `${name} schreibt …`,
    tooLong: (over) =>
      `Ihre Nachricht ist ${plural('de', over, { one: '# Zeichen', other: '# Zeichen' })} zu lang. Kürzen Sie sie, um sie zu senden.`,
    system: systemLine.de,
    closed: 'Die Unterhaltung ist beendet.',
  },
  deviceStarting: (device) =>
    device === 'camera'
      ? 'Ihre Kamera startet … Wenn der Browser fragt, wählen Sie „Zulassen“, damit der Experte Sie sieht.'
      : 'Ihr Mikrofon startet … Wenn der Browser fragt, wählen Sie „Zulassen“, damit der Experte Sie hört.',
  device: { camera: 'Kamera', microphone: 'Mikrofon' },
  deviceProblem: (device, problem) => {
    const name = device === 'camera' ? 'Ihre Kamera' : 'Ihr Mikrofon';
    switch (problem) {
      case 'permission-denied':
        return `${name} ist blockiert. Erlauben Sie es im Browser (das Symbol in der Adressleiste) und versuchen Sie es erneut. Sie sehen und hören den Experten weiterhin.`;
      case 'blocked-by-site':
        return `Die Seite dieses Shops erlaubt ${device === 'camera' ? 'Ihre Kamera' : 'Ihr Mikrofon'} nicht. Sie sehen und hören den Experten weiterhin.`;
      case 'no-device':
        return `${device === 'camera' ? 'Keine Kamera' : 'Kein Mikrofon'} auf diesem Gerät gefunden. Sie sehen und hören den Experten weiterhin.`;
      case 'device-busy':
        return `${name} wird von einer anderen App benutzt. Schließen Sie diese und versuchen Sie es erneut.`;
      case 'unsupported':
        return `Dieser Browser kann ${device === 'camera' ? 'Ihre Kamera' : 'Ihr Mikrofon'} nicht nutzen. Sie sehen und hören den Experten weiterhin.`;
      case 'failed':
        return `${name} konnte nicht starten. Sie sehen und hören den Experten weiterhin.`;
    }
  },
};

const es: PanelText = {
  devices: {
    button: 'Dispositivos',
    title: 'Cámara, micrófono y altavoz',
    videoinput: 'Cámara',
    audioinput: 'Micrófono',
    audiooutput: 'Altavoz',
  },
  blockedBySite: (device) =>
    `Esta página no permite a la ayuda por vídeo usar ${device === 'camera' ? 'su cámara' : 'su micrófono'}: los ajustes del navegador no lo cambiarán. Sigue viendo y oyendo al experto, y puede escribirle.`,
  tapToHear: (name) => `Toque para oír a ${name}`,
  allBusy: 'Todos nuestros expertos están atendiendo ahora: cuente con una breve espera.',
  noneFree:
    'Ahora no hay ningún experto libre para esto: puede esperar su turno y, si tarda, le ofrecemos que le llamemos.',
  writeSooner: 'Un experto puede responderle por escrito ahora mismo.',
  title: 'Hablar con un experto',
  close: 'Cerrar',
  intro: 'Una persona real de nuestro equipo le atiende por vídeo o por voz, gratis.',
  cameraOffPromise:
    'Su cámara sigue apagada: usted ve al experto, y él solo le ve si enciende su cámara.',
  expertWillSee: 'El experto verá:',
  thisPage: 'la página en la que está',
  videoCall: 'Videollamada',
  videoCallHint: 'Vea al experto; su cámara sigue apagada',
  voiceCall: 'Solo voz',
  voiceCallHint: 'Hablar sin vídeo',
  requesting: 'Buscando un experto…',
  queued: (n) => (n <= 1 ? 'Es usted el siguiente.' : `Es usted el número ${n} de la cola.`),
  queuedHint: 'Quédese en esta página: le pasamos con un experto en cuanto haya uno libre.',
  eta: (s) =>
    s === undefined
      ? 'Ahora mismo no hay ningún experto libre para esto; conserva su turno.'
      : s < 60
        ? 'Espera estimada: menos de un minuto.'
        : `Espera estimada: unos ${minutes('es', Math.round(s / 60))}.`,
  waitInChat: 'Mejor escribir',
  waitInChatHint: 'Por escrito, un experto suele responder antes. Conserva su turno.',
  waitingInChat: 'Hablará por escrito: el experto le responde aquí.',
  connecting: 'Le pasamos con un experto…',
  leaveQueue: 'Salir de la cola',
  cancel: 'Cancelar',
  inCallWith: (name) => `Está hablando con ${name}`,
  expertCameraOff: 'La cámara del experto está apagada',
  you: 'Usted',
  microphoneOn: 'Silenciar',
  microphoneOff: 'Activar micro',
  cameraOn: 'Parar vídeo',
  cameraOff: 'Iniciar vídeo',
  hangUp: 'Colgar',
  endTitle: {
    call: 'Llamada terminada',
    chat: 'Conversación terminada',
    queue: 'Ya no está en espera',
    attempt: 'No hemos podido pasarle',
  },
  endReason: (reason, what) => {
    const call = what === 'call';
    switch (reason) {
      case 'shopper-hung-up':
        return call
          ? 'Ha colgado. Gracias por su llamada.'
          : 'Ha terminado la conversación. Gracias por escribirnos.';
      case 'expert-hung-up':
        return call
          ? 'El experto ha terminado la llamada. Gracias por su llamada.'
          : 'El experto ha terminado la conversación. Gracias por escribirnos.';
      case 'shopper-left':
        return call ? 'Ha salido de la llamada.' : 'Ha salido de la conversación.';
      case 'expert-left':
        return call
          ? 'El experto se ha desconectado. Vuelva a llamar, por favor.'
          : 'El experto se ha desconectado. Vuelva a escribirnos, por favor.';
      case 'shopper-cancelled':
        return 'Ha salido de la cola. Nadie le llamará.';
      case 'hub-unreachable':
        return 'No hemos podido contactar con nuestros expertos. Compruebe su conexión e inténtelo de nuevo.';
      case 'media-unavailable':
        return 'Las videollamadas no están disponibles ahora. Inténtelo de nuevo en un momento.';
      case 'timeout':
        return 'Nuestros expertos no han respondido a tiempo. Inténtelo de nuevo.';
    }
  },
  again: {
    call: 'Volver a llamar',
    chat: 'Volver a escribir',
    queue: 'Empezar de nuevo',
    attempt: 'Intentar de nuevo',
  },
  transcript: 'Su conversación',
  downloadTranscript: 'Descargar como texto',
  transcriptFile: 'conversacion',
  callControls: 'Controles de la llamada',
  chatSheet: 'Mensajes',
  unread: (n) => plural('es', n, { one: '# mensaje sin leer', other: '# mensajes sin leer' }),
  closedNow: 'Nuestros expertos no están disponibles ahora.',
  chatWith: (name) => `Conversación con ${name}`,
  deviceProblemShort: (device) =>
    device === 'camera' ? 'Su cámara no funciona.' : 'Su micrófono no funciona.',
  reconnecting: 'Conexión perdida. Reconectando… su conversación se conserva.',
  chatOnly: {
    chosen: 'Escriba su pregunta abajo: el experto le responde aquí.',
    'media-lost':
      'Se ha perdido la conexión de vídeo y seguimos por escrito: su experto sigue aquí y ve todo lo que se escribe abajo.',
    'media-unavailable':
      'El vídeo no está disponible ahora, así que su experto le responde aquí por escrito.',
  },
  chatCall: 'Escribir',
  chatCallHint: 'Hablar por escrito con el experto',
  noWebrtc:
    'Este navegador no puede hacer videollamadas, pero un experto puede responderle por escrito.',
  endConversation: 'Terminar la conversación',
  switchToChat: 'Pasar al chat',
  backToCall: 'Volver al vídeo',
  weakConnection: {
    voice: 'Su conexión es débil. Solo voz funcionaría mejor: ¿pasar a solo voz?',
    chat: 'Su conexión sigue débil. ¿Seguir por escrito? El experto sigue con usted.',
    takeVoice: 'Solo voz',
    takeChat: 'Pasar al chat',
    dismiss: 'Ahora no',
  },
  chat: {
    log: 'Mensajes',
    you: 'Usted',
    placeholder: 'Escribir un mensaje',
    send: 'Enviar',
    sending: 'enviando…',
    sent: 'enviado',
    failed: 'no enviado',
    retry: 'Reintentar',
    typing: (name) => `${name} está escribiendo…`,
    tooLong: (over) =>
      `Su mensaje tiene ${plural('es', over, { one: '# carácter', other: '# caracteres' })} de más. Acórtelo para enviarlo.`,
    system: systemLine.es,
    closed: 'La conversación ha terminado.',
  },
  deviceStarting: (device) =>
    device === 'camera'
      ? 'Iniciando su cámara… Si el navegador lo pide, elija «Permitir» para que el experto le vea.'
      : 'Iniciando su micrófono… Si el navegador lo pide, elija «Permitir» para que el experto le oiga.',
  device: { camera: 'cámara', microphone: 'micrófono' },
  deviceProblem: (device, problem) => {
    const name = device === 'camera' ? 'Su cámara' : 'Su micrófono';
    switch (problem) {
      case 'permission-denied':
        return `${name} está bloqueado. Permítalo en el navegador (el icono de la barra de direcciones) y vuelva a intentarlo. Sigue viendo y oyendo al experto.`;
      case 'blocked-by-site':
        return `La página de esta tienda no permite usar ${device === 'camera' ? 'su cámara' : 'su micrófono'}. Sigue viendo y oyendo al experto.`;
      case 'no-device':
        return `No se ha encontrado ${device === 'camera' ? 'ninguna cámara' : 'ningún micrófono'} en este dispositivo. Sigue viendo y oyendo al experto.`;
      case 'device-busy':
        return `${name} lo está usando otra aplicación. Ciérrela y vuelva a intentarlo.`;
      case 'unsupported':
        return `Este navegador no puede usar ${device === 'camera' ? 'su cámara' : 'su micrófono'}. Sigue viendo y oyendo al experto.`;
      case 'failed':
        return `${name} no ha podido iniciarse. Sigue viendo y oyendo al experto.`;
    }
  },
};

const it: PanelText = {
  devices: {
    button: 'Dispositivi',
    title: 'Fotocamera, microfono e altoparlante',
    videoinput: 'Fotocamera',
    audioinput: 'Microfono',
    audiooutput: 'Altoparlante',
  },
  blockedBySite: (device) =>
    `Questa pagina non consente all’aiuto video di usare ${device === 'camera' ? 'la tua fotocamera' : 'il tuo microfono'}: le impostazioni del browser non lo cambiano. Continui a vedere e sentire l’esperto, e puoi scrivergli.`,
  tapToHear: (name) => `Tocca per sentire ${name}`,
  allBusy: 'Tutti i nostri esperti sono impegnati ora: prevedi una breve attesa.',
  noneFree:
    'Al momento nessun esperto è libero per questo: puoi aspettare il tuo turno e, se ci vuole molto, ti proponiamo di richiamarti.',
  writeSooner: 'Un esperto può risponderti per iscritto subito.',
  title: 'Parla con un esperto',
  close: 'Chiudi',
  intro: 'Una persona vera del nostro team ti risponde in video o a voce, gratuitamente.',
  cameraOffPromise:
    'La tua fotocamera resta spenta: tu vedi l’esperto, lui ti vede solo se accendi la fotocamera.',
  expertWillSee: 'L’esperto vedrà:',
  thisPage: 'la pagina in cui ti trovi',
  videoCall: 'Videochiamata',
  videoCallHint: 'Vedi l’esperto; la tua fotocamera resta spenta',
  voiceCall: 'Solo voce',
  voiceCallHint: 'Parla senza video',
  requesting: 'Cerchiamo un esperto…',
  queued: (n) => (n <= 1 ? 'Sei il prossimo.' : `Sei il numero ${n} in coda.`),
  queuedHint: 'Resta su questa pagina: ti mettiamo in contatto appena un esperto è libero.',
  eta: (s) =>
    s === undefined
      ? 'Al momento nessun esperto è libero per questo; mantieni il tuo posto.'
      : s < 60
        ? 'Attesa stimata: meno di un minuto.'
        : `Attesa stimata: circa ${minutes('it', Math.round(s / 60))}.`,
  waitInChat: 'Scrivi invece',
  waitInChatHint: 'Per iscritto un esperto risponde spesso prima. Mantieni il tuo posto.',
  waitingInChat: 'Parlerai per iscritto: l’esperto ti risponde qui.',
  connecting: 'Ti mettiamo in contatto con un esperto…',
  leaveQueue: 'Esci dalla coda',
  cancel: 'Annulla',
  inCallWith: (name) => `Stai parlando con ${name}`,
  expertCameraOff: 'La fotocamera dell’esperto è spenta',
  you: 'Tu',
  microphoneOn: 'Muto',
  microphoneOff: 'Attiva micro',
  cameraOn: 'Ferma video',
  cameraOff: 'Avvia video',
  hangUp: 'Riaggancia',
  endTitle: {
    call: 'Chiamata terminata',
    chat: 'Conversazione terminata',
    queue: 'Non sei più in attesa',
    attempt: 'Non siamo riusciti a metterti in contatto',
  },
  endReason: (reason, what) => {
    const call = what === 'call';
    switch (reason) {
      case 'shopper-hung-up':
        return call
          ? 'Hai riagganciato. Grazie per la chiamata.'
          : 'Hai terminato la conversazione. Grazie per averci scritto.';
      case 'expert-hung-up':
        return call
          ? 'L’esperto ha terminato la chiamata. Grazie per la chiamata.'
          : 'L’esperto ha terminato la conversazione. Grazie per averci scritto.';
      case 'shopper-left':
        return call ? 'Hai lasciato la chiamata.' : 'Hai lasciato la conversazione.';
      case 'expert-left':
        return call
          ? 'L’esperto si è disconnesso. Richiama, per favore.'
          : 'L’esperto si è disconnesso. Scrivici di nuovo, per favore.';
      case 'shopper-cancelled':
        return 'Sei uscito dalla coda. Nessuno ti richiamerà.';
      case 'hub-unreachable':
        return 'Non riusciamo a raggiungere i nostri esperti. Controlla la connessione e riprova.';
      case 'media-unavailable':
        return 'Le videochiamate non sono disponibili ora. Riprova tra un momento.';
      case 'timeout':
        return 'I nostri esperti non hanno risposto in tempo. Riprova.';
    }
  },
  again: {
    call: 'Richiama',
    chat: 'Scrivi di nuovo',
    queue: 'Ricomincia',
    attempt: 'Riprova',
  },
  transcript: 'La tua conversazione',
  downloadTranscript: 'Scarica come testo',
  transcriptFile: 'conversazione',
  callControls: 'Comandi della chiamata',
  chatSheet: 'Messaggi',
  unread: (n) => plural('it', n, { one: '# messaggio non letto', other: '# messaggi non letti' }),
  closedNow: 'I nostri esperti non sono disponibili ora.',
  chatWith: (name) => `Conversazione con ${name}`,
  deviceProblemShort: (device) =>
    device === 'camera' ? 'La tua fotocamera non funziona.' : 'Il tuo microfono non funziona.',
  reconnecting: 'Connessione persa. Riconnessione… la conversazione è conservata.',
  chatOnly: {
    chosen: 'Scrivi la tua domanda qui sotto: l’esperto ti risponde qui.',
    'media-lost':
      'La connessione video si è interrotta e continuiamo per iscritto: il tuo esperto è ancora qui e vede tutto quello che è scritto sotto.',
    'media-unavailable':
      'Il video non è disponibile ora, quindi il tuo esperto ti risponde qui per iscritto.',
  },
  chatCall: 'Scrivi',
  chatCallHint: 'Parla per iscritto con l’esperto',
  noWebrtc:
    'Questo browser non può fare videochiamate, ma un esperto può risponderti per iscritto.',
  endConversation: 'Termina la conversazione',
  switchToChat: 'Passa alla chat',
  backToCall: 'Torna al video',
  weakConnection: {
    voice: 'La tua connessione è debole. Solo voce funzionerebbe meglio: passare a solo voce?',
    chat: 'La tua connessione resta debole. Continuare per iscritto? L’esperto resta con te.',
    takeVoice: 'Solo voce',
    takeChat: 'Passa alla chat',
    dismiss: 'Non ora',
  },
  chat: {
    log: 'Messaggi',
    you: 'Tu',
    placeholder: 'Scrivi un messaggio',
    send: 'Invia',
    sending: 'invio…',
    sent: 'inviato',
    failed: 'non inviato',
    retry: 'Riprova',
    typing: (name) => `${name} sta scrivendo…`,
    tooLong: (over) =>
      `Il tuo messaggio supera il limite di ${plural('it', over, { one: '# carattere', other: '# caratteri' })}. Accorcialo per inviarlo.`,
    system: systemLine.it,
    closed: 'La conversazione è terminata.',
  },
  deviceStarting: (device) =>
    device === 'camera'
      ? 'Avvio della fotocamera… Se il browser lo chiede, scegli «Consenti» perché l’esperto ti veda.'
      : 'Avvio del microfono… Se il browser lo chiede, scegli «Consenti» perché l’esperto ti senta.',
  device: { camera: 'fotocamera', microphone: 'microfono' },
  deviceProblem: (device, problem) => {
    const name = device === 'camera' ? 'La tua fotocamera' : 'Il tuo microfono';
    switch (problem) {
      case 'permission-denied':
        return `${name} è bloccato. Consentilo nel browser (l’icona nella barra degli indirizzi), poi riprova. Continui a vedere e sentire l’esperto.`;
      case 'blocked-by-site':
        return `La pagina di questo negozio non consente di usare ${device === 'camera' ? 'la tua fotocamera' : 'il tuo microfono'}. Continui a vedere e sentire l’esperto.`;
      case 'no-device':
        return `Nessun${device === 'camera' ? 'a fotocamera trovata' : ' microfono trovato'} su questo dispositivo. Continui a vedere e sentire l’esperto.`;
      case 'device-busy':
        return `${name} è usato da un’altra app. Chiudila, poi riprova.`;
      case 'unsupported':
        return `Questo browser non può usare ${device === 'camera' ? 'la tua fotocamera' : 'il tuo microfono'}. Continui a vedere e sentire l’esperto.`;
      case 'failed':
        return `${name} non è riuscito ad avviarsi. Continui a vedere e sentire l’esperto.`;
    }
  },
};

export const panelText: Record<UiLanguage, PanelText> = {
  en,
  fr: withFrenchSpacing(fr),
  de,
  es,
  it,
};
