import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { UnsubscribeAlertForm } from "@/components/alerts/alert-forms";
import { ClientMessages } from "@/components/client-messages";
import { getAlert } from "@/lib/alerts/get-alert";
import { prisma } from "@/lib/db/prisma";
import { ALERT_METADATA, AlertSummary } from "../alert-summary";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "alerts" }))("unsubscribeTitle"), ...ALERT_METADATA };
}

/**
 * Where every message's unsubscribe link leads: one button. Not a GET that unsubscribes,
 * because mail scanners open links; mail programs use the List-Unsubscribe one-click POST.
 */
export default async function UnsubscribePage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [alert, t] = await Promise.all([getAlert(prisma, token), getTranslations("alerts")]);
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      {alert && <h1 className="text-3xl font-bold">{t("unsubscribeTitle")}</h1>}
      <AlertSummary alert={alert} locale={locale} />
      {alert && (
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <p>{t("unsubscribeIntro")}</p>
          <ClientMessages namespaces={["alerts"]}>
            <UnsubscribeAlertForm token={alert.token} />
          </ClientMessages>
        </div>
      )}
    </section>
  );
}
