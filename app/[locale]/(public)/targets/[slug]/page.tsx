import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import { HistoryList } from "@/components/history-list";
import { RecordHistoryList } from "@/components/record-history-list";
import { StatusBadge } from "@/components/status-badge";
import { publicData } from "@/lib/cache/public-data";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { loadSlugPage } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, record: metric } = await loadSlugPage(params, publicData.metricHistory);
  const t = await getTranslations({ locale, namespace: "figureHistory" });
  return { title: metric ? t("title", { name: localized(locale, metric.nameRu, metric.nameEn) }) : t("back") };
}

/** A figure's own public history: its record (who added it, when, why) and the readings and changes recorded on its initiative. */
export default async function FigureHistoryPage({ params }: Props) {
  const { locale, record: metric } = await loadSlugPage(params, publicData.metricHistory);
  if (!metric) notFound();
  const t = await getTranslations("figureHistory");
  const name = localized(locale, metric.nameRu, metric.nameEn);
  return (
    <div className="space-y-6">
      <header>
        <p>
          <Link href="/targets" className="text-blue-800 underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-bold break-words">{t("title", { name })}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-slate-700">{t("initiative")}:</span>
          <Link href={`/initiatives/${metric.initiative.slug}`} className="text-blue-800 underline">
            {localized(locale, metric.initiative.titleRu, metric.initiative.titleEn)}
          </Link>
          <StatusBadge status={metric.initiative.status} />
        </p>
      </header>
      <RecordHistoryList entries={metric.record} subject="metric" />
      <Card id="figure-entries" title={t("entries")}>
        {metric.entries.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noEntries")}</p>
        ) : (
          <HistoryList entries={metric.entries} countryNames={{}} metricNames={{ [metric.slug]: name }} />
        )}
      </Card>
    </div>
  );
}
