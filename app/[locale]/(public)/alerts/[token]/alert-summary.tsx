import { getTranslations } from "next-intl/server";
import type { AlertView } from "@/lib/alerts/get-alert";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";

/** Which alert this page is about, shown on its pages, or the notice that the link is dead. */
export async function AlertSummary({ alert, locale }: { alert: AlertView | null; locale: string }) {
  const t = await getTranslations("alerts");
  if (!alert) {
    return (
      <>
        <h1 className="text-3xl font-bold">{t("unknownTitle")}</h1>
        <p className="text-slate-700">{t("unknown")}</p>
        <p>
          <Link href="/" className="text-blue-800 underline">
            {t("backHome")}
          </Link>
        </p>
      </>
    );
  }
  const name = localized(locale, alert.target.nameRu, alert.target.nameEn);
  return (
    <>
      <p className="text-slate-700" data-testid="alert-about">
        {t("about", { kind: t(`kind.${alert.target.target}`), target: name, email: alert.email })}
      </p>
      <p>
        <Link href={alert.target.path} className="text-blue-800 underline">
          {t("open", { target: name })}
        </Link>
      </p>
    </>
  );
}

export const ALERT_METADATA = { robots: { index: false, follow: false } } as const;
