import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { MessagesOnDemand } from "@/components/messages-on-demand";

/**
 * ClientMessages for the editors' part of a public page: the provider's script (next-intl's client)
 * is loaded only where an editor sees that part, not by every reader of the page.
 */
export async function EditorMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  return (
    <MessagesOnDemand locale={await getLocale()} messages={await pickMessages(namespaces)} timeZone="UTC">
      {children}
    </MessagesOnDemand>
  );
}
