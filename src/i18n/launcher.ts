/** The few words the launcher shows before any click: kept apart so the launcher stays tiny. */
import type { Language } from '../protocol/index.js';

export interface LauncherText {
  call: string;
  back: string;
  loadFailed: string;
  /** The hub cannot be used (misconfigured or down): the button offers nothing. */
  unavailable: string;
  /** What the availability dot means, for screen readers and the tooltip. */
  availability: Record<'call' | 'chat' | 'busy' | 'none' | 'closed', string>;
}

export const launcherText: Record<Language, LauncherText> = {
  en: {
    call: 'Talk to an expert',
    back: 'Back to your expert',
    loadFailed: 'Video help could not load. Check your connection and try again.',
    unavailable: 'Video help is unavailable right now',
    availability: {
      call: 'An expert is free now',
      chat: 'An expert can answer in writing now',
      busy: 'Experts are busy: a short wait',
      none: 'No expert is free right now: leave a request',
      closed: 'Closed now: leave a request',
    },
  },
  fr: {
    call: 'Parler à un expert',
    back: 'Revenir à votre expert',
    loadFailed: "L'aide vidéo n'a pas pu se charger. Vérifiez votre connexion et réessayez.",
    unavailable: "L'aide vidéo est indisponible pour le moment",
    availability: {
      call: 'Un expert est libre maintenant',
      chat: 'Un expert peut vous répondre par écrit maintenant',
      busy: 'Nos experts sont occupés : courte attente',
      none: 'Aucun expert libre pour le moment : laissez une demande',
      closed: 'Fermé pour le moment : laissez une demande',
    },
  },
};
