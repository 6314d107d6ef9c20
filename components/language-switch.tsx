"use client";

import NextLink from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { localePath, pathLocale, pathWithoutLocale } from "@/lib/i18n/locale-path";
import { routing } from "@/lib/i18n/routing";

/**
 * Links to the same page, with the same filters (every value of a repeated one), in the other
 * language. Its name starts with the words shown (the other language's name), then says what it
 * does in this page's language.
 */
export function LanguageSwitch({ label, hint }: { label: string; hint: string }) {
  const pathname = usePathname();
  const locale = pathLocale(pathname);
  const search = useSearchParams().toString();
  const other = routing.locales.find((candidate) => candidate !== locale) ?? routing.defaultLocale;
  return (
    <NextLink
      href={localePath(other, pathWithoutLocale(pathname)) + (search ? `?${search}` : "")}
      prefetch={false}
      hrefLang={other}
      lang={other}
      className="rounded border border-slate-300 px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      {label}
      <span className="sr-only" lang={locale}>
        {" "}
        — {hint}
      </span>
    </NextLink>
  );
}
