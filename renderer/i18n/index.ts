/**
 * i18next with the app's resources. English now; Urdu (right-to-left) later: the page's
 * `lang` and `dir` follow the language, and Mantine's direction follows the page.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import base from './en/base.json';
import dashboard from './en/dashboard.json';
import importJson from './en/import.json';
import mentors from './en/mentors.json';
import programmes from './en/programmes.json';
import reports from './en/reports.json';
import sessions from './en/sessions.json';
import settings from './en/settings.json';
import startups from './en/startups.json';
import sync from './en/sync.json';
import trainees from './en/trainees.json';

/** English strings: shared ones in base.json, each screen area's in its own file. */
const en = { ...base, dashboard, import: importJson, mentors, programmes, reports, sessions, settings, startups, sync, trainees };

export const defaultNS = 'translation';
export const resources = { en: { translation: en } } as const;
export type Language = keyof typeof resources;
export const languages = Object.keys(resources) as Language[];

const LANGUAGE_KEY = 'incubator.language';

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_KEY);
    return languages.includes(stored as Language) ? (stored as Language) : 'en';
  } catch {
    return 'en';
  }
}

/** Sets <html lang dir> and the window title from the current language. */
function applyLanguageToPage(language: string): void {
  const html = document.documentElement;
  html.lang = language;
  html.dir = i18n.dir(language);
  document.title = i18n.t('app.name');
}

export function initI18n(): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng: storedLanguage(),
      fallbackLng: 'en',
      defaultNS,
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes.
      returnNull: false,
      showSupportNotice: false,
    });
    i18n.on('languageChanged', (language) => {
      applyLanguageToPage(language);
      try {
        window.localStorage.setItem(LANGUAGE_KEY, language);
      } catch {
        // Private mode: the choice lasts for this session only.
      }
    });
    applyLanguageToPage(i18n.language);
  }
  return i18n;
}

export { i18n };
