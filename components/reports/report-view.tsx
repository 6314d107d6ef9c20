import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/status-badge";
import { STATUS_FILL } from "@/lib/charts/palette";
import { dateToDay } from "@/lib/dates";
import { localized } from "@/lib/i18n/localized";
import type { Report } from "@/lib/reports/build-report";
import { PrintButton } from "./print-button";
import { ColumnHeadings } from "@/components/data-table";

const BAR_HEIGHT = 28;
const LABEL_WIDTH = 170;
const CHART_WIDTH = 640;

/**
 * A printable report: title, as-of dates, a chart of statuses with its numbers, the table of
 * initiatives and the sources they are quoted from. Print CSS (app/globals.css) drops the site's
 * header, footer and buttons and keeps rows from splitting across pages.
 */
export async function ReportView({
  locale,
  title,
  subtitle,
  report,
  children,
}: {
  locale: string;
  title: string;
  subtitle?: ReactNode;
  report: Report;
  children?: ReactNode;
}) {
  const [t, tStatus, tStage, tTheme, tCommon, format] = await Promise.all([
    getTranslations("report"),
    getTranslations("status"),
    getTranslations("stage"),
    getTranslations("theme"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const day = (date: Date) => <time dateTime={dateToDay(date)}>{format.dateTime(date, { dateStyle: "long", timeZone: "UTC" })}</time>;
  const now = new Date();
  const max = Math.max(1, ...report.statusCounts.map((item) => item.count));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 40;
  const height = report.statusCounts.length * BAR_HEIGHT + 8;

  return (
    <article className="report space-y-6" aria-labelledby="report-title">
      <header className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("kicker")}</p>
        <h1 id="report-title" className="text-3xl font-bold">
          {title}
        </h1>
        {subtitle && <p className="text-slate-700">{subtitle}</p>}
        <p className="text-sm text-slate-700" data-testid="report-dates">
          {t("generated")} {day(now)}
          {report.dataAsOf && (
            <>
              {" · "}
              {t("dataAsOf")} {day(report.dataAsOf)}
            </>
          )}
        </p>
        <p className="print:hidden">
          <PrintButton label={t("print")} />
        </p>
      </header>

      <section aria-labelledby="report-summary" className="break-inside-avoid">
        <h2 id="report-summary" className="text-xl font-semibold">
          {t("summary")}
        </h2>
        <p className="mt-1">{t("count", { count: report.rows.length })}</p>
        {report.statusCounts.length > 0 && (
          <figure className="mt-3">
            <svg
              role="img"
              aria-labelledby="report-chart-title"
              viewBox={`0 0 ${CHART_WIDTH} ${height}`}
              className="h-auto w-full max-w-2xl"
              data-testid="report-chart"
            >
              <title id="report-chart-title">{t("chartTitle")}</title>
              {report.statusCounts.map((item, index) => {
                const width = Math.max(2, (item.count / max) * barSpace);
                const y = index * BAR_HEIGHT + 4;
                return (
                  <g key={item.status}>
                    <text x={LABEL_WIDTH - 8} y={y + 17} textAnchor="end" fontSize="14" fill="#0f172a">
                      {tStatus(item.status)}
                    </text>
                    <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT - 6} rx="2" fill={STATUS_FILL[item.status].fill} />
                    <text x={LABEL_WIDTH + width + 6} y={y + 17} fontSize="14" fill="#0f172a">
                      {item.count}
                    </text>
                  </g>
                );
              })}
            </svg>
            <figcaption className="mt-1 text-sm text-slate-700">{t("chartCaption")}</figcaption>
          </figure>
        )}
      </section>

      <section aria-labelledby="report-table">
        <h2 id="report-table" className="text-xl font-semibold">
          {t("initiatives")}
        </h2>
        {report.rows.length === 0 ? (
          <p className="mt-2">{t("empty")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto print:overflow-visible">
            <table className="stack-table w-full border-collapse text-left text-sm" data-testid="report-rows">
              <caption className="sr-only">{t("initiatives")}</caption>
              <thead>
                <ColumnHeadings
                  headings={[t("columns.initiative"), t("columns.status"), t("columns.stage"), t("columns.themes"), t("columns.countries")]}
                  className="py-1 pr-3 last:pr-0"
                  rowClassName="border-b-2 border-slate-400"
                />
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.slug} data-slug={row.slug} className="break-inside-avoid border-b border-slate-200 align-top">
                    <th scope="row" className="py-1.5 pr-3 font-medium">
                      {localized(locale, row.titleRu, row.titleEn)}
                    </th>
                    <td className="py-1.5 pr-3" data-label={t("columns.status")}>
                      <StatusBadge status={row.status} />
                    </td>
                    <td className="py-1.5 pr-3" data-label={t("columns.stage")}>
                      {row.stage ? tStage(row.stage) : tCommon("unknown")}
                    </td>
                    <td className="py-1.5 pr-3" data-label={t("columns.themes")}>
                      {row.themes.map((theme) => tTheme(theme)).join(", ")}
                    </td>
                    <td className="py-1.5" data-label={t("columns.countries")}>
                      {row.countries.length ? row.countries.map((country) => localized(locale, country.nameRu, country.nameEn)).join(", ") : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {children}

      <section aria-labelledby="report-sources" className="break-inside-avoid">
        <h2 id="report-sources" className="text-xl font-semibold">
          {t("sources")}
        </h2>
        {report.sources.length === 0 ? (
          <p className="mt-2">{t("noSources")}</p>
        ) : (
          <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm" data-testid="report-sources">
            {report.sources.map((source) => (
              <li key={source.id}>
                {source.title ?? t("untitled")}
                {" · "}
                {source.outlet ?? tCommon("unknown")}
                {" · "}
                {source.publishedOn ? day(source.publishedOn) : t("undated")}
                {source.url && (
                  <>
                    {" · "}
                    <span className="break-all">{source.url}</span>
                  </>
                )}
                {" · "}
                {t("quotedFor", { count: source.initiatives })}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
