import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from './locales';

// No locale in the URL: the choice lives in a cookie, pt-BR until the person picks English.
export default getRequestConfig(async () => {
  const wanted = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: 'America/Sao_Paulo',
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
