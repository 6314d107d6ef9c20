"use client";

import { usePathname } from "next/navigation";
import { ClientLink } from "@/lib/i18n/client-link";
import { pathWithoutLocale } from "@/lib/i18n/locale-path";

/** The main navigation's links; the one for the page shown (or its section) has aria-current="page". */
export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = pathWithoutLocale(usePathname());
  const current = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {items.map(({ href, label }) => (
        <li key={href}>
          <ClientLink
            href={href}
            aria-current={current(href) ? "page" : undefined}
            className="font-medium text-blue-800 underline-offset-4 hover:underline aria-[current=page]:text-slate-900 aria-[current=page]:underline aria-[current=page]:decoration-2"
          >
            {label}
          </ClientLink>
        </li>
      ))}
    </ul>
  );
}
