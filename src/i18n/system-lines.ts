/** The transcript's system lines, as both sides read them. */
import type { Language } from '../protocol/index.js';

export const systemLine: Record<Language, (event: string, name: string) => string> = {
  en: (event, name) =>
    ({
      'expert-joined': `${name} joined the conversation.`,
      'media-lost': 'Video stopped: switched to chat because the connection was lost.',
      'media-unavailable': 'Video is unavailable right now: the conversation is in chat.',
      'switched-to-chat': 'Switched to chat.',
      'switched-to-call': 'Video and voice are back.',
    })[event] ?? 'The call ended.',
  fr: (event, name) =>
    ({
      'expert-joined': `${name} a rejoint la conversation.`,
      'media-lost': 'Vidéo interrompue : passage à l’écrit, la connexion a été perdue.',
      'media-unavailable': 'La vidéo est indisponible : la conversation se poursuit par écrit.',
      'switched-to-chat': 'Passage à l’écrit.',
      'switched-to-call': 'Retour de la vidéo et de la voix.',
    })[event] ?? 'L’appel est terminé.',
};
