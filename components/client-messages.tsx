import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** What the editor and admin forms translate in the browser. */
export const FORM_NAMESPACES = ["errors", "actions", "editor", "admin", "auth", "status", "stage", "theme", "role", "userRole", "history"];

/**
 * Sends only the named message namespaces to the browser. Public pages need almost none, so
 * their HTML does not carry every string of the interface (decision 012).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(namespaces.filter((name) => name in messages).map((name) => [name, messages[name]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
