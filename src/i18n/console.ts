/** What the expert's console says, in each language. */
import type { CallMode, ChatReason, Language } from '../protocol/index.js';
import type { SignedOutReason } from '../core/desk-state.js';
import type { DeviceProblem } from '../core/media-session.js';
import type { RequestWords } from '../console/request-list.js';
import type { ChatWords } from '../ui/chat-view.js';
import { systemLine } from './system-lines.js';

export interface ConsoleText {
  signInTitle: string;
  yourName: string;
  signIn: string;
  signingIn: string;
  signedOut: Record<SignedOutReason, string>;
  signOut: string;
  available: string;
  away: string;
  goAvailable: string;
  goAway: string;
  waiting: string;
  awayHint: string;
  missed: { declined: string; timeout: string; 'shopper-cancelled': string };
  ringing: (mode: CallMode) => string;
  shopper: string;
  page: string;
  product: string;
  secondsLeft: (s: number) => string;
  accept: string;
  accepting: string;
  decline: string;
  inCall: string;
  ringingStatus: string;
  anonymousShopper: string;
  shopperCameraOff: string;
  you: string;
  microphoneOn: string;
  microphoneOff: string;
  cameraOn: string;
  cameraOff: string;
  hangUp: string;
  deviceProblem: (device: 'camera' | 'microphone', problem: DeviceProblem) => string;
  deviceStarting: (device: 'camera' | 'microphone') => string;
  reconnecting: string;
  chatOnly: Record<ChatReason, string>;
  endConversation: string;
  switchToChat: string;
  backToCall: string;
  inChats: (n: number) => string;
  conversations: string;
  /** A conversation in the list: who, and how it goes on. */
  listItem: (name: string, chatOnly: boolean) => string;
  unread: (n: number) => string;
  chat: ChatWords;
  /** A shopper who gave no name, numbered in the order they rang. */
  shopperLabel: (n: number) => string;
  /** Said once per ring to screen readers. */
  ringAnnouncement: (mode: CallMode, who: string, product: string | undefined) => string;
  conversation: string;
  context: string;
  modeWord: (chatOnly: boolean) => string;
  /** The shopper's last message waits for an answer since `duration` ("2 min"). */
  waitingFor: (duration: string) => string;
  notificationsHint: string;
  callControls: string;
  /** The requests left while nobody could answer. */
  requests: RequestWords;
}

const en: ConsoleText = {
  shopperLabel: (n) => `Shopper ${n}`,
  ringAnnouncement: (mode, who, product) =>
    `${en.ringing(mode)}: ${who}${product ? `, ${product}` : ''}.`,
  conversation: 'Conversation',
  context: 'What the shopper is looking at',
  modeWord: (chatOnly) => (chatOnly ? 'chat' : 'call'),
  waitingFor: (duration) => `waiting ${duration}`,
  notificationsHint:
    'When you sign in, your browser may ask to show notifications: allow them, so a ring reaches you in another tab.',
  callControls: 'Call controls',
  signInTitle: 'Expert sign-in',
  yourName: 'Your name',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signedOut: {
    'signed-out': 'You are signed out.',
    rejected: 'Your session has expired. Please sign in again.',
    'hub-unreachable': 'The hub cannot be reached. Check the connection, then sign in again.',
    'dev-login-disabled': 'This hub does not allow sign-in by name: your shop signs you in.',
  },
  signOut: 'Sign out',
  available: 'Available',
  away: 'Away',
  goAvailable: 'Go available',
  goAway: 'Go away',
  waiting: 'Waiting for shoppers. A call or a chat will ring here.',
  awayHint: 'You are away: no calls will ring. Go available to take calls.',
  missed: {
    declined: 'You declined the call; it went to the next expert.',
    timeout: 'You missed a call, so you were set away.',
    'shopper-cancelled': 'The shopper hung up before you answered.',
  },
  ringing: (mode) =>
    ({ video: 'Incoming video call', audio: 'Incoming voice call', chat: 'Incoming chat' })[mode],
  shopper: 'Shopper',
  page: 'Page',
  product: 'Product',
  secondsLeft: (s) => `${s} s to answer`,
  accept: 'Accept',
  accepting: 'Connecting…',
  decline: 'Decline',
  inCall: 'In call',
  ringingStatus: 'Ringing',
  anonymousShopper: 'A shopper (no name given)',
  shopperCameraOff: 'The shopper’s camera is off',
  you: 'You',
  microphoneOn: 'Mute',
  microphoneOff: 'Unmute',
  cameraOn: 'Camera off',
  cameraOff: 'Camera on',
  hangUp: 'Hang up',
  reconnecting: 'Connection to the hub lost. Reconnecting… the call goes on.',
  chatOnly: {
    chosen: 'The shopper chose to write: answer here.',
    'media-lost':
      'Video and voice stopped: the connection was lost. The conversation goes on here in chat; the shopper was told.',
    'media-unavailable':
      'Video is unavailable right now (the media server cannot be reached): answer the shopper here in chat.',
  },
  endConversation: 'End conversation',
  switchToChat: 'Switch to chat',
  backToCall: 'Back to video',
  inChats: (n) => (n === 1 ? 'In a chat' : `In ${n} chats`),
  conversations: 'Your conversations',
  listItem: (name, chatOnly) => `${name} · ${chatOnly ? 'chat' : 'call'}`,
  unread: (n) => (n === 1 ? '1 unread message' : `${n} unread messages`),
  chat: {
    log: 'Messages',
    you: 'You',
    placeholder: 'Write to the shopper',
    send: 'Send',
    sending: 'sending…',
    sent: 'sent',
    failed: 'not sent',
    retry: 'Retry',
    typing: () => 'The shopper is typing…',
    tooLong: (over) => `${over} characters over the limit.`,
    system: systemLine.en,
    closed: 'The conversation has ended.',
  },
  requests: {
    title: 'Requests to handle',
    toDo: 'to do',
    empty: 'Nothing to handle.',
    kinds: { message: 'Message', callback: 'Call back', appointment: 'Video appointment' },
    anonymous: 'A shopper',
    when: { callback: 'Call between', appointment: 'Slot' },
    overdue: { callback: 'Window passed', appointment: 'Slot passed' },
    phone: 'Phone',
    contact: 'Contact',
    page: 'Page',
    product: 'Product',
    received: (at) => `received ${at}`,
    markDone: 'Mark as done',
    marking: 'Saving…',
    done: 'Done',
    cancelled: 'Cancelled',
  },
  deviceStarting: (device) => `Starting your ${device}… If the browser asks, choose “Allow”.`,
  deviceProblem: (device, problem) =>
    `Your ${device} ${
      problem === 'permission-denied'
        ? 'is blocked by the browser: allow it in the address bar.'
        : problem === 'no-device'
          ? 'was not found.'
          : problem === 'device-busy'
            ? 'is used by another app.'
            : 'could not start.'
    } The shopper can still hear or see what works.`,
};

const fr: ConsoleText = {
  shopperLabel: (n) => `Client ${n}`,
  ringAnnouncement: (mode, who, product) =>
    `${fr.ringing(mode)} : ${who}${product ? `, ${product}` : ''}.`,
  conversation: 'Conversation',
  context: 'Ce que regarde le client',
  modeWord: (chatOnly) => (chatOnly ? 'écrit' : 'appel'),
  waitingFor: (duration) => `attend depuis ${duration}`,
  notificationsHint:
    'À la connexion, le navigateur peut demander d’afficher des notifications : acceptez, pour qu’un appel vous parvienne dans un autre onglet.',
  callControls: 'Commandes de l’appel',
  signInTitle: 'Connexion expert',
  yourName: 'Votre nom',
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  signedOut: {
    'signed-out': 'Vous êtes déconnecté.',
    rejected: 'Votre session a expiré. Reconnectez-vous.',
    'hub-unreachable': 'Le hub est injoignable. Vérifiez la connexion, puis reconnectez-vous.',
    'dev-login-disabled':
      'Ce hub n’autorise pas la connexion par nom : votre enseigne vous connecte.',
  },
  signOut: 'Se déconnecter',
  available: 'Disponible',
  away: 'Absent',
  goAvailable: 'Se rendre disponible',
  goAway: 'Passer absent',
  waiting: 'En attente de clients. Un appel ou une conversation écrite sonnera ici.',
  awayHint: 'Vous êtes absent : aucun appel ne sonnera. Rendez-vous disponible pour en recevoir.',
  missed: {
    declined: 'Vous avez refusé l’appel ; il est passé à l’expert suivant.',
    timeout: 'Vous avez manqué un appel : vous êtes passé absent.',
    'shopper-cancelled': 'Le client a raccroché avant votre réponse.',
  },
  ringing: (mode) =>
    ({
      video: 'Appel vidéo entrant',
      audio: 'Appel vocal entrant',
      chat: 'Conversation écrite entrante',
    })[mode],
  shopper: 'Client',
  page: 'Page',
  product: 'Produit',
  secondsLeft: (s) => `${s} s pour répondre`,
  accept: 'Accepter',
  accepting: 'Connexion…',
  decline: 'Refuser',
  inCall: 'En appel',
  ringingStatus: 'Ça sonne',
  anonymousShopper: 'Un client (nom non communiqué)',
  shopperCameraOff: 'La caméra du client est éteinte',
  you: 'Vous',
  microphoneOn: 'Couper le micro',
  microphoneOff: 'Activer le micro',
  cameraOn: 'Éteindre la caméra',
  cameraOff: 'Allumer la caméra',
  hangUp: 'Raccrocher',
  reconnecting: 'Connexion au hub perdue. Reconnexion… l’appel continue.',
  chatOnly: {
    chosen: 'Le client a choisi d’écrire : répondez ici.',
    'media-lost':
      'Vidéo et voix interrompues : la connexion a été perdue. La conversation continue ici par écrit ; le client a été prévenu.',
    'media-unavailable':
      'La vidéo est indisponible pour le moment (serveur média injoignable) : répondez au client ici par écrit.',
  },
  endConversation: 'Terminer la conversation',
  switchToChat: 'Passer à l’écrit',
  backToCall: 'Revenir à la vidéo',
  inChats: (n) => (n === 1 ? 'Une conversation écrite' : `${n} conversations écrites`),
  conversations: 'Vos conversations',
  listItem: (name, chatOnly) => `${name} · ${chatOnly ? 'écrit' : 'appel'}`,
  unread: (n) => (n === 1 ? '1 message non lu' : `${n} messages non lus`),
  chat: {
    log: 'Messages',
    you: 'Vous',
    placeholder: 'Écrire au client',
    send: 'Envoyer',
    sending: 'envoi…',
    sent: 'envoyé',
    failed: 'non envoyé',
    retry: 'Réessayer',
    typing: () => 'Le client écrit…',
    tooLong: (over) => `${over} caractères de trop.`,
    system: systemLine.fr,
    closed: 'La conversation est terminée.',
  },
  requests: {
    title: 'Demandes à traiter',
    toDo: 'à traiter',
    empty: 'Rien à traiter.',
    kinds: { message: 'Message', callback: 'À rappeler', appointment: 'Rendez-vous vidéo' },
    anonymous: 'Un client',
    when: { callback: 'Rappeler entre', appointment: 'Créneau' },
    overdue: { callback: 'Plage dépassée', appointment: 'Créneau passé' },
    phone: 'Téléphone',
    contact: 'Contact',
    page: 'Page',
    product: 'Produit',
    received: (at) => `reçue le ${at}`,
    markDone: 'Marquer comme traité',
    marking: 'Enregistrement…',
    done: 'Traité',
    cancelled: 'Annulé',
  },
  deviceStarting: (device) =>
    `Démarrage de ${device === 'camera' ? 'votre caméra' : 'votre micro'}… Si le navigateur le demande, choisissez « Autoriser ».`,
  deviceProblem: (device, problem) =>
    `${device === 'camera' ? 'Votre caméra' : 'Votre micro'} ${
      problem === 'permission-denied'
        ? 'est bloqué par le navigateur : autorisez-le dans la barre d’adresse.'
        : problem === 'no-device'
          ? 'est introuvable.'
          : problem === 'device-busy'
            ? 'est utilisé par une autre application.'
            : 'n’a pas pu démarrer.'
    } Le client peut toujours entendre ou voir ce qui fonctionne.`,
};

export const consoleText: Record<Language, ConsoleText> = { en, fr };
