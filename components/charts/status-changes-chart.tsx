import { getFormatter, getTranslations } from "next-intl/server";
import { layoutColumns } from "@/lib/charts/columns";
import type { TimeSeries } from "@/lib/charts/time-buckets";
import { ChartSvg, ValueTicks } from "./chart-parts";
import { DataTableDetails } from "./data-table-details";

// About a phone card's width: its 13-unit text renders at 12 px or more there (tests/e2e/phone.spec.ts).
const WIDTH = 320;
const HEIGHT = 200;
const BOX = { width: WIDTH, height: HEIGHT, left: 40, right: 12, top: 16, bottom: 40 };

/** Status changes recorded per month (or per day), as columns, with the counts as a table. */
export async function StatusChangesChart({ id, series }: { id: string; series: TimeSeries & { total: number; undated: number } }) {
  const [t, format] = await Promise.all([getTranslations("charts"), getFormatter()]);
  const label = (start: Date) =>
    series.unit === "month"
      ? format.dateTime(start, { month: "short", year: "numeric" })
      : format.dateTime(start, { day: "numeric", month: "short", year: "numeric" });
  const longLabel = (start: Date) =>
    series.unit === "month" ? format.dateTime(start, { month: "long", year: "numeric" }) : format.dateTime(start, { dateStyle: "long" });

  const undated = series.undated > 0 && (
    <p className="mt-2 text-sm text-slate-700" data-testid="undated-imports">
      {t("statusChanges.undated", { count: series.undated })}
    </p>
  );
  if (series.buckets.length === 0) {
    return (
      <>
        <p className="text-slate-700">{t("statusChanges.empty")}</p>
        {undated}
      </>
    );
  }

  const layout = layoutColumns(
    series.buckets.map((bucket) => bucket.count),
    BOX,
  );
  // Label at most about 8 periods so that the labels never overlap.
  const every = Math.max(1, Math.ceil(series.buckets.length / 8));
  const summary = series.buckets
    .filter((bucket) => bucket.count > 0)
    .map((bucket) => `${longLabel(bucket.start)}: ${format.number(bucket.count)}`)
    .join("; ");

  return (
    <figure>
      <ChartSvg
        id={id}
        width={WIDTH}
        height={HEIGHT}
        className="h-auto w-full max-w-md"
        title={t(`statusChanges.title.${series.unit}`)}
        summary={
          <>
            {t("statusChanges.summary", { count: series.total })} {summary}
          </>
        }
      >
        <ValueTicks ticks={layout.ticks} plot={layout.plot} label={(value) => format.number(value)} />
        <line x1={layout.plot.left} x2={layout.plot.right} y1={layout.plot.bottom} y2={layout.plot.bottom} stroke="#64748b" />
        {layout.bars.map((bar) => {
          const bucket = series.buckets[bar.index]!;
          return (
            <g key={bucket.key} data-period={bucket.key}>
              {bar.height > 0 && <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill="#1d4ed8" />}
              {bar.value > 0 && (
                <text x={bar.centre} y={bar.y - 4} fontSize={13} textAnchor="middle" fill="#1e293b">
                  {format.number(bar.value)}
                </text>
              )}
              {bar.index % every === 0 && (
                <text x={bar.centre} y={layout.plot.bottom + 16} fontSize={13} textAnchor="middle" fill="#334155">
                  {label(bucket.start)}
                </text>
              )}
            </g>
          );
        })}
      </ChartSvg>
      <figcaption className="mt-2 text-sm text-slate-700">{t(`statusChanges.caption.${series.unit}`)}</figcaption>
      {undated}
      <DataTableDetails>
        <table className="text-left">
          <caption className="sr-only">{t(`statusChanges.title.${series.unit}`)}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-1">
                {t(`statusChanges.period.${series.unit}`)}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t("statusChanges.count")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {series.buckets.map((bucket) => (
              <tr key={bucket.key}>
                <th scope="row" className="px-2 py-1 font-medium">
                  <time dateTime={bucket.key}>{longLabel(bucket.start)}</time>
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{format.number(bucket.count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-slate-300">
              <th scope="row" className="px-2 py-1">
                {t("total")}
              </th>
              <td className="px-2 py-1 text-right font-semibold tabular-nums">{format.number(series.total)}</td>
            </tr>
          </tfoot>
        </table>
      </DataTableDetails>
    </figure>
  );
}
