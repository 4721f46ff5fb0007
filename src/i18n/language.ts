import type { Language } from '../protocol/index.js';

export const LANGUAGES: readonly Language[] = ['en', 'fr'];

/** The element's `lang`, else the closest `lang` up the tree (usually `<html lang>`), else English. */
export function languageOf(element: Element): Language {
  const tag = element.closest('[lang]')?.getAttribute('lang') ?? '';
  const primary = tag.toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l === primary) ?? 'en';
}
