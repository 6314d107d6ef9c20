import { getFormatter, getTranslations } from "next-intl/server";
import { AsWritten } from "@/components/as-written";
import { publicData } from "@/lib/cache/public-data";
import { StatusByThemeChart } from "@/components/charts/status-by-theme-chart";
import { StatusChangesChart } from "@/components/charts/status-changes-chart";
import { ProgressBar } from "@/components/progress-bar";
import { StatusBadge } from "@/components/status-badge";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { metricProgress } from "@/lib/initiatives/metric-progress";
import { Card } from "@/components/card";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const [t, tStatus, tTheme, format, dashboard, tCharts, statusByTheme, statusChanges] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("status"),
    getTranslations("theme"),
    getFormatter(),
    publicData.dashboard(),
    getTranslations("charts"),
    publicData.statusByTheme(),
    publicData.statusChanges(),
  ]);
  const maxTheme = Math.max(1, ...dashboard.byTheme.map((entry) => entry.count));

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-700" data-testid="dashboard-intro">
          {t("intro", { count: dashboard.total, meeting: dashboard.meeting ? localized(locale, dashboard.meeting.nameRu, dashboard.meeting.nameEn) : "—" })}{" "}
          {dashboard.contextCount > 0 && t("context", { count: dashboard.contextCount })}
        </p>
        <dl className="mt-3 grid max-w-3xl gap-x-6 gap-y-1 text-slate-800 sm:grid-cols-[max-content_1fr]" data-testid="dashboard-dates">
          <dt className="font-medium text-slate-700">{t("meetingDate")}</dt>
          <dd>
            {dashboard.meeting?.dateText ? (
              <AsWritten text={dashboard.meeting.dateText} />
            ) : dashboard.meeting?.reportedOn ? (
              t(dashboard.meeting.reportedOnFromMetadata ? "meetingDateUnstatedMetadata" : "meetingDateUnstated", {
                date: format.dateTime(dashboard.meeting.reportedOn, { dateStyle: "long" }),
              })
            ) : (
              t("meetingDateUnknown")
            )}
          </dd>
          <dt className="font-medium text-slate-700">{t("lastChange")}</dt>
          <dd>
            {dashboard.lastChangeAt ? (
              <time dateTime={dashboard.lastChangeAt.toISOString()}>{format.dateTime(dashboard.lastChangeAt, { dateStyle: "long" })}</time>
            ) : (
              t("noChangeSinceImport")
            )}
          </dd>
        </dl>
        <p className="mt-2 flex flex-wrap gap-x-4">
          <Link href={{ pathname: "/initiatives", query: { relation: "outcome" } }} className="font-medium text-blue-800 underline">
            {t("outcomesLink")}
          </Link>
          <Link href="/initiatives" className="font-medium text-blue-800 underline">
            {t("allInitiatives")}
          </Link>
        </p>
      </header>

      <div className="grid gap-6 md:grid-cols-2">
        <Card id="by-status" title={t("byStatus")}>
          <ul className="mt-4 space-y-2">
            {dashboard.byStatus.map(({ status, count }) => (
              <li key={status} className="flex items-center justify-between gap-3">
                <StatusBadge status={status} />
                {count > 0 ? (
                  <Link
                    href={{ pathname: "/initiatives", query: { relation: "outcome", status } }}
                    className="text-blue-800 underline"
                    aria-label={`${tStatus(status)}: ${t("countLink", { count })}`}
                  >
                    {t("countLink", { count })}
                  </Link>
                ) : (
                  <span className="text-slate-600">{t("countLink", { count })}</span>
                )}
              </li>
            ))}
          </ul>
        </Card>

        <Card id="by-theme" title={t("byTheme")}>
          <p className="mt-1 text-sm text-slate-700">{t("byThemeNote")}</p>
          <ul className="mt-3 space-y-3">
            {dashboard.byTheme.map(({ theme, count }) => (
              <li key={theme}>
                <div className="flex items-baseline justify-between gap-3">
                  {count > 0 ? (
                    <Link
                      id={`theme-name-${theme}`}
                      href={{ pathname: "/initiatives", query: { relation: "outcome", theme } }}
                      className="text-blue-800 underline"
                    >
                      {tTheme(theme)}
                    </Link>
                  ) : (
                    <span id={`theme-name-${theme}`}>{tTheme(theme)}</span>
                  )}
                  <span className="ml-auto tabular-nums text-slate-700">{format.number(count)}</span>
                  {/* The theme's name is this link's description, not its name, so that the theme
                      link above stays the only link named after the theme. */}
                  <Link
                    href={`/themes/${theme}`}
                    className="text-sm text-blue-800 underline"
                    aria-describedby={`theme-name-${theme}`}
                    data-testid={`theme-overview-${theme}`}
                  >
                    {tCharts("themeOverview")}
                  </Link>
                </div>
                <div aria-hidden="true" className="mt-1 h-2 rounded bg-slate-100">
                  <div className="h-2 rounded bg-slate-500" style={{ width: `${(count / maxTheme) * 100}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="chart-status-by-theme" title={tCharts("statusByTheme.heading")}>
          <div className="mt-4">
            <StatusByThemeChart id="dashboard-status-by-theme" rows={statusByTheme} />
          </div>
        </Card>
        <Card id="chart-status-changes" title={tCharts("statusChanges.heading")}>
          <div className="mt-4">
            <StatusChangesChart id="dashboard-status-changes" series={statusChanges} />
          </div>
        </Card>
      </div>

      <Card id="targets" title={t("targets")}>
        {dashboard.targets.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noTargets")}</p>
        ) : (
          <ul className="mt-4 space-y-5">
            {dashboard.targets.map((metric) => {
              const progress = metricProgress(metric);
              const name = localized(locale, metric.nameRu, metric.nameEn);
              const unit = localized(locale, metric.unitRu, metric.unitEn);
              const target = format.number(metric.target!.value);
              return (
                <li key={metric.slug}>
                  <Link href={`/initiatives/${metric.initiativeSlug}`} className="font-medium text-blue-800 underline">
                    {localized(locale, metric.initiativeTitleRu, metric.initiativeTitleEn)}
                  </Link>
                  <p className="text-slate-700">{name}</p>
                  {progress ? (
                    <>
                      <p className="text-sm tabular-nums text-slate-700">{t("currentOfTarget", { current: format.number(progress.current), target, unit })}</p>
                      <ProgressBar percent={progress.percent} label={t("progressLabel", { name, current: format.number(progress.current), target, unit })} />
                    </>
                  ) : (
                    <p className="text-sm text-slate-700">{t("noReading", { target, unit })}</p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      <Card id="recent" title={t("recent")}>
        {dashboard.recentChanges.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noRecent")}</p>
        ) : (
          <ol className="mt-4 divide-y divide-slate-100">
            {dashboard.recentChanges.map((change) => (
              <li key={change.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <Link href={`/initiatives/${change.initiative.slug}`} className="text-blue-800 underline">
                  {localized(locale, change.initiative.titleRu, change.initiative.titleEn)}
                </Link>
                <span className="text-sm text-slate-700">
                  {change.fromStatus
                    ? t("changeLine", { from: tStatus(change.fromStatus), to: tStatus(change.toStatus) })
                    : t("firstRecorded", { to: tStatus(change.toStatus) })}
                  {" · "}
                  {change.authorName === null ? (
                    t("importedFromSource")
                  ) : (
                    <time dateTime={change.recordedAt.toISOString()}>{format.dateTime(change.recordedAt, { dateStyle: "medium" })}</time>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
