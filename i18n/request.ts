import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from './locales';

type Messages = Record<string, unknown>;
const loaded = new Map<Locale, Messages>();

/**
 * messages/<locale>.json holds the shared namespaces; each feature may add its own namespace as
 * messages/<locale>/<namespace>.json, so features do not all edit one file.
 */
function messagesFor(locale: Locale): Messages {
  const cached = loaded.get(locale);
  if (cached && process.env.NODE_ENV === 'production') return cached;
  const dir = path.join(process.cwd(), 'messages');
  const messages: Messages = JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8'));
  const featureDir = path.join(dir, locale);
  for (const file of readdirSync(featureDir).filter((f) => f.endsWith('.json')).sort()) {
    messages[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(featureDir, file), 'utf8'));
  }
  loaded.set(locale, messages);
  return messages;
}

// No locale in the URL: the choice lives in a cookie, pt-BR until the person picks English.
export default getRequestConfig(async () => {
  const wanted = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  return { locale, timeZone: 'America/Sao_Paulo', messages: messagesFor(locale) };
});
