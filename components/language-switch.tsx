"use client";

import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/** Links to the same page, with the same filters, in the other language. */
export function LanguageSwitch({ label, ariaLabel }: { label: string; ariaLabel: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const other = routing.locales.find((candidate) => candidate !== locale) ?? routing.defaultLocale;
  const query = Object.fromEntries(searchParams.entries());
  return (
    <Link
      href={{ pathname, query }}
      locale={other}
      hrefLang={other}
      lang={other}
      aria-label={ariaLabel}
      className="rounded border border-slate-300 px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      {label}
    </Link>
  );
}
