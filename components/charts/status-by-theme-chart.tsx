import { getFormatter, getTranslations } from "next-intl/server";
import { INITIATIVE_STATUSES } from "@/lib/domain/vocabulary";
import type { ThemeStatusRow } from "@/lib/dashboard/status-by-theme";
import { STATUS_FILL } from "@/lib/charts/palette";
import { barLength, stackSegments } from "@/lib/charts/stacked-bar";
import { Link } from "@/lib/i18n/navigation";
import { ChartSvg } from "./chart-parts";
import { DataTableDetails } from "./data-table-details";
import { StatusLegend } from "./status-legend";

// Drawn at about a phone card's width, so that its 13-unit text renders at 12 px or more there
// (tests/e2e/phone.spec.ts measures it) and grows a little on wider screens.
const WIDTH = 320;
const ROW = 46;
const BAR = 20;
const TOTAL_GUTTER = 44;

/**
 * Initiatives of each theme by status, as stacked horizontal bars (server-rendered SVG), with a
 * legend and the same numbers as a table. An initiative with two themes counts in both.
 */
export async function StatusByThemeChart({ id, rows, linkThemes = true, title }: { id: string; rows: ThemeStatusRow[]; linkThemes?: boolean; title?: string }) {
  const [t, tStatus, tTheme, format] = await Promise.all([getTranslations("charts"), getTranslations("status"), getTranslations("theme"), getFormatter()]);
  const chartTitle = title ?? t("statusByTheme.title");
  const maxTotal = Math.max(0, ...rows.map((row) => row.total));
  const fullLength = WIDTH - TOTAL_GUTTER;
  const height = rows.length * ROW + 4;
  const used = INITIATIVE_STATUSES.filter((status) => rows.some((row) => row.counts[status] > 0));
  const summary = rows
    .map((row) => {
      const parts = INITIATIVE_STATUSES.filter((status) => row.counts[status] > 0).map((status) => `${tStatus(status)}: ${format.number(row.counts[status])}`);
      return `${tTheme(row.theme)} — ${parts.length ? parts.join(", ") : t("none")}`;
    })
    .join("; ");

  return (
    <figure>
      <ChartSvg id={id} width={WIDTH} height={height} className="h-auto w-full max-w-md" fontFamily="inherit" title={chartTitle} summary={summary}>
        {rows.map((row, index) => {
          const top = index * ROW;
          const length = barLength(row.total, maxTotal, fullLength);
          const segments = stackSegments(
            INITIATIVE_STATUSES.map((status) => ({ key: status, value: row.counts[status] })),
            length,
          );
          return (
            <g key={row.theme} data-theme={row.theme}>
              <text x={0} y={top + 14} fontSize={13} fill="#1e293b">
                {tTheme(row.theme)}
              </text>
              {segments.map((segment) => (
                <g key={segment.key} data-status={segment.key}>
                  <rect x={segment.x} y={top + 20} width={segment.width} height={BAR} fill={STATUS_FILL[segment.key].fill} stroke="#ffffff" strokeWidth={1} />
                  {segment.width >= 18 && (
                    <text x={segment.x + segment.width / 2} y={top + 20 + BAR / 2 + 4} fontSize={13} textAnchor="middle" fill={STATUS_FILL[segment.key].text}>
                      {format.number(segment.value)}
                    </text>
                  )}
                </g>
              ))}
              <text x={length + 6} y={top + 20 + BAR / 2 + 4} fontSize={13} fontWeight={600} fill="#334155">
                {format.number(row.total)}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <StatusLegend only={used.length ? used : undefined} />
      <figcaption className="mt-2 text-sm text-slate-700">{t(rows.length === 1 ? "statusByTheme.captionOne" : "statusByTheme.caption")}</figcaption>
      <DataTableDetails>
        <table className="min-w-full text-left">
          <caption className="sr-only">{chartTitle}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-1">
                {t("statusByTheme.theme")}
              </th>
              {INITIATIVE_STATUSES.map((status) => (
                <th key={status} scope="col" className="px-2 py-1 text-right">
                  {tStatus(status)}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-right">
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.theme}>
                <th scope="row" className="px-2 py-1 font-medium">
                  {linkThemes ? (
                    <Link href={`/themes/${row.theme}`} className="text-blue-800 underline">
                      {tTheme(row.theme)}
                    </Link>
                  ) : (
                    tTheme(row.theme)
                  )}
                </th>
                {INITIATIVE_STATUSES.map((status) => (
                  <td key={status} className="px-2 py-1 text-right tabular-nums">
                    {format.number(row.counts[status])}
                  </td>
                ))}
                <td className="px-2 py-1 text-right font-semibold tabular-nums">{format.number(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DataTableDetails>
    </figure>
  );
}
