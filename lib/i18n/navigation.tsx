import NextLink from "next/link";
import { permanentRedirect as nextPermanentRedirect, redirect as nextRedirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { ComponentProps } from "react";
import { localePath } from "./locale-path";
import type { Locale } from "./routing";

/** An address inside the app, without its language prefix: a path, or a path with its query. */
export type Href = string | { pathname: string; query?: Record<string, string | number | readonly string[] | undefined> };

/**
 * The address of `href` in `locale`, as next-intl's "as-needed" prefix writes it. Not next-intl's
 * createNavigation: its server Link registers its client Link (with use-intl's message formatter,
 * 14 KB) in every page's script even where nothing renders it (decision 047).
 */
export function getPathname({ href, locale }: { href: Href; locale: Locale }): string {
  if (typeof href === "string") return localePath(locale, href);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(href.query ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, String(item));
  }
  const search = query.toString();
  return localePath(locale, href.pathname) + (search ? `?${search}` : "");
}

export function redirect(target: { href: Href; locale: Locale }): never {
  nextRedirect(getPathname(target));
}

export function permanentRedirect(target: { href: Href; locale: Locale }): never {
  nextPermanentRedirect(getPathname(target));
}

/**
 * The server components' link: Next's Link to the address in the page's language (or `locale`'s),
 * without prefetching: every page is rendered per request (its CSP nonce), so a prefetch fetches
 * only the layout's shell, and a page's dozens of links made as many requests whose answers the
 * phone had to parse while loading (decision 042). Client components use ClientLink.
 */
export async function Link({
  href,
  locale,
  prefetch = false,
  ...props
}: Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & { href: Href; locale?: Locale }) {
  const target = locale ?? ((await getLocale()) as Locale);
  return <NextLink href={getPathname({ href, locale: target })} prefetch={prefetch} {...props} />;
}
