import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import { FORM_NAMESPACES } from "@/lib/i18n/pick-messages";
import { EditorMessages } from "@/components/editor-messages";
import { CorrectMetricForm } from "@/components/forms/editor-forms-on-demand";
import { HistoryList } from "@/components/history-list";
import { RecordHistoryList } from "@/components/record-history-list";
import { atomPath } from "@/lib/feeds/feed-page";
import { StatusBadge } from "@/components/status-badge";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { publicData } from "@/lib/cache/public-data";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { loadSlugPage } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, record: metric } = await loadSlugPage(params, publicData.metricHistory);
  const t = await getTranslations({ locale, namespace: "figureHistory" });
  if (!metric) return { title: t("back") };
  return {
    title: t("title", { name: localized(locale, metric.nameRu, metric.nameEn) }),
    alternates: { types: { "application/atom+xml": atomPath({ kind: "metric", slug: metric.slug }, locale) } },
  };
}

/**
 * A figure's own public history: its details now, its record (who added or corrected it, when, why)
 * and the readings and changes recorded on its initiative; editors correct it here.
 */
export default async function FigureHistoryPage({ params }: Props) {
  const { locale, record: metric } = await loadSlugPage(params, publicData.metricHistory);
  if (!metric) notFound();
  const [t, tCommon, format, user] = await Promise.all([getTranslations("figureHistory"), getTranslations("common"), getFormatter(), getCurrentUser()]);
  const canCorrect = hasPermission(user, "initiative:edit");
  const sources = canCorrect ? await publicData.sources() : [];
  const name = localized(locale, metric.nameRu, metric.nameEn);
  const { details } = metric;
  const unit = localized(locale, details.unitRu, details.unitEn);
  const amount = (value: number | null) => (value === null ? t("none") : `${format.number(value)} ${unit}`);
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
      <Card id="figure-details" title={t("details")}>
        <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("unit")}</dt>
          <dd className="break-words">{unit}</dd>
          <dt className="font-medium">{t("baseline")}</dt>
          <dd className="break-words">{[amount(details.baselineValue), details.baselinePeriod].filter(Boolean).join(", ")}</dd>
          <dt className="font-medium">{t("target")}</dt>
          <dd className="break-words">
            {[
              amount(details.targetValue),
              details.targetDateText ?? (details.targetDate ? format.dateTime(new Date(details.targetDate), { dateStyle: "long", timeZone: "UTC" }) : null),
            ]
              .filter(Boolean)
              .join(", ")}
          </dd>
        </dl>
      </Card>
      <RecordHistoryList entries={metric.record} subject="metric" feed={{ kind: "metric", slug: metric.slug }} />
      <Card id="figure-entries" title={t("entries")}>
        {metric.entries.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noEntries")}</p>
        ) : (
          <HistoryList entries={metric.entries} countryNames={{}} metricNames={{ [metric.slug]: name }} />
        )}
      </Card>
      {canCorrect && (
        <section aria-labelledby="correct-metric-title" className="rounded-lg border border-blue-200 bg-blue-50/40 p-5">
          <EditorMessages namespaces={[...FORM_NAMESPACES, "intake", "create"]}>
            <CorrectMetricForm
              metricSlug={metric.slug}
              version={metric.version}
              initial={{
                nameRu: metric.nameRu,
                nameEn: metric.nameEn,
                unitRu: details.unitRu,
                unitEn: details.unitEn,
                baselineValue: details.baselineValue === null ? "" : String(details.baselineValue),
                baselinePeriod: details.baselinePeriod ?? "",
                targetValue: details.targetValue === null ? "" : String(details.targetValue),
                targetDate: details.targetDate,
                targetDateText: details.targetDateText ?? "",
              }}
              sources={sources.map((source) => ({ value: String(source.id), label: source.title ?? source.outlet ?? tCommon("unknown") }))}
            />
          </EditorMessages>
        </section>
      )}
    </div>
  );
}
