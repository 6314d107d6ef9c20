import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { pickMessages } from "@/lib/i18n/pick-messages";

export { FORM_NAMESPACES } from "@/lib/i18n/pick-messages";

/** Sends only the named message namespaces to the browser (pickMessages), for the forms below it. */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={await pickMessages(namespaces)}>{children}</NextIntlClientProvider>;
}
