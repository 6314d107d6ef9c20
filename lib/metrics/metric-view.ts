import type { Prisma } from "../generated/prisma/client";

export interface MetricView {
  slug: string;
  nameRu: string;
  nameEn: string;
  unitRu: string;
  unitEn: string;
  baseline: { value: number; text: string | null; period: string | null; quoteId: number | null } | null;
  target: { value: number; text: string | null; dateText: string | null; date: Date | null; quoteId: number | null } | null;
  readings: { value: number; text: string | null; observedOn: Date | null; observedText: string | null; quoteId: number | null }[];
}

/** The fields a MetricView is built from (toMetricView), for every query that shows metrics. */
export const METRIC_VIEW_SELECT = {
  slug: true,
  nameRu: true,
  nameEn: true,
  unitRu: true,
  unitEn: true,
  baselineValue: true,
  baselineText: true,
  baselinePeriod: true,
  baselineQuoteId: true,
  targetValue: true,
  targetText: true,
  targetDateText: true,
  targetDate: true,
  targetQuoteId: true,
  readings: {
    select: { value: true, text: true, observedOn: true, observedText: true, quoteId: true },
    orderBy: [{ observedOn: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.MetricSelect;

type MetricRow = {
  slug: string;
  nameRu: string;
  nameEn: string;
  unitRu: string;
  unitEn: string;
  baselineValue: number | null;
  baselineText: string | null;
  baselinePeriod: string | null;
  baselineQuoteId: number | null;
  targetValue: number | null;
  targetText: string | null;
  targetDateText: string | null;
  targetDate: Date | null;
  targetQuoteId: number | null;
  readings: MetricView["readings"];
};

export function toMetricView(row: MetricRow): MetricView {
  return {
    slug: row.slug,
    nameRu: row.nameRu,
    nameEn: row.nameEn,
    unitRu: row.unitRu,
    unitEn: row.unitEn,
    baseline:
      row.baselineValue === null ? null : { value: row.baselineValue, text: row.baselineText, period: row.baselinePeriod, quoteId: row.baselineQuoteId },
    target:
      row.targetValue === null
        ? null
        : {
            value: row.targetValue,
            text: row.targetText,
            dateText: row.targetDateText,
            date: row.targetDate,
            quoteId: row.targetQuoteId,
          },
    readings: row.readings,
  };
}
