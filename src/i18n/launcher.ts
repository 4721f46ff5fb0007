/** The few words the launcher shows before any click: kept apart so the launcher stays tiny. */
import type { UiLanguage } from './language.js';

export interface LauncherText {
  call: string;
  back: string;
  loadFailed: string;
  /** The hub cannot be used (misconfigured or down): the button offers nothing. */
  unavailable: string;
  /** What the availability dot means, for screen readers and the tooltip. */
  availability: Record<'call' | 'chat' | 'busy' | 'none' | 'closed', string>;
}

// French typography written in (narrow no-break spaces before ":"): this file ships in the
// launcher, which does not carry the i18n helpers.
export const launcherText: Record<UiLanguage, LauncherText> = {
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
      busy: 'Nos experts sont occupés\u202f: courte attente',
      none: 'Aucun expert libre pour le moment\u202f: laissez une demande',
      closed: 'Fermé pour le moment\u202f: laissez une demande',
    },
  },
  de: {
    call: 'Mit einem Experten sprechen',
    back: 'Zurück zu Ihrem Experten',
    loadFailed:
      'Die Videohilfe konnte nicht laden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    unavailable: 'Die Videohilfe ist gerade nicht verfügbar',
    availability: {
      call: 'Ein Experte ist jetzt frei',
      chat: 'Ein Experte kann jetzt schriftlich antworten',
      busy: 'Unsere Experten sind beschäftigt: kurze Wartezeit',
      none: 'Gerade ist kein Experte frei: Hinterlassen Sie eine Anfrage',
      closed: 'Gerade geschlossen: Hinterlassen Sie eine Anfrage',
    },
  },
  es: {
    call: 'Hablar con un experto',
    back: 'Volver con su experto',
    loadFailed:
      'La ayuda por vídeo no ha podido cargarse. Compruebe su conexión e inténtelo de nuevo.',
    unavailable: 'La ayuda por vídeo no está disponible ahora',
    availability: {
      call: 'Hay un experto libre ahora',
      chat: 'Un experto puede responderle por escrito ahora',
      busy: 'Nuestros expertos están ocupados: una breve espera',
      none: 'Ahora no hay ningún experto libre: deje una solicitud',
      closed: 'Cerrado ahora: deje una solicitud',
    },
  },
  it: {
    call: 'Parla con un esperto',
    back: 'Torna dal tuo esperto',
    loadFailed: 'L’aiuto video non si è caricato. Controlla la connessione e riprova.',
    unavailable: 'L’aiuto video non è disponibile al momento',
    availability: {
      call: 'Un esperto è libero ora',
      chat: 'Un esperto può risponderti per iscritto ora',
      busy: 'I nostri esperti sono occupati: breve attesa',
      none: 'Nessun esperto libero ora: lascia una richiesta',
      closed: 'Chiuso ora: lascia una richiesta',
    },
  },
};
