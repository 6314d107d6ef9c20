"use client";

import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/**
 * Links to the same page, with the same filters, in the other language. Its name starts with the
 * words shown (the other language's name), then says what it does in this page's language.
 */
export function LanguageSwitch({ label, hint }: { label: string; hint: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const other = routing.locales.find((candidate) => candidate !== locale) ?? routing.defaultLocale;
  // A filter may be repeated (?country=KZ&country=UZ): keep every value.
  const query = Object.fromEntries([...new Set(searchParams.keys())].map((key) => [key, searchParams.getAll(key)]));
  return (
    <Link
      href={{ pathname, query }}
      locale={other}
      hrefLang={other}
      lang={other}
      className="rounded border border-slate-300 px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      {label}
      <span className="sr-only" lang={locale}>
        {" "}
        — {hint}
      </span>
    </Link>
  );
}
