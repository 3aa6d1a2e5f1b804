/**
 * Links in a send's text. Every http(s) URL is tracked: at generation it becomes `/r/<token>`, a
 * redirect that records the recipient's click and then goes to the URL as written (its
 * {{placeholders}} rendered for that recipient).
 */
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/giu;
/** Punctuation that ends a sentence rather than the URL ("veja https://x.com/a."). */
const TRAILING = /[.,;:!?)\]}'"»]$/u;

/** The distinct URLs in a text, in order of first appearance. */
export function extractUrls(text: string): string[] {
  const seen = new Set<string>();
  replaceUrls(text, (url) => {
    seen.add(url);
    return url;
  });
  return [...seen];
}

/** The text with each URL replaced by `replace(url)` (the punctuation after it stays). */
export function replaceUrls(text: string, replace: (url: string) => string): string {
  return text.replace(URL_PATTERN, (match) => {
    const url = trimUrl(match);
    return url.length > 'https://'.length ? replace(url) + match.slice(url.length) : match;
  });
}

function trimUrl(raw: string): string {
  // One character at a time; a closing "}}" belongs to a placeholder inside the URL, so it stays.
  let url = raw;
  while (TRAILING.test(url) && !url.endsWith('}}')) url = url.slice(0, -1);
  return url;
}

/** A target is only followed when it is still an http(s) URL once its placeholders are rendered. */
export function safeTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
