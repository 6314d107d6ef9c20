import type { Metadata } from "next";
import { publicData } from "@/lib/cache/public-data";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { FeedLink } from "@/components/feed-link";
import { FollowSection } from "@/components/alerts/follow-section";
import { JudgementBadge } from "@/components/analysts/judgement-badge";
import { RecentHistory } from "@/components/analysts/recent-history";
import { StatusByThemeChart } from "@/components/charts/status-by-theme-chart";
import { ProgressBar } from "@/components/progress-bar";
import { StatusBadge } from "@/components/status-badge";
import { INITIATIVE_STATUSES } from "@/lib/domain/vocabulary";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { metricProgress } from "@/lib/initiatives/metric-progress";
import { judgeTarget } from "@/lib/metrics/judge-target";
import { parseTheme } from "@/lib/themes/parse-theme";
import { statusShare } from "@/lib/themes/status-rollup";
import { Card } from "@/components/card";
import { pageLocale } from "@/lib/i18n/page-locale";
import { InitiativeTable } from "@/components/initiative-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; theme: string }> };

const load = cache((theme: string) => publicData.themeOverview(theme));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { theme: raw } = await params;
  const locale = await pageLocale(params);
  const theme = parseTheme(raw);
  if (!theme) return {};
  const [t, tTheme, tMeta, tShare, overview] = await Promise.all([
    getTranslations({ locale, namespace: "themePage" }),
    getTranslations({ locale, namespace: "theme" }),
    getTranslations({ locale, namespace: "meta" }),
    getTranslations({ locale, namespace: "share" }),
    load(raw),
  ]);
  const title = t("metaTitle", { theme: tTheme(theme) });
  const description = tShare("themeDescription", { theme: tTheme(theme), count: overview?.rollup.total ?? 0 });
  return {
    title,
    description,
    openGraph: { siteName: tMeta("title"), type: "website", locale: locale === "en" ? "en_US" : "ru_RU", title, description },
    twitter: { card: "summary", title, description },
  };
}

export default async function ThemePage({ params }: Props) {
  const { theme: raw } = await params;
  const locale = await pageLocale(params);
  const overview = await load(raw);
  if (!overview) notFound();
  const [t, tTheme, tStatus, tStage, tMetric, format] = await Promise.all([
    getTranslations("themePage"),
    getTranslations("theme"),
    getTranslations("status"),
    getTranslations("stage"),
    getTranslations("metric"),
    getFormatter(),
  ]);
  const themeName = tTheme(overview.theme);
  const { rollup } = overview;
  const now = new Date();

  return (
    <article className="space-y-8" aria-labelledby="theme-title">
      <nav aria-label={t("breadcrumb")}>
        <Link href="/" className="text-blue-800 underline">
          ← {t("back")}
        </Link>
      </nav>
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("kicker")}</p>
        <h1 id="theme-title" className="text-3xl font-bold">
          {themeName}
        </h1>
        <p className="mt-2 text-lg text-slate-700">{t("initiativeCount", { count: rollup.total })}</p>
        <p className="mt-2">
          <Link href={{ pathname: "/initiatives", query: { theme: overview.theme } }} className="text-blue-800 underline">
            {t("filteredList")}
          </Link>
        </p>
      </header>

      <Card id="theme-progress" title={t("progress")}>
        {rollup.total === 0 ? (
          <p className="mt-3 text-slate-700">{t("noInitiatives")}</p>
        ) : (
          <>
            <dl className="mt-4 grid gap-3 sm:grid-cols-3" data-testid="theme-shares">
              {(["implemented", "in_progress", "agreed"] as const).map((status) => (
                <div key={status} className="rounded border border-slate-100 bg-slate-50 px-4 py-3">
                  <dt className="text-sm font-medium text-slate-700">{tStatus(status)}</dt>
                  <dd>
                    <span className="text-2xl font-bold tabular-nums">
                      {format.number(statusShare(rollup, status), { style: "percent", maximumFractionDigits: 0 })}
                    </span>{" "}
                    <span className="text-sm text-slate-700">{t("ofTotal", { count: rollup.counts[status], total: rollup.total })}</span>
                  </dd>
                </div>
              ))}
            </dl>
            <div className="mt-6">
              <StatusByThemeChart
                id="theme-status-chart"
                rows={[{ theme: overview.theme, counts: rollup.counts, total: rollup.total }]}
                linkThemes={false}
                title={t("chartTitle", { theme: themeName })}
              />
            </div>
            <h3 className="mt-6 font-semibold">{t("byStatus")}</h3>
            <ul className="mt-2 grid max-w-3xl gap-x-12 gap-y-2 sm:grid-cols-2">
              {INITIATIVE_STATUSES.map((status) => (
                <li key={status} className="flex items-center justify-between gap-3" data-status-count={status}>
                  <StatusBadge status={status} />
                  <span className="tabular-nums text-slate-800">{t("initiativeCount", { count: rollup.counts[status] })}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      <Card id="theme-initiatives" title={t("initiatives")}>
        {overview.initiatives.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noInitiatives")}</p>
        ) : (
          <InitiativeTable
            locale={locale}
            caption={t("tableCaption", { theme: themeName })}
            headers={{ initiative: t("columns.initiative"), status: t("columns.status") }}
            rows={overview.initiatives}
            columns={[
              { header: t("columns.stage"), cell: (initiative) => (initiative.stage ? tStage(initiative.stage) : <span className="text-slate-600">—</span>) },
            ]}
          />
        )}
      </Card>

      <Card id="theme-metrics" title={t("metrics")}>
        {overview.metrics.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noMetrics")}</p>
        ) : (
          <ul className="mt-4 space-y-5">
            {overview.metrics.map((metric) => {
              const name = localized(locale, metric.nameRu, metric.nameEn);
              const unit = localized(locale, metric.unitRu, metric.unitEn);
              const progress = metricProgress(metric);
              return (
                <li key={metric.slug}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold">{name}</h3>
                    <JudgementBadge judgement={judgeTarget(metric, now)} />
                  </div>
                  <p className="text-sm">
                    <Link href={`/initiatives/${metric.initiativeSlug}`} className="text-blue-800 underline">
                      {localized(locale, metric.initiativeTitleRu, metric.initiativeTitleEn)}
                    </Link>
                  </p>
                  {progress ? (
                    <div className="mt-1 max-w-md">
                      <p className="text-sm tabular-nums text-slate-700">
                        {t("currentOfTarget", { current: format.number(progress.current), target: format.number(progress.target), unit })}
                      </p>
                      <ProgressBar
                        percent={progress.percent}
                        label={t("progressLabel", { name, current: format.number(progress.current), target: format.number(progress.target), unit })}
                      />
                    </div>
                  ) : (
                    <p className="mt-1 text-sm text-slate-700">
                      {metric.target ? t("noValue", { target: format.number(metric.target.value), unit }) : tMetric("noTarget")}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <p className="mt-4 text-sm">
          <Link href="/targets" className="text-blue-800 underline">
            {t("allTargets")}
          </Link>
        </p>
      </Card>

      <Card id="theme-recent" title={t("recent")}>
        <RecentHistory locale={locale} entries={overview.recentChanges} />
      </Card>

      <p>
        <FeedLink target={{ kind: "theme", theme: overview.theme }} className="text-blue-800 underline" />
      </p>

      <FollowSection target="theme" targetKey={overview.theme} locale={locale} />
    </article>
  );
}
