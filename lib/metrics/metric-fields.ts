import type { Prisma } from "../generated/prisma/client";
import { dayToDate } from "../dates";
import type { CreateMetricInput } from "../intake/create-schemas";

/** A figure's own fields, as its add and correct forms state them: names, unit, baseline, target. */
export const METRIC_FIELDS_SELECT = {
  nameRu: true,
  nameEn: true,
  unitRu: true,
  unitEn: true,
  baselineValue: true,
  baselinePeriod: true,
  targetValue: true,
  targetDate: true,
  targetDateText: true,
} as const satisfies Prisma.MetricSelect;

type MetricFieldsInput = Pick<CreateMetricInput, keyof typeof METRIC_FIELDS_SELECT>;

/** Those fields as the form gives them (the target date an ISO day), for the record history's diff. */
export function metricFields(input: MetricFieldsInput) {
  const { nameRu, nameEn, unitRu, unitEn, baselineValue, baselinePeriod, targetValue, targetDate, targetDateText } = input;
  return { nameRu, nameEn, unitRu, unitEn, baselineValue, baselinePeriod, targetValue, targetDate, targetDateText };
}

/** Those fields as stored: the target day as a date. */
export function storedMetricFields(input: MetricFieldsInput) {
  return { ...metricFields(input), targetDate: input.targetDate ? dayToDate(input.targetDate) : null };
}
