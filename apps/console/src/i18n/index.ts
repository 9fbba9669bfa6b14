import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import type { ResourceMessages } from '../registry';
import { consoleMessages, russianBase } from './ru';

/** Russian only: react-admin's messages, the console's (`nastavnik.*`) and each resource's labels. */
export function buildI18nProvider(resources: Record<string, ResourceMessages>): I18nProvider {
  const messages = { ...russianBase(), nastavnik: consoleMessages, resources } as unknown as TranslationMessages;
  return polyglotI18nProvider(() => messages, 'ru', [{ locale: 'ru', name: 'Русский' }], { allowMissing: true });
}
