import type { Language } from '../protocol/index.js';

/** The languages both elements speak to people: every text exists in each. */
export type UiLanguage = 'fr' | 'en' | 'de' | 'es' | 'it';

export const LANGUAGES: readonly UiLanguage[] = ['fr', 'en', 'de', 'es', 'it'];

/** The languages the hub routes by (its queues, its experts' skills). */
const HUB_LANGUAGES: readonly Language[] = ['en', 'fr'];

/** The element's `lang`, else the closest `lang` up the tree (usually `<html lang>`), else English. */
export function languageOf(element: Element): UiLanguage {
  const tag = element.closest('[lang]')?.getAttribute('lang') ?? '';
  const primary = tag.toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l === primary) ?? 'en';
}

/**
 * The language a conversation is routed by. The hub's queues know English and French only
 * for now: a German, Spanish or Italian page is shown in its language and routed to English
 * speakers until the hub's protocol lists those languages.
 */
export function hubLanguage(lang: UiLanguage): Language {
  return HUB_LANGUAGES.find((l) => l === lang) ?? 'en';
}
