/** What the shopper reads when nobody can answer now: the three ways to be helped later. */
import type { Language, OfflineKind, OfflineProblem } from '../protocol/index.js';

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

export const offlineText: Record<Language, OfflineText> = { en, fr };
