/** What the expert's console says, in each language. */
import type { UiLanguage } from './language.js';
import type { CallMode, ChatReason } from '../protocol/index.js';
import type { SignedOutReason } from '../core/desk-state.js';
import type { DeviceProblem } from '../core/devices.js';
import type { RequestWords } from '../console/request-list.js';
import type { BlurWords, ScreenWords } from './words.js';
import type { ChatWords } from './words.js';
import type { ProductSearchWords } from './words.js';
import { plural, withFrenchSpacing } from './format.js';
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
  /** Said to screen readers beside the mark of a customer the shop's server vouched for. */
  verified: string;
  /** The mark's tooltip: what "verified" means. */
  verifiedHint: string;
  /** A verified customer, read aloud or in a notification. */
  verifiedCustomer: (name: string) => string;
  /** The shop's id for a verified customer. */
  customerId: string;
  email: string;
  /** The name a verified customer typed in the page, when it differs: not verified. */
  typedName: string;
  shopperCameraOff: string;
  /** Under the shopper's picture in a call: it can be marked to show them a spot. */
  markHint: string;
  /** Said to screen readers for the expert's own mark on the shopper's picture. */
  youMarked: string;
  you: string;
  microphoneOn: string;
  microphoneOff: string;
  cameraOn: string;
  cameraOff: string;
  hangUp: string;
  /** Sharing one's screen (desktop browsers). */
  screen: ScreenWords;
  blur: BlurWords;
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
  /** The catalogue's search, to show the shopper a product. */
  products: ProductSearchWords;
  /** A shopper who gave no name, numbered in the order they rang. */
  shopperLabel: (n: number) => string;
  /** Said once per ring to screen readers. */
  ringAnnouncement: (mode: CallMode, who: string, product: string | undefined) => string;
  conversation: string;
  context: string;
  modeWord: (chatOnly: boolean) => string;
  /** The shopper's last message waits for an answer since `duration` ("2 min"). */
  waitingFor: (duration: string) => string;
  /** The browser waits for a click before it plays the shopper's sound. */
  tapToHear: string;
  /** The shopper's last message is under a minute old. */
  justWrote: string;
  /** Who waits in the queues this expert answers, shown above the conversations. */
  queues: {
    title: string;
    nobody: string;
    /** A queue without a topic: shoppers who asked about nothing in particular. */
    anyTopic: string;
    /** "3 waiting", for one queue. */
    waiting: (n: number) => string;
    /** "longest 4 min"; `duration` is already formatted. */
    longest: (duration: string) => string;
    /** Under a minute. */
    justArrived: string;
  };
  notificationsHint: string;
  callControls: string;
  /** The requests left while nobody could answer. */
  requests: RequestWords;
  /** What shoppers said of their conversations, as they rate them. */
  ratings: {
    title: string;
    /** `stars` out of 5, said to screen readers beside the stars drawn. */
    stars: (stars: number) => string;
    /** Who rated, when they gave no name. */
    anonymous: string;
  };
}

const en: ConsoleText = {
  tapToHear: 'Click to hear the shopper',
  justWrote: 'just wrote',
  queues: {
    title: 'Waiting now',
    nobody: 'Nobody is waiting.',
    anyTopic: 'Any question',
    waiting: (n) => plural('en', n, { one: '# waiting', other: '# waiting' }),
    longest: (duration) => `longest ${duration}`,
    justArrived: 'just arrived',
  },
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
    unauthorized: 'Your session has expired. Please sign in again.',
    'hub-failed': 'The hub could not complete the sign-in. Please sign in again in a moment.',
    refused: 'The hub refused the sign-in. Please sign in again.',
    'invalid-request':
      'The hub could not accept this sign-in: this console may not match the hub’s version. Reload the page, then sign in.',
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
  secondsLeft: (s) => plural('en', s, { one: '# second to answer', other: '# seconds to answer' }),
  accept: 'Accept',
  accepting: 'Connecting…',
  decline: 'Decline',
  inCall: 'In call',
  ringingStatus: 'Ringing',
  anonymousShopper: 'A shopper (no name given)',
  verified: 'verified customer',
  verifiedHint: 'The shop confirmed who this is: the shopper is signed in to their account.',
  verifiedCustomer: (name) => `${name}, verified customer`,
  customerId: 'Customer number',
  email: 'Email',
  typedName: 'Name typed (not verified)',
  shopperCameraOff: 'The shopper’s camera is off',
  markHint: 'Tap or draw on the picture to show the shopper where',
  youMarked: 'Your mark on the shopper’s picture',
  you: 'You',
  microphoneOn: 'Mute',
  microphoneOff: 'Unmute',
  cameraOn: 'Camera off',
  cameraOff: 'Camera on',
  hangUp: 'Hang up',
  screen: {
    share: 'Share screen',
    stop: 'Stop sharing',
    sharing: 'You are sharing your screen',
    failed: 'Your screen could not be shared. Try again, or choose another window.',
  },
  blur: {
    button: 'Blur background',
    starting: 'Preparing the blur…',
    failed: 'Background blur does not work on this device. Your camera stays as it is.',
  },
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
  inChats: (n) => plural('en', n, { one: 'In a chat', other: 'In # chats' }),
  conversations: 'Your conversations',
  listItem: (name, chatOnly) => `${name} · ${chatOnly ? 'chat' : 'call'}`,
  unread: (n) => plural('en', n, { one: '# unread message', other: '# unread messages' }),
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
    tooLong: (over) =>
      `${plural('en', over, { one: '# character', other: '# characters' })} over the limit.`,
    system: systemLine.en,
    closed: 'The conversation has ended.',
    photo: 'Photo',
    product: {
      open: 'See the product',
      addToCart: 'Add to cart',
      reserve: 'Reserve in store',
      added: 'Added to your cart',
      reserved: 'Reservation asked',
      inStock: (store) => `In stock at ${store}`,
      outOfStock: (store) => `Out of stock at ${store}`,
    },
  },
  products: {
    title: 'Show a product',
    label: 'Search the catalogue',
    placeholder: 'Name or reference',
    find: 'Search',
    searching: 'Searching…',
    none: (query) => `Nothing in the catalogue for “${query}”.`,
    noCatalogue: 'This shop has no catalogue set up for experts.',
    show: 'Show',
    showLabel: (name) => `Show ${name} to the shopper`,
    inStock: (store) => `in stock at ${store}`,
    outOfStock: (store) => `out of stock at ${store}`,
  },
  ratings: {
    title: 'Ratings of your conversations',
    stars: (n) => plural('en', n, { one: '# star out of 5', other: '# stars out of 5' }),
    anonymous: 'A shopper',
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
        : problem === 'blocked-by-site'
          ? 'is forbidden by this page (its Permissions-Policy): ask whoever runs it.'
          : problem === 'no-device'
            ? 'was not found.'
            : problem === 'device-busy'
              ? 'is used by another app.'
              : 'could not start.'
    } The shopper can still hear or see what works.`,
};

const fr: ConsoleText = {
  tapToHear: 'Cliquez pour entendre le client',
  justWrote: 'vient d’écrire',
  queues: {
    title: 'En attente',
    nobody: 'Personne n’attend.',
    anyTopic: 'Toutes questions',
    waiting: (n) => plural('fr', n, { one: '# client attend', other: '# clients attendent' }),
    longest: (duration) => `le premier depuis ${duration}`,
    justArrived: 'vient d’arriver',
  },
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
    unauthorized: 'Votre session a expiré. Reconnectez-vous.',
    'hub-failed': 'Le hub n’a pas pu terminer la connexion. Reconnectez-vous dans un instant.',
    refused: 'Le hub a refusé la connexion. Merci de vous reconnecter.',
    'invalid-request':
      'Le hub n’a pas pu accepter cette connexion : cette console ne correspond peut-être pas à sa version. Rechargez la page, puis reconnectez-vous.',
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
  secondsLeft: (s) =>
    plural('fr', s, { one: '# seconde pour répondre', other: '# secondes pour répondre' }),
  accept: 'Accepter',
  accepting: 'Connexion…',
  decline: 'Refuser',
  inCall: 'En appel',
  ringingStatus: 'Ça sonne',
  anonymousShopper: 'Un client (nom non communiqué)',
  verified: 'client vérifié',
  verifiedHint: 'La boutique a confirmé son identité : le client est connecté à son compte.',
  verifiedCustomer: (name) => `${name}, client vérifié`,
  customerId: 'Numéro client',
  email: 'E-mail',
  typedName: 'Nom saisi (non vérifié)',
  shopperCameraOff: 'La caméra du client est éteinte',
  markHint: 'Touchez ou dessinez sur l’image pour montrer l’endroit au client',
  youMarked: 'Votre marque sur l’image du client',
  you: 'Vous',
  microphoneOn: 'Couper le micro',
  microphoneOff: 'Activer le micro',
  cameraOn: 'Éteindre la caméra',
  cameraOff: 'Allumer la caméra',
  hangUp: 'Raccrocher',
  screen: {
    share: 'Partager l’écran',
    stop: 'Arrêter le partage',
    sharing: 'Vous partagez votre écran',
    failed: 'Votre écran n’a pas pu être partagé. Réessayez, ou choisissez une autre fenêtre.',
  },
  blur: {
    button: 'Flouter le fond',
    starting: 'Préparation du flou…',
    failed: 'Le flou du fond ne fonctionne pas sur cet appareil. Votre caméra reste telle quelle.',
  },
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
  inChats: (n) =>
    plural('fr', n, { one: 'Une conversation écrite', other: '# conversations écrites' }),
  conversations: 'Vos conversations',
  listItem: (name, chatOnly) => `${name} · ${chatOnly ? 'écrit' : 'appel'}`,
  unread: (n) => plural('fr', n, { one: '# message non lu', other: '# messages non lus' }),
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
    tooLong: (over) =>
      `${plural('fr', over, { one: '# caractère', other: '# caractères' })} de trop.`,
    system: systemLine.fr,
    closed: 'La conversation est terminée.',
    photo: 'Photo',
    product: {
      open: 'Voir le produit',
      addToCart: 'Ajouter au panier',
      reserve: 'Réserver en magasin',
      added: 'Ajouté à votre panier',
      reserved: 'Réservation demandée',
      inStock: (store) => `En stock à ${store}`,
      outOfStock: (store) => `Épuisé à ${store}`,
    },
  },
  products: {
    title: 'Montrer un produit',
    label: 'Chercher dans le catalogue',
    placeholder: 'Nom ou référence',
    find: 'Chercher',
    searching: 'Recherche…',
    none: (query) => `Rien dans le catalogue pour « ${query} ».`,
    noCatalogue: 'Ce magasin n’a pas de catalogue configuré pour les experts.',
    show: 'Montrer',
    showLabel: (name) => `Montrer ${name} au client`,
    inStock: (store) => `en stock à ${store}`,
    outOfStock: (store) => `épuisé à ${store}`,
  },
  ratings: {
    title: 'Notes de vos conversations',
    stars: (n) => plural('fr', n, { one: '# étoile sur 5', other: '# étoiles sur 5' }),
    anonymous: 'Un client',
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
        : problem === 'blocked-by-site'
          ? 'est interdit par cette page (sa Permissions-Policy) : voyez avec qui la gère.'
          : problem === 'no-device'
            ? 'est introuvable.'
            : problem === 'device-busy'
              ? 'est utilisé par une autre application.'
              : 'n’a pas pu démarrer.'
    } Le client peut toujours entendre ou voir ce qui fonctionne.`,
};

const de: ConsoleText = {
  tapToHear: 'Klicken, um den Kunden zu hören',
  justWrote: 'hat gerade geschrieben',
  queues: {
    title: 'Wartend',
    nobody: 'Niemand wartet.',
    anyTopic: 'Alle Fragen',
    waiting: (n) => plural('de', n, { one: '# Kunde wartet', other: '# Kunden warten' }),
    longest: (duration) => `der Erste seit ${duration}`,
    justArrived: 'gerade gekommen',
  },
  shopperLabel: (n) => `Kunde ${n}`,
  ringAnnouncement: (mode, who, product) =>
    `${de.ringing(mode)}: ${who}${product ? `, ${product}` : ''}.`,
  conversation: 'Unterhaltung',
  context: 'Was der Kunde ansieht',
  modeWord: (chatOnly) => (chatOnly ? 'Chat' : 'Anruf'),
  waitingFor: (duration) => `wartet seit ${duration}`,
  notificationsHint:
    'Beim Anmelden fragt der Browser vielleicht, ob er Benachrichtigungen zeigen darf: Erlauben Sie es, damit Sie ein Anruf auch in einem anderen Tab erreicht.',
  callControls: 'Anrufsteuerung',
  signInTitle: 'Anmeldung für Experten',
  yourName: 'Ihr Name',
  signIn: 'Anmelden',
  signingIn: 'Anmeldung …',
  signedOut: {
    'signed-out': 'Sie sind abgemeldet.',
    unauthorized: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    'hub-failed':
      'Der Hub konnte die Anmeldung nicht abschließen. Bitte melden Sie sich gleich erneut an.',
    refused: 'Der Hub hat die Anmeldung abgelehnt. Bitte melden Sie sich erneut an.',
    'invalid-request':
      'Der Hub konnte diese Anmeldung nicht annehmen: Diese Konsole passt womöglich nicht zu seiner Version. Laden Sie die Seite neu und melden Sie sich an.',
    'hub-unreachable':
      'Der Hub ist nicht erreichbar. Prüfen Sie die Verbindung und melden Sie sich erneut an.',
    'dev-login-disabled':
      'Dieser Hub erlaubt keine Anmeldung per Name: Ihr Geschäft meldet Sie an.',
  },
  signOut: 'Abmelden',
  available: 'Verfügbar',
  away: 'Abwesend',
  goAvailable: 'Verfügbar werden',
  goAway: 'Abwesend gehen',
  waiting: 'Warten auf Kunden. Ein Anruf oder Chat klingelt hier.',
  awayHint: 'Sie sind abwesend: Es klingelt nicht. Werden Sie verfügbar, um Anrufe anzunehmen.',
  missed: {
    declined: 'Sie haben den Anruf abgelehnt; er ging an den nächsten Experten.',
    timeout: 'Sie haben einen Anruf verpasst und wurden auf abwesend gesetzt.',
    'shopper-cancelled': 'Der Kunde hat vor Ihrer Antwort aufgelegt.',
  },
  ringing: (mode) =>
    ({
      video: 'Eingehender Videoanruf',
      audio: 'Eingehender Sprachanruf',
      chat: 'Eingehender Chat',
    })[mode],
  shopper: 'Kunde',
  page: 'Seite',
  product: 'Produkt',
  secondsLeft: (s) => `noch ${plural('de', s, { one: '# Sekunde', other: '# Sekunden' })}`,
  accept: 'Annehmen',
  accepting: 'Verbinden …',
  decline: 'Ablehnen',
  inCall: 'Im Anruf',
  ringingStatus: 'Es klingelt',
  anonymousShopper: 'Ein Kunde (ohne Namen)',
  verified: 'verifizierter Kunde',
  verifiedHint: 'Der Shop hat bestätigt, wer das ist: Der Kunde ist in seinem Konto angemeldet.',
  verifiedCustomer: (name) => `${name}, verifizierter Kunde`,
  customerId: 'Kundennummer',
  email: 'E-Mail',
  typedName: 'Eingegebener Name (nicht verifiziert)',
  shopperCameraOff: 'Die Kamera des Kunden ist aus',
  markHint: 'Tippen oder zeichnen Sie ins Bild, um dem Kunden die Stelle zu zeigen',
  youMarked: 'Ihre Markierung im Bild des Kunden',
  you: 'Sie',
  microphoneOn: 'Stumm',
  microphoneOff: 'Mikro an',
  cameraOn: 'Kamera aus',
  cameraOff: 'Kamera an',
  hangUp: 'Auflegen',
  screen: {
    share: 'Bildschirm teilen',
    stop: 'Teilen beenden',
    sharing: 'Sie teilen Ihren Bildschirm',
    failed:
      'Ihr Bildschirm konnte nicht geteilt werden. Versuchen Sie es erneut oder wählen Sie ein anderes Fenster.',
  },
  blur: {
    button: 'Hintergrund unscharf',
    starting: 'Unschärfe wird vorbereitet…',
    failed:
      'Die Hintergrundunschärfe funktioniert auf diesem Gerät nicht. Ihre Kamera bleibt unverändert.',
  },
  reconnecting: 'Verbindung zum Hub verloren. Neu verbinden … der Anruf läuft weiter.',
  chatOnly: {
    chosen: 'Der Kunde schreibt lieber: Antworten Sie hier.',
    'media-lost':
      'Video und Ton sind abgebrochen: Die Verbindung ging verloren. Die Unterhaltung geht hier im Chat weiter; der Kunde weiß Bescheid.',
    'media-unavailable':
      'Video ist gerade nicht möglich (Medienserver nicht erreichbar): Antworten Sie dem Kunden hier im Chat.',
  },
  endConversation: 'Unterhaltung beenden',
  switchToChat: 'Zum Chat',
  backToCall: 'Zurück zum Video',
  inChats: (n) => plural('de', n, { one: 'In einem Chat', other: 'In # Chats' }),
  conversations: 'Ihre Unterhaltungen',
  listItem: (name, chatOnly) => `${name} · ${chatOnly ? 'Chat' : 'Anruf'}`,
  unread: (n) =>
    plural('de', n, { one: '# ungelesene Nachricht', other: '# ungelesene Nachrichten' }),
  chat: {
    log: 'Nachrichten',
    you: 'Sie',
    placeholder: 'Dem Kunden schreiben',
    send: 'Senden',
    sending: 'wird gesendet …',
    sent: 'gesendet',
    failed: 'nicht gesendet',
    retry: 'Erneut senden',
    typing: () => 'Der Kunde schreibt …',
    tooLong: (over) => `${plural('de', over, { one: '# Zeichen', other: '# Zeichen' })} zu viel.`,
    system: systemLine.de,
    closed: 'Die Unterhaltung ist beendet.',
    photo: 'Foto',
    product: {
      open: 'Zum Produkt',
      addToCart: 'In den Warenkorb',
      reserve: 'Im Geschäft reservieren',
      added: 'Im Warenkorb',
      reserved: 'Reservierung angefragt',
      inStock: (store) => `Vorrätig in ${store}`,
      outOfStock: (store) => `Nicht vorrätig in ${store}`,
    },
  },
  products: {
    title: 'Ein Produkt zeigen',
    label: 'Im Katalog suchen',
    placeholder: 'Name oder Artikelnummer',
    find: 'Suchen',
    searching: 'Suche läuft…',
    none: (query) => `Nichts im Katalog für „${query}“.`,
    noCatalogue: 'Für diesen Shop ist kein Katalog für Experten eingerichtet.',
    show: 'Zeigen',
    showLabel: (name) => `${name} dem Kunden zeigen`,
    inStock: (store) => `vorrätig in ${store}`,
    outOfStock: (store) => `nicht vorrätig in ${store}`,
  },
  ratings: {
    title: 'Bewertungen Ihrer Gespräche',
    stars: (n) => plural('de', n, { one: '# Stern von 5', other: '# Sterne von 5' }),
    anonymous: 'Ein Kunde',
  },
  requests: {
    title: 'Offene Anfragen',
    toDo: 'offen',
    empty: 'Nichts zu erledigen.',
    kinds: { message: 'Nachricht', callback: 'Rückruf', appointment: 'Videotermin' },
    anonymous: 'Ein Kunde',
    when: { callback: 'Anrufen zwischen', appointment: 'Termin' },
    overdue: { callback: 'Zeitfenster vorbei', appointment: 'Termin vorbei' },
    phone: 'Telefon',
    contact: 'Kontakt',
    page: 'Seite',
    product: 'Produkt',
    received: (at) => `erhalten ${at}`,
    markDone: 'Als erledigt markieren',
    marking: 'Wird gespeichert …',
    done: 'Erledigt',
    cancelled: 'Storniert',
  },
  deviceStarting: (device) =>
    `${device === 'camera' ? 'Ihre Kamera' : 'Ihr Mikrofon'} startet … Wenn der Browser fragt, wählen Sie „Zulassen“.`,
  deviceProblem: (device, problem) =>
    `${device === 'camera' ? 'Ihre Kamera' : 'Ihr Mikrofon'} ${
      problem === 'permission-denied'
        ? 'ist vom Browser blockiert: Erlauben Sie es in der Adressleiste.'
        : problem === 'no-device'
          ? 'wurde nicht gefunden.'
          : problem === 'device-busy'
            ? 'wird von einer anderen App benutzt.'
            : 'konnte nicht starten.'
    } Der Kunde hört oder sieht weiterhin, was funktioniert.`,
};

const es: ConsoleText = {
  tapToHear: 'Haga clic para oír al cliente',
  justWrote: 'acaba de escribir',
  queues: {
    title: 'En espera',
    nobody: 'Nadie espera.',
    anyTopic: 'Cualquier pregunta',
    waiting: (n) => plural('es', n, { one: '# cliente espera', other: '# clientes esperan' }),
    longest: (duration) => `el primero desde hace ${duration}`,
    justArrived: 'acaba de llegar',
  },
  shopperLabel: (n) => `Cliente ${n}`,
  ringAnnouncement: (mode, who, product) =>
    `${es.ringing(mode)}: ${who}${product ? `, ${product}` : ''}.`,
  conversation: 'Conversación',
  context: 'Lo que mira el cliente',
  modeWord: (chatOnly) => (chatOnly ? 'chat' : 'llamada'),
  waitingFor: (duration) => `espera desde hace ${duration}`,
  notificationsHint:
    'Al iniciar sesión, el navegador puede pedir mostrar notificaciones: acéptelo, para que una llamada le llegue en otra pestaña.',
  callControls: 'Controles de la llamada',
  signInTitle: 'Acceso de expertos',
  yourName: 'Su nombre',
  signIn: 'Iniciar sesión',
  signingIn: 'Iniciando sesión…',
  signedOut: {
    'signed-out': 'Ha cerrado la sesión.',
    unauthorized: 'Su sesión ha caducado. Vuelva a iniciar sesión.',
    'hub-failed':
      'El hub no ha podido completar el inicio de sesión. Vuelva a iniciar sesión en un momento.',
    refused: 'El hub ha rechazado el inicio de sesión. Vuelva a iniciar sesión.',
    'invalid-request':
      'El hub no ha podido aceptar este inicio de sesión: puede que esta consola no corresponda a su versión. Recargue la página e inicie sesión.',
    'hub-unreachable':
      'No se puede contactar con el hub. Compruebe la conexión y vuelva a iniciar sesión.',
    'dev-login-disabled': 'Este hub no permite iniciar sesión por nombre: su tienda le da acceso.',
  },
  signOut: 'Cerrar sesión',
  available: 'Disponible',
  away: 'Ausente',
  goAvailable: 'Ponerse disponible',
  goAway: 'Ponerse ausente',
  waiting: 'Esperando clientes. Una llamada o un chat sonará aquí.',
  awayHint: 'Está ausente: no sonará ninguna llamada. Póngase disponible para recibirlas.',
  missed: {
    declined: 'Ha rechazado la llamada; ha pasado al siguiente experto.',
    timeout: 'Ha perdido una llamada, así que ha pasado a ausente.',
    'shopper-cancelled': 'El cliente colgó antes de que respondiera.',
  },
  ringing: (mode) =>
    ({ video: 'Videollamada entrante', audio: 'Llamada de voz entrante', chat: 'Chat entrante' })[
      mode
    ],
  shopper: 'Cliente',
  page: 'Página',
  product: 'Producto',
  secondsLeft: (s) => `${plural('es', s, { one: 'queda # segundo', other: 'quedan # segundos' })}`,
  accept: 'Aceptar',
  accepting: 'Conectando…',
  decline: 'Rechazar',
  inCall: 'En llamada',
  ringingStatus: 'Sonando',
  anonymousShopper: 'Un cliente (sin nombre)',
  verified: 'cliente verificado',
  verifiedHint: 'La tienda ha confirmado quién es: el cliente ha iniciado sesión en su cuenta.',
  verifiedCustomer: (name) => `${name}, cliente verificado`,
  customerId: 'Número de cliente',
  email: 'Correo electrónico',
  typedName: 'Nombre escrito (no verificado)',
  shopperCameraOff: 'La cámara del cliente está apagada',
  markHint: 'Toque o dibuje en la imagen para mostrar el lugar al cliente',
  youMarked: 'Su marca en la imagen del cliente',
  you: 'Usted',
  microphoneOn: 'Silenciar',
  microphoneOff: 'Activar micro',
  cameraOn: 'Apagar cámara',
  cameraOff: 'Encender cámara',
  hangUp: 'Colgar',
  screen: {
    share: 'Compartir pantalla',
    stop: 'Dejar de compartir',
    sharing: 'Está compartiendo su pantalla',
    failed: 'No se ha podido compartir su pantalla. Inténtelo de nuevo o elija otra ventana.',
  },
  blur: {
    button: 'Desenfocar fondo',
    starting: 'Preparando el desenfoque…',
    failed: 'El desenfoque del fondo no funciona en este dispositivo. Su cámara sigue igual.',
  },
  reconnecting: 'Conexión con el hub perdida. Reconectando… la llamada continúa.',
  chatOnly: {
    chosen: 'El cliente ha preferido escribir: responda aquí.',
    'media-lost':
      'El vídeo y la voz se han cortado: se perdió la conexión. La conversación sigue aquí por chat; el cliente lo sabe.',
    'media-unavailable':
      'El vídeo no está disponible ahora (no se alcanza el servidor de medios): responda al cliente aquí por chat.',
  },
  endConversation: 'Terminar la conversación',
  switchToChat: 'Pasar al chat',
  backToCall: 'Volver al vídeo',
  inChats: (n) => plural('es', n, { one: 'En un chat', other: 'En # chats' }),
  conversations: 'Sus conversaciones',
  listItem: (name, chatOnly) => `${name} · ${chatOnly ? 'chat' : 'llamada'}`,
  unread: (n) => plural('es', n, { one: '# mensaje sin leer', other: '# mensajes sin leer' }),
  chat: {
    log: 'Mensajes',
    you: 'Usted',
    placeholder: 'Escribir al cliente',
    send: 'Enviar',
    sending: 'enviando…',
    sent: 'enviado',
    failed: 'no enviado',
    retry: 'Reintentar',
    typing: () => 'El cliente está escribiendo…',
    tooLong: (over) =>
      `${plural('es', over, { one: '# carácter', other: '# caracteres' })} de más.`,
    system: systemLine.es,
    closed: 'La conversación ha terminado.',
    photo: 'Foto',
    product: {
      open: 'Ver el producto',
      addToCart: 'Añadir a la cesta',
      reserve: 'Reservar en tienda',
      added: 'Añadido a su cesta',
      reserved: 'Reserva solicitada',
      inStock: (store) => `Disponible en ${store}`,
      outOfStock: (store) => `Agotado en ${store}`,
    },
  },
  products: {
    title: 'Mostrar un producto',
    label: 'Buscar en el catálogo',
    placeholder: 'Nombre o referencia',
    find: 'Buscar',
    searching: 'Buscando…',
    none: (query) => `Nada en el catálogo para «${query}».`,
    noCatalogue: 'Esta tienda no tiene catálogo configurado para los expertos.',
    show: 'Mostrar',
    showLabel: (name) => `Mostrar ${name} al cliente`,
    inStock: (store) => `disponible en ${store}`,
    outOfStock: (store) => `agotado en ${store}`,
  },
  ratings: {
    title: 'Valoraciones de sus conversaciones',
    stars: (n) => plural('es', n, { one: '# estrella de 5', other: '# estrellas de 5' }),
    anonymous: 'Un cliente',
  },
  requests: {
    title: 'Solicitudes pendientes',
    toDo: 'pendientes',
    empty: 'Nada pendiente.',
    kinds: { message: 'Mensaje', callback: 'Devolver llamada', appointment: 'Cita por vídeo' },
    anonymous: 'Un cliente',
    when: { callback: 'Llamar entre', appointment: 'Hora' },
    overdue: { callback: 'Franja pasada', appointment: 'Hora pasada' },
    phone: 'Teléfono',
    contact: 'Contacto',
    page: 'Página',
    product: 'Producto',
    received: (at) => `recibida ${at}`,
    markDone: 'Marcar como hecha',
    marking: 'Guardando…',
    done: 'Hecha',
    cancelled: 'Cancelada',
  },
  deviceStarting: (device) =>
    `Iniciando ${device === 'camera' ? 'su cámara' : 'su micrófono'}… Si el navegador lo pide, elija «Permitir».`,
  deviceProblem: (device, problem) =>
    `${device === 'camera' ? 'Su cámara' : 'Su micrófono'} ${
      problem === 'permission-denied'
        ? 'está bloqueado por el navegador: permítalo en la barra de direcciones.'
        : problem === 'no-device'
          ? 'no se ha encontrado.'
          : problem === 'device-busy'
            ? 'lo usa otra aplicación.'
            : 'no ha podido iniciarse.'
    } El cliente sigue oyendo o viendo lo que funciona.`,
};

const it: ConsoleText = {
  tapToHear: 'Fai clic per sentire il cliente',
  justWrote: 'ha appena scritto',
  queues: {
    title: 'In attesa',
    nobody: 'Nessuno è in attesa.',
    anyTopic: 'Qualsiasi domanda',
    waiting: (n) => plural('it', n, { one: '# cliente in attesa', other: '# clienti in attesa' }),
    longest: (duration) => `il primo da ${duration}`,
    justArrived: 'appena arrivato',
  },
  shopperLabel: (n) => `Cliente ${n}`,
  ringAnnouncement: (mode, who, product) =>
    `${it.ringing(mode)}: ${who}${product ? `, ${product}` : ''}.`,
  conversation: 'Conversazione',
  context: 'Cosa sta guardando il cliente',
  modeWord: (chatOnly) => (chatOnly ? 'chat' : 'chiamata'),
  waitingFor: (duration) => `attende da ${duration}`,
  notificationsHint:
    'All’accesso il browser può chiedere di mostrare notifiche: consentile, così una chiamata ti raggiunge anche in un’altra scheda.',
  callControls: 'Comandi della chiamata',
  signInTitle: 'Accesso esperti',
  yourName: 'Il tuo nome',
  signIn: 'Accedi',
  signingIn: 'Accesso…',
  signedOut: {
    'signed-out': 'Sei disconnesso.',
    unauthorized: 'La sessione è scaduta. Accedi di nuovo.',
    'hub-failed': 'L’hub non è riuscito a completare l’accesso. Accedi di nuovo tra un momento.',
    refused: 'L’hub ha rifiutato l’accesso. Accedi di nuovo.',
    'invalid-request':
      'L’hub non ha potuto accettare questo accesso: questa console potrebbe non corrispondere alla sua versione. Ricarica la pagina, poi accedi.',
    'hub-unreachable': 'L’hub non è raggiungibile. Controlla la connessione, poi accedi di nuovo.',
    'dev-login-disabled':
      'Questo hub non consente l’accesso con il nome: è il tuo negozio a farti accedere.',
  },
  signOut: 'Esci',
  available: 'Disponibile',
  away: 'Assente',
  goAvailable: 'Diventa disponibile',
  goAway: 'Passa ad assente',
  waiting: 'In attesa di clienti. Una chiamata o una chat squillerà qui.',
  awayHint: 'Sei assente: non squillerà nulla. Diventa disponibile per ricevere chiamate.',
  missed: {
    declined: 'Hai rifiutato la chiamata; è passata all’esperto successivo.',
    timeout: 'Hai perso una chiamata, quindi sei passato ad assente.',
    'shopper-cancelled': 'Il cliente ha riagganciato prima della tua risposta.',
  },
  ringing: (mode) =>
    ({
      video: 'Videochiamata in arrivo',
      audio: 'Chiamata vocale in arrivo',
      chat: 'Chat in arrivo',
    })[mode],
  shopper: 'Cliente',
  page: 'Pagina',
  product: 'Prodotto',
  secondsLeft: (s) => `${plural('it', s, { one: 'resta # secondo', other: 'restano # secondi' })}`,
  accept: 'Accetta',
  accepting: 'Connessione…',
  decline: 'Rifiuta',
  inCall: 'In chiamata',
  ringingStatus: 'Squilla',
  anonymousShopper: 'Un cliente (senza nome)',
  verified: 'cliente verificato',
  verifiedHint:
    'Il negozio ha confermato chi è: il cliente ha effettuato l’accesso al suo account.',
  verifiedCustomer: (name) => `${name}, cliente verificato`,
  customerId: 'Numero cliente',
  email: 'E-mail',
  typedName: 'Nome digitato (non verificato)',
  shopperCameraOff: 'La fotocamera del cliente è spenta',
  markHint: 'Tocchi o disegni sull’immagine per mostrare il punto al cliente',
  youMarked: 'Il suo segno sull’immagine del cliente',
  you: 'Tu',
  microphoneOn: 'Muto',
  microphoneOff: 'Attiva micro',
  cameraOn: 'Spegni fotocamera',
  cameraOff: 'Accendi fotocamera',
  hangUp: 'Riaggancia',
  screen: {
    share: 'Condividi schermo',
    stop: 'Interrompi condivisione',
    sharing: 'Sta condividendo lo schermo',
    failed: 'Non è stato possibile condividere lo schermo. Riprovi o scelga un’altra finestra.',
  },
  blur: {
    button: 'Sfoca sfondo',
    starting: 'Preparazione della sfocatura…',
    failed:
      'La sfocatura dello sfondo non funziona su questo dispositivo. La videocamera resta com’è.',
  },
  reconnecting: 'Connessione all’hub persa. Riconnessione… la chiamata continua.',
  chatOnly: {
    chosen: 'Il cliente preferisce scrivere: rispondi qui.',
    'media-lost':
      'Video e voce interrotti: la connessione si è persa. La conversazione continua qui in chat; il cliente è stato avvisato.',
    'media-unavailable':
      'Il video non è disponibile ora (server media non raggiungibile): rispondi al cliente qui in chat.',
  },
  endConversation: 'Termina la conversazione',
  switchToChat: 'Passa alla chat',
  backToCall: 'Torna al video',
  inChats: (n) => plural('it', n, { one: 'In una chat', other: 'In # chat' }),
  conversations: 'Le tue conversazioni',
  listItem: (name, chatOnly) => `${name} · ${chatOnly ? 'chat' : 'chiamata'}`,
  unread: (n) => plural('it', n, { one: '# messaggio non letto', other: '# messaggi non letti' }),
  chat: {
    log: 'Messaggi',
    you: 'Tu',
    placeholder: 'Scrivi al cliente',
    send: 'Invia',
    sending: 'invio…',
    sent: 'inviato',
    failed: 'non inviato',
    retry: 'Riprova',
    typing: () => 'Il cliente sta scrivendo…',
    tooLong: (over) =>
      `${plural('it', over, { one: '# carattere', other: '# caratteri' })} di troppo.`,
    system: systemLine.it,
    closed: 'La conversazione è terminata.',
    photo: 'Foto',
    product: {
      open: 'Vedi il prodotto',
      addToCart: 'Aggiungi al carrello',
      reserve: 'Prenota in negozio',
      added: 'Aggiunto al carrello',
      reserved: 'Prenotazione richiesta',
      inStock: (store) => `Disponibile a ${store}`,
      outOfStock: (store) => `Esaurito a ${store}`,
    },
  },
  products: {
    title: 'Mostra un prodotto',
    label: 'Cerca nel catalogo',
    placeholder: 'Nome o codice',
    find: 'Cerca',
    searching: 'Ricerca in corso…',
    none: (query) => `Niente nel catalogo per «${query}».`,
    noCatalogue: 'Questo negozio non ha un catalogo configurato per gli esperti.',
    show: 'Mostra',
    showLabel: (name) => `Mostra ${name} al cliente`,
    inStock: (store) => `disponibile a ${store}`,
    outOfStock: (store) => `esaurito a ${store}`,
  },
  ratings: {
    title: 'Valutazioni delle sue conversazioni',
    stars: (n) => plural('it', n, { one: '# stella su 5', other: '# stelle su 5' }),
    anonymous: 'Un cliente',
  },
  requests: {
    title: 'Richieste da gestire',
    toDo: 'da gestire',
    empty: 'Niente da gestire.',
    kinds: { message: 'Messaggio', callback: 'Da richiamare', appointment: 'Appuntamento video' },
    anonymous: 'Un cliente',
    when: { callback: 'Chiamare tra', appointment: 'Orario' },
    overdue: { callback: 'Fascia passata', appointment: 'Orario passato' },
    phone: 'Telefono',
    contact: 'Contatto',
    page: 'Pagina',
    product: 'Prodotto',
    received: (at) => `ricevuta ${at}`,
    markDone: 'Segna come gestita',
    marking: 'Salvataggio…',
    done: 'Gestita',
    cancelled: 'Annullata',
  },
  deviceStarting: (device) =>
    `Avvio ${device === 'camera' ? 'della fotocamera' : 'del microfono'}… Se il browser lo chiede, scegli «Consenti».`,
  deviceProblem: (device, problem) =>
    `${device === 'camera' ? 'La tua fotocamera' : 'Il tuo microfono'} ${
      problem === 'permission-denied'
        ? 'è bloccato dal browser: consentilo nella barra degli indirizzi.'
        : problem === 'no-device'
          ? 'non è stato trovato.'
          : problem === 'device-busy'
            ? 'è usato da un’altra app.'
            : 'non è riuscito ad avviarsi.'
    } Il cliente continua a sentire o vedere ciò che funziona.`,
};

export const consoleText: Record<UiLanguage, ConsoleText> = {
  en,
  fr: withFrenchSpacing(fr),
  de,
  es,
  it,
};
