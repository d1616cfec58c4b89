// The message catalogue: every sentence the bot says, looked up by key in the person's locale.
//
//   t('router.cancelled')                               → "Okay, I've stopped. Nothing from that was saved."
//   t('history.count', { count: 2 })                    → "2 reflections"
//   t('router.cancelled', {}, 'fr-CA')                  → fr-CA.json's, else fr.json's, else en.json's
//
// The locale, when not given, is the turn's: bot/ runs each turn inside inLocale(activity.locale, …), so dialogs and
// cards need not pass it along. The words are in content/locales/<tag>.json (./load.ts); keys are typed from en.json.
import { AsyncLocalStorage } from 'node:async_hooks';
import { BASE_LOCALE, type Catalogues, loadCatalogues } from './load';

export { BASE_LOCALE, CatalogueError, DEFAULT_LOCALES_DIR, loadCatalogues, type Catalogues, type Message } from './load';

type English = typeof import('../../content/locales/en.json');
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
/** Every key of en.json: 'router.cancelled'. A key built at run time is cast, and listed in test/services/catalogue. */
export type MessageKey = KeysOf<English>;
export type MessageParams = Readonly<Record<string, string | number>>;

let catalogues: Catalogues | undefined;
const turnLocale = new AsyncLocalStorage<string | undefined>();

/** The catalogues in use (content/locales/, read once). */
export function currentCatalogues(): Catalogues {
  catalogues ??= loadCatalogues();
  return catalogues;
}

/** Tests only: use these catalogues until the returned function is called. */
export function useCatalogues(replacement: Catalogues): () => void {
  const before = catalogues;
  catalogues = replacement;
  return () => {
    catalogues = before;
  };
}

/** Runs `fn` with `locale` (a channel's activity.locale, untrusted) as the locale of every t() inside it. */
export function inLocale<T>(locale: string | undefined, fn: () => T): T {
  return turnLocale.run(locale, fn);
}

/** Outside a turn (a test, a log-free job): Canadian English, the catalogue's own (en.json: "licence", "a, b and c"). */
export const DEFAULT_LOCALE = 'en-CA';

/** The locale t() uses when given none: the turn's, or DEFAULT_LOCALE. */
export function currentLocale(): string {
  return turnLocale.getStore() ?? DEFAULT_LOCALE;
}

/** Where to look, most specific first, ending in English: 'fr-CA' → fr-CA, fr, en. A malformed tag is English. */
export function localeChain(locale: string | undefined): string[] {
  let tag: string | undefined;
  try {
    [tag] = Intl.getCanonicalLocales(locale ?? []);
  } catch {
    tag = undefined;
  }
  const chain: string[] = [];
  for (let parts = tag ? tag.split('-') : []; parts.length > 0; parts = parts.slice(0, -1)) chain.push(parts.join('-'));
  if (!chain.includes(BASE_LOCALE)) chain.push(BASE_LOCALE);
  return chain;
}

/** The sentence `key` in `locale` (default: the turn's), its placeholders filled from `params`. */
export function t(key: MessageKey, params: MessageParams = {}, locale: string = currentLocale()): string {
  const all = currentCatalogues();
  for (const tag of localeChain(locale)) {
    const message = all.get(tag)?.get(key);
    if (message) return String(message.compiled.format(params));
  }
  throw new Error(`No message "${key}" in content/locales/${BASE_LOCALE}.json`);
}

/** Items joined the locale's way: "2 names and 1 phone number", "a, b and c" (en-CA), "a, b et c" (fr-CA). */
export function list(items: readonly string[], locale: string = currentLocale()): string {
  const [tag] = localeChain(locale);
  return new Intl.ListFormat(tag, { type: 'conjunction' }).format(items);
}
