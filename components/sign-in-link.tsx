"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Link } from "@/lib/i18n/navigation";

/** "Sign in", carrying the page it was pressed on so sign-in can return there. */
export function SignInLink({ label, className }: { label: string; className: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const next = `${pathname}${search ? `?${search}` : ""}`;
  return (
    <Link href={{ pathname: "/sign-in", query: { next } }} className={className}>
      {label}
    </Link>
  );
}
