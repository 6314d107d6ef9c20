import type { AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";

/** What the editor and admin forms translate in the browser. */
export const FORM_NAMESPACES = ["errors", "actions", "editor", "admin", "auth", "status", "stage", "theme", "role", "userRole", "history"];

/**
 * Only the named namespaces of the request's messages, for the browser. Public pages need almost
 * none, so their HTML does not carry every string of the interface (decision 012). Kept apart from
 * ClientMessages so that a page can pick them without importing next-intl's client provider.
 */
export async function pickMessages(namespaces: string[]): Promise<AbstractIntlMessages> {
  const messages = (await getMessages()) as Record<string, AbstractIntlMessages>;
  return Object.fromEntries(namespaces.filter((name) => name in messages).map((name) => [name, messages[name]!]));
}
