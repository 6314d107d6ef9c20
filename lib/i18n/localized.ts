/** Picks the content field for the page's language; Russian is the original. */
export function localized<T>(locale: string, ru: T, en: T): T {
  return locale === "en" ? en : ru;
}
