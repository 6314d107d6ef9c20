"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { ClientLink } from "@/lib/i18n/client-link";

/** "Sign in", carrying the page it was pressed on so sign-in can return there. */
export function SignInLink({ label, className }: { label: string; className: string }) {
  // With its language prefix: sign-in returns to exactly this address.
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const next = `${pathname}${search ? `?${search}` : ""}`;
  return (
    <ClientLink href={`/sign-in?${new URLSearchParams({ next })}`} className={className}>
      {label}
    </ClientLink>
  );
}
