import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AlertFrequencyForm, ConfirmAlertForm } from "@/components/alerts/alert-forms";
import { ClientMessages } from "@/components/client-messages";
import { getAlert } from "@/lib/alerts/get-alert";
import { prisma } from "@/lib/db/prisma";
import { Link } from "@/lib/i18n/navigation";
import { ALERT_METADATA, AlertSummary } from "./alert-summary";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "alerts" }))("metaTitle"), ...ALERT_METADATA };
}

/** The page every alert mail links to: confirm (double opt-in), change how often, or go to unsubscribe. */
export default async function AlertPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [alert, t] = await Promise.all([getAlert(prisma, token), getTranslations("alerts")]);
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      {alert && <h1 className="text-3xl font-bold">{t("manageTitle")}</h1>}
      <AlertSummary alert={alert} locale={locale} />
      {alert && (
        <ClientMessages namespaces={["alerts"]}>
          <div className="rounded-lg border border-slate-200 bg-white p-5">
            {alert.confirmed ? (
              <>
                <p>{t("current", { frequency: t(`frequencyOption.${alert.frequency}`) })}</p>
                <AlertFrequencyForm token={alert.token} frequency={alert.frequency} />
              </>
            ) : (
              <>
                <p>{t("pendingIntro")}</p>
                <ConfirmAlertForm token={alert.token} />
              </>
            )}
          </div>
          <p>
            <Link href={`/alerts/${alert.token}/unsubscribe`} className="text-blue-800 underline">
              {t("unsubscribeTitle")}
            </Link>
          </p>
        </ClientMessages>
      )}
    </section>
  );
}
