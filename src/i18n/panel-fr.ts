/** What the shopper's panel says in French: a chunk of its own, fetched for French pages only. */
import type { PanelText } from './panel.js';
import { minutes, plural, withFrenchSpacing } from './format.js';
import { systemLine } from './system-lines.js';

const fr: PanelText = {
  devices: {
    button: 'Appareils',
    title: 'Caméra, micro et haut-parleur',
    videoinput: 'Caméra',
    audioinput: 'Micro',
    audiooutput: 'Haut-parleur',
  },
  check: {
    open: 'Tester ma caméra et mon micro',
    title: 'Tester ma caméra et mon micro',
    done: 'Fin du test',
    level: 'Niveau du micro',
    levelHint: 'Dites quelques mots : la barre bouge quand votre micro vous entend.',
    showCamera: 'Voir ma caméra',
    hideCamera: 'Masquer ma caméra',
    preview: 'Votre caméra, vue par vous seul',
    previewNote:
      'Vous seul voyez cette image. L’expert ne voit votre caméra que si vous l’allumez pendant l’appel.',
    testSound: 'Jouer un son de test',
    kept: 'Vos choix sont gardés pour l’appel.',
  },
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
  yourAccount: 'votre nom, d’après votre compte sur ce site',
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
  handoff: {
    button: 'Sur mon téléphone',
    title: 'Continuer sur votre téléphone',
    how: 'Scannez ce code avec l’appareil photo de votre téléphone, ou ouvrez ce lien dessus. Il sert une fois, dans les 5 minutes, et la conversation continue alors sur le téléphone.',
    asking: 'Création du code…',
    failed: 'Aucun code n’a pu être créé. Vérifiez votre connexion et réessayez.',
    expired: 'Ce code a expiré.',
    again: 'Nouveau code',
    close: 'Fermer',
    qr: 'QR code pour continuer sur votre téléphone',
  },
  switchCamera: 'Changer de caméra',
  expertMarked: (name) => `${name} a marqué un endroit sur votre image`,
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
      case 'hub-failed':
        return 'Notre service a rencontré un problème et n’a pas pu vous mettre en relation. Réessayez dans un instant.';
      case 'refused':
        return 'Notre service a refusé la demande : la conversation est terminée ou ne peut pas continuer. Vous pouvez en commencer une nouvelle.';
      case 'invalid-request':
        return 'Notre service n’a pas pu accepter la demande de cette page. Réessayez plus tard ou contactez la boutique.';
      case 'unauthorized':
        return 'Notre service a refusé cette demande. Merci de contacter la boutique.';
      case 'media-unavailable':
        return 'Les appels vidéo sont indisponibles pour le moment. Réessayez dans un instant.';
      case 'timeout':
        return 'Nos experts n’ont pas répondu à temps. Merci de réessayer.';
      case 'moved':
        return 'La conversation continue sur votre autre appareil.';
      case 'link-expired':
        return 'Ce lien a expiré ou a déjà servi. Demandez-en un nouveau sur votre autre appareil, ou commencez une nouvelle conversation.';
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
  rating: {
    title: (name) => `Comment s’est passée votre conversation avec ${name} ?`,
    stars: (n) => plural('fr', n, { one: '# étoile sur 5', other: '# étoiles sur 5' }),
    low: 'Décevant',
    high: 'Excellent',
    comment: 'Un mot à ajouter ? (facultatif)',
    send: 'Envoyer ma note',
    sending: 'Envoi…',
    thanks: 'Merci : votre note a été transmise.',
    failed: 'Votre note n’a pas pu être envoyée. Vous pouvez réessayer.',
  },
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
  framedNoCalls:
    'Les appels ne peuvent pas démarrer depuis cette page, mais un expert peut vous répondre par écrit, et vous pourrez continuer en vidéo sur votre téléphone.',
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
  photos: {
    add: 'Envoyer une photo',
    sending: 'Envoi de votre photo…',
    refused: {
      'not-a-photo': 'Ce fichier n’est pas une photo. Choisissez une image.',
      'too-large': 'Cette photo est trop lourde pour être envoyée. Choisissez-en une plus petite.',
      'too-many': 'Cette conversation a reçu toutes les photos qu’elle peut contenir.',
      'not-open': 'Vous pourrez envoyer des photos dès que l’expert vous aura rejoint.',
      failed: 'Votre photo n’a pas pu être envoyée. Vérifiez votre connexion et réessayez.',
    },
  },
  deviceStarting: (device) =>
    device === 'camera'
      ? 'Démarrage de votre caméra… Si votre navigateur vous le demande, choisissez « Autoriser » pour que l’expert vous voie.'
      : 'Démarrage de votre micro… Si votre navigateur vous le demande, choisissez « Autoriser » pour que l’expert vous entende.',
  device: { camera: 'caméra', microphone: 'micro' },
  deviceProblem: (device, problem, browser = 'chromium') => {
    const name = device === 'camera' ? 'caméra' : 'micro';
    const article = device === 'camera' ? 'Votre caméra est' : 'Votre micro est';
    switch (problem) {
      case 'permission-denied': {
        const it = device === 'camera' ? 'la caméra' : 'le micro';
        const how = {
          chromium: `cliquez sur l’icône à gauche de la barre d’adresse et autorisez ${it}`,
          firefox: `cliquez sur l’icône barrée dans la barre d’adresse et autorisez ${it}`,
          safari: `ouvrez Safari › Réglages pour ce site web et autorisez ${it}`,
          ios: `touchez « aA » dans la barre d’adresse, puis Réglages du site web, et autorisez ${it}`,
        }[browser];
        return `${article} bloqué${device === 'camera' ? 'e' : ''}. Pour l’utiliser, ${how}, puis réessayez. Vous pouvez toujours voir et entendre l’expert.`;
      }
      case 'blocked-by-site':
        return `Cette page ne permet pas à l’aide vidéo d’utiliser votre ${device === 'camera' ? 'caméra' : 'micro'} : vos réglages du navigateur n’y changeront rien. Vous voyez et entendez toujours l’expert, et pouvez lui écrire.`;
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

export const text: PanelText = withFrenchSpacing(fr);
