import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AsWritten } from "@/components/as-written";
import { englishGloss } from "@/lib/i18n/gloss";
import { layoutLineChart, type SeriesPoint } from "@/lib/charts/line-chart";
import type { MetricView } from "@/lib/metrics/metric-view";
import { ChartSvg, ValueTicks } from "./chart-parts";
import { DataTableDetails } from "./data-table-details";
import { dateToDay } from "@/lib/dates";

// About a phone card's width: its 13-unit text renders at 12 px or more there (tests/e2e/phone.spec.ts).
const BOX = { width: 320, height: 190, left: 48, right: 16, top: 22, bottom: 42 };

/**
 * A figure's values over time: the baseline (first, labelled, when it has no date), then each
 * reading; the target as a dashed line. The same values follow as a table.
 */
export async function MetricLineChart({ id, metric, name, unit }: { id: string; metric: MetricView; name: string; unit: string }) {
  const [t, tCommon, format, locale] = await Promise.all([getTranslations("charts"), getTranslations("common"), getFormatter(), getLocale()]);
  const series: SeriesPoint[] = [
    ...(metric.baseline ? [{ value: metric.baseline.value, date: null, kind: "baseline" as const }] : []),
    ...metric.readings.map((reading) => ({ value: reading.value, date: reading.observedOn, kind: "reading" as const })),
  ];
  if (series.length === 0) return <p className="text-sm text-slate-700">{t("line.noValues")}</p>;

  const target = metric.target?.value ?? null;
  const layout = layoutLineChart(series, BOX, target);
  // Under the axis the baseline is only named: its period, as the source words it, would run into the
  // next label; the description and the table give it (glossed in English).
  const pointLabel = (point: SeriesPoint) =>
    point.kind === "baseline" ? t("line.baseline") : point.date ? format.dateTime(point.date, { dateStyle: "medium" }) : t("line.undated");
  const period = metric.baseline?.period;
  const spokenLabel = (point: SeriesPoint) =>
    point.kind === "baseline" && period
      ? t("line.baselineWithPeriod", { period: locale === "en" ? (englishGloss(period) ?? period) : period })
      : pointLabel(point);
  const value = (number: number) => `${format.number(number)} ${unit}`;
  const summary = [
    ...layout.points.map((point) => `${spokenLabel(point)}: ${value(point.value)}`),
    ...(target === null ? [] : [t("line.targetLine", { value: value(target) })]),
  ].join("; ");

  return (
    <figure className="max-w-md">
      <ChartSvg id={id} width={BOX.width} height={BOX.height} className="h-auto w-full" title={t("line.title", { name })} summary={summary}>
        <ValueTicks ticks={layout.ticks} plot={layout.plot} label={(value) => format.number(value)} />
        {layout.targetY !== null && target !== null && (
          <g>
            <line x1={layout.plot.left} x2={layout.plot.right} y1={layout.targetY} y2={layout.targetY} stroke="#047857" strokeWidth={2} strokeDasharray="6 4" />
            <text x={layout.plot.right} y={layout.targetY - 5} fontSize={13} textAnchor="end" fill="#065f46" fontWeight={600}>
              {t("line.targetLine", { value: format.number(target) })}
            </text>
          </g>
        )}
        {layout.path && <path d={layout.path} fill="none" stroke="#1d4ed8" strokeWidth={2} />}
        {layout.points.map((point, index) => (
          <g key={index} data-kind={point.kind}>
            {point.kind === "baseline" ? (
              <rect x={point.x - 5} y={point.y - 5} width={10} height={10} fill="#ffffff" stroke="#1d4ed8" strokeWidth={2} />
            ) : (
              <circle cx={point.x} cy={point.y} r={5} fill="#1d4ed8" />
            )}
            <text x={point.x} y={point.y - 9} fontSize={13} textAnchor="middle" fill="#1e293b" fontWeight={600}>
              {format.number(point.value)}
            </text>
            <text
              x={point.x}
              y={layout.plot.bottom + 16}
              fontSize={13}
              textAnchor={layout.points.length > 1 && index === 0 ? "start" : layout.points.length > 1 && index === layout.points.length - 1 ? "end" : "middle"}
              fill="#334155"
            >
              {pointLabel(point)}
            </text>
          </g>
        ))}
        <line x1={layout.plot.left} x2={layout.plot.right} y1={layout.plot.bottom} y2={layout.plot.bottom} stroke="#64748b" />
      </ChartSvg>
      <figcaption className="text-xs text-slate-700">{t(target === null ? "line.captionNoTarget" : "line.caption", { unit })}</figcaption>
      <DataTableDetails>
        <table className="text-left">
          <caption className="sr-only">{t("line.title", { name })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-1">
                {t("line.point")}
              </th>
              <th scope="col" className="px-2 py-1">
                {t("line.date")}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t("line.value")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {layout.points.map((point, index) => (
              <tr key={index}>
                <th scope="row" className="px-2 py-1 font-medium">
                  {point.kind === "baseline" ? t("line.baseline") : t("line.reading")}
                </th>
                <td className="px-2 py-1">
                  {point.date ? (
                    <time dateTime={dateToDay(point.date)}>{format.dateTime(point.date, { dateStyle: "long" })}</time>
                  ) : point.kind === "baseline" && period ? (
                    <AsWritten text={period} />
                  ) : (
                    tCommon("unknown")
                  )}
                </td>
                <td className="px-2 py-1 text-right tabular-nums">{value(point.value)}</td>
              </tr>
            ))}
            {target !== null && (
              <tr>
                <th scope="row" className="px-2 py-1 font-medium">
                  {t("line.target")}
                </th>
                <td className="px-2 py-1">
                  {metric.target?.date ? (
                    <time dateTime={dateToDay(metric.target.date)}>{format.dateTime(metric.target.date, { dateStyle: "long" })}</time>
                  ) : (
                    (metric.target?.dateText ?? tCommon("notStated"))
                  )}
                </td>
                <td className="px-2 py-1 text-right tabular-nums">{value(target)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </DataTableDetails>
    </figure>
  );
}
