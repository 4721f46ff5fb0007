import type { Language } from '../protocol/index.js';

/**
 * The languages both elements speak to people (every text exists in each), which are also the
 * languages conversations are routed by: a queue per topic and language.
 */
export type UiLanguage = Language;

export const LANGUAGES: readonly UiLanguage[] = ['fr', 'en', 'de', 'es', 'it'];

/** The element's `lang`, else the closest `lang` up the tree (usually `<html lang>`), else English. */
export function languageOf(element: Element): UiLanguage {
  const tag = element.closest('[lang]')?.getAttribute('lang') ?? '';
  const primary = tag.toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l === primary) ?? 'en';
}
