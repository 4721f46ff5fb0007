/** What the shopper's panel says in Italian: a chunk of its own, fetched for Italian pages only. */
import type { PanelText } from './panel.js';
import { minutes, plural } from './format.js';
import { systemLine } from './system-lines.js';

const it: PanelText = {
  devices: {
    button: 'Dispositivi',
    title: 'Fotocamera, microfono e altoparlante',
    videoinput: 'Fotocamera',
    audioinput: 'Microfono',
    audiooutput: 'Altoparlante',
  },
  check: {
    open: 'Prova fotocamera e microfono',
    title: 'Prova fotocamera e microfono',
    done: 'Fine della prova',
    level: 'Livello del microfono',
    levelHint: 'Dica qualcosa: la barra si muove quando il microfono la sente.',
    showCamera: 'Mostra la mia fotocamera',
    hideCamera: 'Nascondi la mia fotocamera',
    preview: 'La sua fotocamera, vista solo da lei',
    previewNote:
      'Solo lei vede questa immagine. L’esperto vede la sua fotocamera solo se la accende durante la chiamata.',
    testSound: 'Riproduci un suono di prova',
    kept: 'Le sue scelte restano per la chiamata.',
  },
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
  yourAccount: 'il tuo nome, dal tuo account su questo sito',
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
  handoff: {
    button: 'Sul telefono',
    title: 'Continua sul telefono',
    how: 'Inquadri questo codice con la fotocamera del telefono o apra questo link sul telefono. Vale una volta, entro 5 minuti, e la conversazione continua lì.',
    asking: 'Creazione del codice…',
    failed: 'Non è stato possibile creare un codice. Controlli la connessione e riprovi.',
    expired: 'Questo codice è scaduto.',
    again: 'Nuovo codice',
    close: 'Chiudi',
    qr: 'Codice QR per continuare sul telefono',
  },
  switchCamera: 'Cambia fotocamera',
  expertMarked: (name) => `${name} ha segnato un punto sulla sua immagine`,
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
      case 'hub-failed':
        return 'Il nostro servizio ha avuto un problema e non è riuscito a metterti in contatto. Riprova tra un momento.';
      case 'refused':
        return 'Il nostro servizio ha rifiutato la richiesta: la conversazione è terminata o non può continuare. Puoi iniziarne una nuova.';
      case 'invalid-request':
        return 'Il nostro servizio non ha potuto accettare la richiesta di questa pagina. Riprova più tardi o contatta il negozio.';
      case 'unauthorized':
        return 'Il nostro servizio ha rifiutato questa richiesta. Contatta il negozio.';
      case 'media-unavailable':
        return 'Le videochiamate non sono disponibili ora. Riprova tra un momento.';
      case 'timeout':
        return 'I nostri esperti non hanno risposto in tempo. Riprova.';
      case 'moved':
        return 'La conversazione continua sull’altro dispositivo.';
      case 'link-expired':
        return 'Questo link è scaduto o è già stato usato. Ne chieda uno nuovo sull’altro dispositivo o inizi una nuova conversazione.';
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
  rating: {
    title: (name) => `Com’è andata la conversazione con ${name}?`,
    stars: (n) => plural('it', n, { one: '# stella su 5', other: '# stelle su 5' }),
    low: 'Scarsa',
    high: 'Eccellente',
    comment: 'Qualcosa da aggiungere? (facoltativo)',
    send: 'Invia la mia valutazione',
    sending: 'Invio…',
    thanks: 'Grazie: la sua valutazione è stata trasmessa.',
    failed: 'Non è stato possibile inviare la valutazione. Può riprovare.',
  },
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
  framedNoCalls:
    'Le chiamate non possono partire da questa pagina, ma un esperto può risponderti per iscritto, e potrai continuare in video sul tuo telefono.',
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
  photos: {
    add: 'Invia una foto',
    sending: 'Invio della foto…',
    refused: {
      'not-a-photo': 'Questo file non è una foto. Scelga un’immagine.',
      'too-large': 'Questa foto è troppo grande da inviare. Ne scelga una più piccola.',
      'too-many': 'Questa conversazione ha già tutte le foto che può contenere.',
      'not-open': 'Potrà inviare foto appena l’esperto si sarà unito.',
      failed: 'Non è stato possibile inviare la foto. Controlli la connessione e riprovi.',
    },
  },
  deviceStarting: (device) =>
    device === 'camera'
      ? 'Avvio della fotocamera… Se il browser lo chiede, scegli «Consenti» perché l’esperto ti veda.'
      : 'Avvio del microfono… Se il browser lo chiede, scegli «Consenti» perché l’esperto ti senta.',
  device: { camera: 'fotocamera', microphone: 'microfono' },
  deviceProblem: (device, problem, browser = 'chromium') => {
    const name = device === 'camera' ? 'La tua fotocamera' : 'Il tuo microfono';
    switch (problem) {
      case 'permission-denied': {
        const it = device === 'camera' ? 'la fotocamera' : 'il microfono';
        const how = {
          chromium: `fai clic sull’icona a sinistra della barra degli indirizzi e consenti ${it}`,
          firefox: `fai clic sull’icona barrata nella barra degli indirizzi e consenti ${it}`,
          safari: `apri Safari › Impostazioni per questo sito web e consenti ${it}`,
          ios: `tocca «aA» nella barra degli indirizzi, poi Impostazioni sito web, e consenti ${it}`,
        }[browser];
        return `${name} è bloccat${device === 'camera' ? 'a' : 'o'}. Per usarl${device === 'camera' ? 'a' : 'o'}, ${how}, poi riprova. Continui a vedere e sentire l’esperto.`;
      }
      case 'blocked-by-site':
        return `Questa pagina non consente all’aiuto video di usare ${device === 'camera' ? 'la tua fotocamera' : 'il tuo microfono'}: le impostazioni del browser non lo cambiano. Continui a vedere e sentire l’esperto, e puoi scrivergli.`;
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

export const text: PanelText = it;
