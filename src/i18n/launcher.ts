/** The few words the launcher shows before any click: kept apart so the launcher stays tiny. */
import type { Language } from '../protocol/index.js';

export const launcherText: Record<Language, { call: string; back: string; loadFailed: string }> = {
  en: {
    call: 'Talk to an expert',
    back: 'Back to your expert',
    loadFailed: 'Video help could not load. Check your connection and try again.',
  },
  fr: {
    call: 'Parler à un expert',
    back: 'Revenir à votre expert',
    loadFailed: "L'aide vidéo n'a pas pu se charger. Vérifiez votre connexion et réessayez.",
  },
};
