/** The transcript's system lines, as both sides read them. */
import type { Language } from '../protocol/index.js';

export const systemLine: Record<Language, (event: string, name: string) => string> = {
  en: (event, name) =>
    event === 'expert-joined'
      ? `${name} joined the conversation.`
      : event === 'media-lost'
        ? 'Video stopped: switched to chat because the connection was lost.'
        : 'The call ended.',
  fr: (event, name) =>
    event === 'expert-joined'
      ? `${name} a rejoint la conversation.`
      : event === 'media-lost'
        ? 'Vidéo interrompue : passage à l’écrit, la connexion a été perdue.'
        : 'L’appel est terminé.',
};
