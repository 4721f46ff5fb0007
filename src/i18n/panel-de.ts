/** What the shopper's panel says in German: a chunk of its own, fetched for German pages only. */
import type { PanelText } from './panel.js';
import { minutes, plural } from './format.js';
import { systemLine } from './system-lines.js';

const de: PanelText = {
  devices: {
    button: 'Geräte',
    title: 'Kamera, Mikrofon und Lautsprecher',
    videoinput: 'Kamera',
    audioinput: 'Mikrofon',
    audiooutput: 'Lautsprecher',
  },
  check: {
    open: 'Kamera und Mikrofon testen',
    title: 'Kamera und Mikrofon testen',
    done: 'Test beenden',
    level: 'Mikrofonpegel',
    levelHint: 'Sagen Sie etwas: Der Balken bewegt sich, wenn Ihr Mikrofon Sie hört.',
    showCamera: 'Meine Kamera zeigen',
    hideCamera: 'Meine Kamera ausblenden',
    preview: 'Ihre Kamera, nur für Sie sichtbar',
    previewNote:
      'Nur Sie sehen dieses Bild. Der Experte sieht Ihre Kamera nur, wenn Sie sie im Gespräch einschalten.',
    testSound: 'Testton abspielen',
    kept: 'Ihre Auswahl gilt für das Gespräch.',
  },
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
  yourAccount: 'Ihr Name aus Ihrem Kundenkonto auf dieser Website',
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
  handoff: {
    button: 'Auf dem Handy',
    title: 'Auf dem Handy weitermachen',
    how: 'Scannen Sie diesen Code mit der Kamera Ihres Handys oder öffnen Sie dort diesen Link. Er gilt einmal, innerhalb von 5 Minuten; die Unterhaltung geht dann dort weiter.',
    asking: 'Code wird erstellt…',
    failed:
      'Es konnte kein Code erstellt werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    expired: 'Dieser Code ist abgelaufen.',
    again: 'Neuer Code',
    close: 'Schließen',
    qr: 'QR-Code, um auf dem Handy weiterzumachen',
  },
  switchCamera: 'Kamera wechseln',
  expertMarked: (name) => `${name} hat eine Stelle in Ihrem Bild markiert`,
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
      case 'hub-failed':
        return 'Bei unserem Dienst ist ein Fehler aufgetreten, wir konnten Sie nicht verbinden. Bitte versuchen Sie es gleich noch einmal.';
      case 'refused':
        return 'Unser Dienst hat die Anfrage abgelehnt: Die Unterhaltung ist beendet oder kann nicht fortgesetzt werden. Sie können eine neue beginnen.';
      case 'invalid-request':
        return 'Unser Dienst konnte die Anfrage dieser Seite nicht annehmen. Bitte versuchen Sie es später erneut oder wenden Sie sich an den Shop.';
      case 'unauthorized':
        return 'Unser Dienst hat diese Anfrage abgelehnt. Bitte wenden Sie sich an den Shop.';
      case 'media-unavailable':
        return 'Videoanrufe sind gerade nicht möglich. Versuchen Sie es gleich noch einmal.';
      case 'timeout':
        return 'Unsere Experten haben nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.';
      case 'moved':
        return 'Die Unterhaltung geht auf Ihrem anderen Gerät weiter.';
      case 'link-expired':
        return 'Dieser Link ist abgelaufen oder wurde schon benutzt. Fordern Sie auf Ihrem anderen Gerät einen neuen an oder beginnen Sie eine neue Unterhaltung.';
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
  rating: {
    title: (name) => `Wie war Ihr Gespräch mit ${name}?`,
    stars: (n) => plural('de', n, { one: '# Stern von 5', other: '# Sterne von 5' }),
    low: 'Schlecht',
    high: 'Ausgezeichnet',
    comment: 'Möchten Sie etwas hinzufügen? (optional)',
    send: 'Bewertung senden',
    sending: 'Wird gesendet…',
    thanks: 'Danke: Ihre Bewertung wurde weitergegeben.',
    failed: 'Ihre Bewertung konnte nicht gesendet werden. Bitte versuchen Sie es erneut.',
  },
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
  framedNoCalls:
    'Von dieser Seite aus können keine Anrufe starten, aber ein Experte kann Ihnen schriftlich antworten, und Sie können auf Ihrem Telefon per Video weitermachen.',
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
  photos: {
    add: 'Ein Foto senden',
    sending: 'Ihr Foto wird gesendet…',
    refused: {
      'not-a-photo': 'Diese Datei ist kein Foto. Wählen Sie ein Bild.',
      'too-large': 'Dieses Foto ist zu groß zum Senden. Wählen Sie ein kleineres.',
      'too-many': 'Diese Unterhaltung kann keine weiteren Fotos aufnehmen.',
      'not-open': 'Fotos können Sie senden, sobald der Experte da ist.',
      failed:
        'Ihr Foto konnte nicht gesendet werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    },
  },
  deviceStarting: (device) =>
    device === 'camera'
      ? 'Ihre Kamera startet … Wenn der Browser fragt, wählen Sie „Zulassen“, damit der Experte Sie sieht.'
      : 'Ihr Mikrofon startet … Wenn der Browser fragt, wählen Sie „Zulassen“, damit der Experte Sie hört.',
  device: { camera: 'Kamera', microphone: 'Mikrofon' },
  deviceProblem: (device, problem, browser = 'chromium') => {
    const name = device === 'camera' ? 'Ihre Kamera' : 'Ihr Mikrofon';
    switch (problem) {
      case 'permission-denied': {
        const it = device === 'camera' ? 'die Kamera' : 'das Mikrofon';
        const how = {
          chromium: `klicken Sie auf das Symbol links in der Adressleiste und erlauben Sie ${it}`,
          firefox: `klicken Sie auf das durchgestrichene Symbol in der Adressleiste und erlauben Sie ${it}`,
          safari: `öffnen Sie Safari › Einstellungen für diese Website und erlauben Sie ${it}`,
          ios: `tippen Sie in der Adressleiste auf „aA“, dann auf Website-Einstellungen, und erlauben Sie ${it}`,
        }[browser];
        return `${name} ist blockiert. Um ${device === 'camera' ? 'sie' : 'es'} zu nutzen, ${how}. Versuchen Sie es dann erneut. Sie sehen und hören den Experten weiterhin.`;
      }
      case 'blocked-by-site':
        return `Diese Seite erlaubt der Videohilfe ${device === 'camera' ? 'Ihre Kamera' : 'Ihr Mikrofon'} nicht; Ihre Browsereinstellungen ändern daran nichts. Sie sehen und hören den Experten weiterhin und können ihm schreiben.`;
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

export const text: PanelText = de;
