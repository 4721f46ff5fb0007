/** What the shopper reads when nobody can answer now: the three ways to be helped later. */
import type { UiLanguage } from './language.js';
import type { OfflineKind, OfflineProblem } from '../protocol/index.js';
import { withFrenchSpacing } from './format.js';

export interface OfflineText {
  closed: (opensAt: string | undefined) => string;
  /** After the shop's own closed message: when it opens. */
  backAt: (opensAt: string) => string;
  noAnswer: string;
  choose: string;
  kinds: Record<OfflineKind, { title: string; hint: string }>;
  back: string;
  name: string;
  optional: string;
  contact: string;
  contactHint: string;
  message: string;
  phone: string;
  day: string;
  from: string;
  to: string;
  note: string;
  loadingSlots: string;
  noSlots: string;
  pickSlot: string;
  send: string;
  sending: string;
  leavesQueue: string;
  problems: Record<OfflineProblem | 'unreachable' | 'no-slot', string>;
  confirmed: (kind: OfflineKind, from: string | undefined, to: string | undefined) => string;
  close: string;
}

const en: OfflineText = {
  closed: (opensAt) =>
    opensAt
      ? `Our experts are not available right now. They are back ${opensAt}.`
      : 'Our experts are not available right now.',
  backAt: (opensAt) => `Back ${opensAt}.`,
  noAnswer: 'All our experts are still busy. You keep your place, or we can get back to you:',
  choose: 'We can get back to you:',
  kinds: {
    message: { title: 'Leave a message', hint: 'An expert answers by email or phone' },
    callback: { title: 'Be called back', hint: 'Choose when suits you' },
    appointment: { title: 'Book a video appointment', hint: 'Pick a time with an expert' },
  },
  back: 'Back',
  name: 'Your name',
  optional: '(optional)',
  contact: 'Email or phone',
  contactHint: 'Where the expert answers you.',
  message: 'Your message',
  phone: 'Phone number',
  day: 'Day',
  from: 'From',
  to: 'To',
  note: 'What is it about?',
  loadingSlots: 'Finding free times…',
  noSlots: 'No free time in the next two weeks. Leave a message instead.',
  pickSlot: 'Pick a time',
  send: 'Send',
  sending: 'Sending…',
  leavesQueue: 'Sending this takes you out of the queue.',
  problems: {
    'invalid-phone':
      'This phone number does not look right. Check it, with the country code if abroad.',
    'invalid-contact': 'Give an email address or a phone number we can reach.',
    'text-empty': 'Write a few words so the expert knows what it is about.',
    'too-long': 'This is too long: shorten it a little.',
    'window-empty': 'The end of the time slot must be after its start.',
    'window-in-past': 'This time is already past: choose a later one.',
    'window-too-far': 'Choose a time within the next two weeks.',
    'window-closed': 'We are closed all through that time: choose one within our opening hours.',
    'slot-unavailable': 'This time is no longer available: pick another.',
    'slot-taken': 'Someone just booked this time: pick another.',
    'not-found': 'This request no longer exists.',
    unreachable:
      'It could not be sent: the connection failed. Try again; nothing you typed is lost.',
    'no-slot': 'Pick a time first.',
  },
  confirmed: (kind, from, to) =>
    kind === 'message'
      ? 'Thank you: your message is with our experts. They will answer you soon.'
      : kind === 'callback'
        ? `Thank you: an expert will call you ${from} – ${to}.`
        : `Your video appointment is booked for ${from}. An expert will contact you then.`,
  close: 'Close',
};

const fr: OfflineText = {
  closed: (opensAt) =>
    opensAt
      ? `Nos experts ne sont pas disponibles pour le moment. Ils reviennent ${opensAt}.`
      : 'Nos experts ne sont pas disponibles pour le moment.',
  backAt: (opensAt) => `Retour ${opensAt}.`,
  noAnswer:
    'Tous nos experts sont encore occupés. Vous gardez votre place, ou nous pouvons revenir vers vous :',
  choose: 'Nous pouvons revenir vers vous :',
  kinds: {
    message: { title: 'Laisser un message', hint: 'Un expert vous répond par e-mail ou téléphone' },
    callback: { title: 'Être rappelé', hint: 'Au moment qui vous convient' },
    appointment: {
      title: 'Prendre rendez-vous en vidéo',
      hint: 'Choisissez un créneau avec un expert',
    },
  },
  back: 'Retour',
  name: 'Votre nom',
  optional: '(facultatif)',
  contact: 'E-mail ou téléphone',
  contactHint: 'Là où l’expert vous répond.',
  message: 'Votre message',
  phone: 'Numéro de téléphone',
  day: 'Jour',
  from: 'De',
  to: 'À',
  note: 'À quel sujet ?',
  loadingSlots: 'Recherche des créneaux libres…',
  noSlots: 'Aucun créneau libre dans les deux semaines. Laissez plutôt un message.',
  pickSlot: 'Choisissez un créneau',
  send: 'Envoyer',
  sending: 'Envoi…',
  leavesQueue: 'Envoyer cette demande vous fait quitter la file d’attente.',
  problems: {
    'invalid-phone':
      'Ce numéro ne semble pas correct. Vérifiez-le, avec l’indicatif du pays depuis l’étranger.',
    'invalid-contact': 'Indiquez une adresse e-mail ou un numéro de téléphone où vous joindre.',
    'text-empty': 'Écrivez quelques mots pour que l’expert sache de quoi il s’agit.',
    'too-long': 'C’est trop long : raccourcissez un peu.',
    'window-empty': 'La fin du créneau doit venir après son début.',
    'window-in-past': 'Ce moment est déjà passé : choisissez-en un plus tard.',
    'window-too-far': 'Choisissez un moment dans les deux semaines qui viennent.',
    'window-closed':
      'Nous sommes fermés pendant tout ce créneau : choisissez-en un pendant nos heures d’ouverture.',
    'slot-unavailable': 'Ce créneau n’est plus disponible : choisissez-en un autre.',
    'slot-taken': 'Quelqu’un vient de réserver ce créneau : choisissez-en un autre.',
    'not-found': 'Cette demande n’existe plus.',
    unreachable:
      'L’envoi a échoué : la connexion ne passe pas. Réessayez ; rien de ce que vous avez écrit n’est perdu.',
    'no-slot': 'Choisissez d’abord un créneau.',
  },
  confirmed: (kind, from, to) =>
    kind === 'message'
      ? 'Merci : votre message est entre les mains de nos experts. Ils vous répondent rapidement.'
      : kind === 'callback'
        ? `Merci : un expert vous rappelle ${from} – ${to}.`
        : `Votre rendez-vous vidéo est réservé pour ${from}. Un expert vous contactera à ce moment-là.`,
  close: 'Fermer',
};

const de: OfflineText = {
  closed: (opensAt) =>
    opensAt
      ? `Unsere Experten sind gerade nicht erreichbar. Sie sind ${opensAt} wieder da.`
      : 'Unsere Experten sind gerade nicht erreichbar.',
  backAt: (opensAt) => `Wieder da ${opensAt}.`,
  noAnswer:
    'Alle unsere Experten sind noch beschäftigt. Sie behalten Ihren Platz, oder wir melden uns bei Ihnen:',
  choose: 'Wir können uns bei Ihnen melden:',
  kinds: {
    message: {
      title: 'Nachricht hinterlassen',
      hint: 'Ein Experte antwortet per E-Mail oder Telefon',
    },
    callback: { title: 'Rückruf erhalten', hint: 'Wann es Ihnen passt' },
    appointment: { title: 'Videotermin buchen', hint: 'Wählen Sie eine Zeit mit einem Experten' },
  },
  back: 'Zurück',
  name: 'Ihr Name',
  optional: '(optional)',
  contact: 'E-Mail oder Telefon',
  contactHint: 'Wo der Experte Ihnen antwortet.',
  message: 'Ihre Nachricht',
  phone: 'Telefonnummer',
  day: 'Tag',
  from: 'Von',
  to: 'Bis',
  note: 'Worum geht es?',
  loadingSlots: 'Freie Zeiten werden gesucht …',
  noSlots:
    'In den nächsten zwei Wochen ist keine Zeit frei. Hinterlassen Sie lieber eine Nachricht.',
  pickSlot: 'Wählen Sie eine Zeit',
  send: 'Senden',
  sending: 'Wird gesendet …',
  leavesQueue: 'Mit dem Senden verlassen Sie die Warteschlange.',
  problems: {
    'invalid-phone':
      'Diese Telefonnummer sieht nicht richtig aus. Prüfen Sie sie, aus dem Ausland mit Ländervorwahl.',
    'invalid-contact':
      'Geben Sie eine E-Mail-Adresse oder Telefonnummer an, unter der wir Sie erreichen.',
    'text-empty': 'Schreiben Sie ein paar Worte, damit der Experte weiß, worum es geht.',
    'too-long': 'Das ist zu lang: Bitte etwas kürzen.',
    'window-empty': 'Das Ende des Zeitfensters muss nach seinem Beginn liegen.',
    'window-in-past': 'Diese Zeit ist schon vorbei: Wählen Sie eine spätere.',
    'window-too-far': 'Wählen Sie eine Zeit in den nächsten zwei Wochen.',
    'window-closed':
      'In dieser ganzen Zeit haben wir geschlossen: Wählen Sie eine Zeit während unserer Öffnungszeiten.',
    'slot-unavailable': 'Diese Zeit ist nicht mehr frei: Wählen Sie eine andere.',
    'slot-taken': 'Diese Zeit wurde gerade gebucht: Wählen Sie eine andere.',
    'not-found': 'Diese Anfrage gibt es nicht mehr.',
    unreachable:
      'Das Senden ist fehlgeschlagen: keine Verbindung. Versuchen Sie es erneut; nichts von Ihrem Text geht verloren.',
    'no-slot': 'Wählen Sie zuerst eine Zeit.',
  },
  confirmed: (kind, from, to) =>
    kind === 'message'
      ? 'Danke: Ihre Nachricht ist bei unseren Experten. Sie antworten Ihnen bald.'
      : kind === 'callback'
        ? `Danke: Ein Experte ruft Sie ${from} – ${to} an.`
        : `Ihr Videotermin ist gebucht: ${from}. Ein Experte meldet sich dann bei Ihnen.`,
  close: 'Schließen',
};

const es: OfflineText = {
  closed: (opensAt) =>
    opensAt
      ? `Nuestros expertos no están disponibles ahora. Vuelven ${opensAt}.`
      : 'Nuestros expertos no están disponibles ahora.',
  backAt: (opensAt) => `Volvemos ${opensAt}.`,
  noAnswer:
    'Todos nuestros expertos siguen ocupados. Conserva su turno, o podemos ponernos en contacto con usted:',
  choose: 'Podemos ponernos en contacto con usted:',
  kinds: {
    message: {
      title: 'Dejar un mensaje',
      hint: 'Un experto le responde por correo o por teléfono',
    },
    callback: { title: 'Que le llamemos', hint: 'Cuando mejor le venga' },
    appointment: { title: 'Reservar una cita por vídeo', hint: 'Elija una hora con un experto' },
  },
  back: 'Volver',
  name: 'Su nombre',
  optional: '(opcional)',
  contact: 'Correo o teléfono',
  contactHint: 'Donde el experto le responde.',
  message: 'Su mensaje',
  phone: 'Número de teléfono',
  day: 'Día',
  from: 'De',
  to: 'A',
  note: '¿De qué se trata?',
  loadingSlots: 'Buscando horas libres…',
  noSlots: 'No hay horas libres en las próximas dos semanas. Mejor deje un mensaje.',
  pickSlot: 'Elija una hora',
  send: 'Enviar',
  sending: 'Enviando…',
  leavesQueue: 'Al enviar esto sale de la cola.',
  problems: {
    'invalid-phone':
      'Este número no parece correcto. Compruébelo, con el prefijo del país si está en el extranjero.',
    'invalid-contact': 'Indique un correo o un teléfono donde localizarle.',
    'text-empty': 'Escriba unas palabras para que el experto sepa de qué se trata.',
    'too-long': 'Es demasiado largo: acórtelo un poco.',
    'window-empty': 'El final de la franja debe ser posterior a su inicio.',
    'window-in-past': 'Esa hora ya ha pasado: elija una más tarde.',
    'window-too-far': 'Elija una hora dentro de las próximas dos semanas.',
    'window-closed':
      'Estamos cerrados durante todo ese horario: elija uno dentro de nuestro horario de apertura.',
    'slot-unavailable': 'Esa hora ya no está disponible: elija otra.',
    'slot-taken': 'Alguien acaba de reservar esa hora: elija otra.',
    'not-found': 'Esta solicitud ya no existe.',
    unreachable:
      'No se ha podido enviar: falla la conexión. Inténtelo de nuevo; no se pierde nada de lo que ha escrito.',
    'no-slot': 'Elija primero una hora.',
  },
  confirmed: (kind, from, to) =>
    kind === 'message'
      ? 'Gracias: su mensaje está con nuestros expertos. Le responderán pronto.'
      : kind === 'callback'
        ? `Gracias: un experto le llamará ${from} – ${to}.`
        : `Su cita por vídeo está reservada: ${from}. Un experto le contactará entonces.`,
  close: 'Cerrar',
};

const it: OfflineText = {
  closed: (opensAt) =>
    opensAt
      ? `I nostri esperti non sono disponibili ora. Tornano ${opensAt}.`
      : 'I nostri esperti non sono disponibili ora.',
  backAt: (opensAt) => `Di nuovo qui ${opensAt}.`,
  noAnswer:
    'Tutti i nostri esperti sono ancora occupati. Mantieni il tuo posto, oppure possiamo ricontattarti:',
  choose: 'Possiamo ricontattarti:',
  kinds: {
    message: { title: 'Lascia un messaggio', hint: 'Un esperto ti risponde per e-mail o telefono' },
    callback: { title: 'Fatti richiamare', hint: 'Quando ti è comodo' },
    appointment: {
      title: 'Prenota un appuntamento video',
      hint: 'Scegli un orario con un esperto',
    },
  },
  back: 'Indietro',
  name: 'Il tuo nome',
  optional: '(facoltativo)',
  contact: 'E-mail o telefono',
  contactHint: 'Dove l’esperto ti risponde.',
  message: 'Il tuo messaggio',
  phone: 'Numero di telefono',
  day: 'Giorno',
  from: 'Dalle',
  to: 'Alle',
  note: 'Di che cosa si tratta?',
  loadingSlots: 'Cerchiamo orari liberi…',
  noSlots: 'Nessun orario libero nelle prossime due settimane. Lascia piuttosto un messaggio.',
  pickSlot: 'Scegli un orario',
  send: 'Invia',
  sending: 'Invio…',
  leavesQueue: 'Inviando questa richiesta esci dalla coda.',
  problems: {
    'invalid-phone':
      'Questo numero non sembra corretto. Controllalo, con il prefisso internazionale se sei all’estero.',
    'invalid-contact': 'Indica un’e-mail o un numero di telefono dove trovarti.',
    'text-empty': 'Scrivi qualche parola perché l’esperto sappia di che cosa si tratta.',
    'too-long': 'È troppo lungo: accorcialo un po’.',
    'window-empty': 'La fine della fascia deve venire dopo l’inizio.',
    'window-in-past': 'Questo orario è già passato: scegline uno più tardi.',
    'window-too-far': 'Scegli un orario entro le prossime due settimane.',
    'window-closed':
      'Siamo chiusi per tutta quella fascia: scegline una durante il nostro orario di apertura.',
    'slot-unavailable': 'Questo orario non è più disponibile: scegline un altro.',
    'slot-taken': 'Qualcuno ha appena prenotato questo orario: scegline un altro.',
    'not-found': 'Questa richiesta non esiste più.',
    unreachable:
      'Invio non riuscito: la connessione non funziona. Riprova; nulla di quello che hai scritto va perso.',
    'no-slot': 'Scegli prima un orario.',
  },
  confirmed: (kind, from, to) =>
    kind === 'message'
      ? 'Grazie: il tuo messaggio è arrivato ai nostri esperti. Ti risponderanno presto.'
      : kind === 'callback'
        ? `Grazie: un esperto ti richiamerà ${from} – ${to}.`
        : `Il tuo appuntamento video è prenotato: ${from}. Un esperto ti contatterà allora.`,
  close: 'Chiudi',
};

export const offlineText: Record<UiLanguage, OfflineText> = {
  en,
  fr: withFrenchSpacing(fr),
  de,
  es,
  it,
};
