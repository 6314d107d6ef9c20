"use client";

import { Link, usePathname } from "@/lib/i18n/navigation";

/** The main navigation's links; the one for the page shown (or its section) has aria-current="page". */
export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const current = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {items.map(({ href, label }) => (
        <li key={href}>
          <Link
            href={href}
            aria-current={current(href) ? "page" : undefined}
            className="font-medium text-blue-800 underline-offset-4 hover:underline aria-[current=page]:text-slate-900 aria-[current=page]:underline aria-[current=page]:decoration-2"
          >
            {label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
