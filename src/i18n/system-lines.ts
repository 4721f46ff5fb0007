/** The transcript's system lines, as both sides read them. */
import type { UiLanguage } from './language.js';
import { frenchSpacing } from './format.js';

type Lines = Record<string, string>;

function lines(
  words: (name: string) => Lines,
  ended: string,
): (event: string, name: string) => string {
  return (event, name) => words(name)[event] ?? ended;
}

export const systemLine: Record<UiLanguage, (event: string, name: string) => string> = {
  en: lines(
    (name) => ({
      'expert-joined': `${name} joined the conversation.`,
      'media-lost': 'Video stopped: switched to chat because the connection was lost.',
      'media-unavailable': 'Video is unavailable right now: the conversation is in chat.',
      'switched-to-chat': 'Switched to chat.',
      'switched-to-call': 'Video and voice are back.',
    }),
    'The call ended.',
  ),
  fr: (event, name) =>
    frenchSpacing(
      lines(
        (n) => ({
          'expert-joined': `${n} a rejoint la conversation.`,
          'media-lost': 'Vidéo interrompue : passage à l’écrit, la connexion a été perdue.',
          'media-unavailable': 'La vidéo est indisponible : la conversation se poursuit par écrit.',
          'switched-to-chat': 'Passage à l’écrit.',
          'switched-to-call': 'Retour de la vidéo et de la voix.',
        }),
        'L’appel est terminé.',
      )(event, name),
    ),
  de: lines(
    (name) => ({
      'expert-joined': `${name} ist der Unterhaltung beigetreten.`,
      'media-lost': 'Video unterbrochen: Weiter im Chat, weil die Verbindung abbrach.',
      'media-unavailable': 'Video ist gerade nicht möglich: Die Unterhaltung läuft im Chat.',
      'switched-to-chat': 'Zum Chat gewechselt.',
      'switched-to-call': 'Video und Ton sind zurück.',
    }),
    'Der Anruf ist beendet.',
  ),
  es: lines(
    (name) => ({
      'expert-joined': `${name} se ha unido a la conversación.`,
      'media-lost': 'Vídeo interrumpido: seguimos por chat porque se perdió la conexión.',
      'media-unavailable': 'El vídeo no está disponible ahora: la conversación sigue por chat.',
      'switched-to-chat': 'Cambio al chat.',
      'switched-to-call': 'Vuelven el vídeo y la voz.',
    }),
    'La llamada ha terminado.',
  ),
  it: lines(
    (name) => ({
      'expert-joined': `${name} si è unito alla conversazione.`,
      'media-lost': 'Video interrotto: passiamo alla chat perché la connessione si è persa.',
      'media-unavailable': 'Il video non è disponibile ora: la conversazione continua in chat.',
      'switched-to-chat': 'Passaggio alla chat.',
      'switched-to-call': 'Video e voce sono tornati.',
    }),
    'La chiamata è terminata.',
  ),
};
