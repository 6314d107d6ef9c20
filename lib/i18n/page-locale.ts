import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "./routing";

/**
 * The `[locale]` segment as one of our locales, parsed once per page (the layout already answers
 * 404 for any other), and set as the request's locale for next-intl.
 */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

/** A slug as the tracker writes them: any other finds nothing, without reaching a query. */
const SLUG = /^[a-z0-9-]{1,200}$/;

/** The page's locale and the record its `[slug]` names (null for a malformed or unknown slug). */
export async function loadSlugPage<T>(params: Promise<{ locale: string; slug: string }>, load: (slug: string) => Promise<T | null>) {
  const { slug } = await params;
  const locale = await pageLocale(params);
  return { locale, record: SLUG.test(slug) ? await load(slug) : null };
}
