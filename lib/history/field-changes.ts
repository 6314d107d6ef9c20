/** One changed field in a history entry. Values are stored as display strings or null. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export function parseChanges(json: string): FieldChange[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as FieldChange[]) : [];
  } catch {
    return [];
  }
}

/**
 * What a change's `field` names. Stored as a dotted path (`country.KZ.role`, `metric.<slug>.reading`, `metric.<slug>.created`,
 * or a plain field such as `titleEn`); built and read only here, so the format lives in one place.
 */
export type FieldPath =
  { kind: "country"; code: string; part: "role" | "stage" } | { kind: "metric"; slug: string; part: MetricPart } | { kind: "field"; name: string };

export function countryField(code: string, part: "role" | "stage"): string {
  return `country.${code}.${part}`;
}

/** What a metric's change is about: a new reading, its target date, or the metric being added. */
export type MetricPart = "reading" | "targetDate" | "created";

export function metricField(slug: string, part: MetricPart): string {
  return `${metricFieldPrefix(slug)}${part}`;
}

/** What every change about one metric's field starts with; the closing dot keeps `a` from matching `a-2`. */
export const metricFieldPrefix = (slug: string): string => `metric.${slug}.`;

export function parseFieldPath(field: string): FieldPath {
  const [head, key, tail] = field.split(".");
  if (head === "country" && key && tail) return { kind: "country", code: key, part: tail === "role" ? "role" : "stage" };
  if (head === "metric" && key && tail) return { kind: "metric", slug: key, part: tail === "reading" || tail === "created" ? tail : "targetDate" };
  return { kind: "field", name: field };
}

/** The `themes` change lists the themes in one string. */
export const joinThemes = (themes: readonly string[]): string => themes.join(", ");
export const splitThemes = (value: string): string[] => value.split(", ");

/** A metric reading's change value: the value and the day it was observed on. */
export const readingValue = (value: number, observedOn: string | null): string => `${value} @ ${observedOn}`;

/** readingValue read back: the number and the ISO day (null when unknown); null for any other text. */
export function parseReadingValue(text: string): { value: number; observedOn: string | null } | null {
  const match = /^(\S+) @ (\d{4}-\d{2}-\d{2}|null)$/.exec(text);
  const value = match ? Number(match[1]) : NaN;
  return match && Number.isFinite(value) ? { value, observedOn: match[2] === "null" ? null : match[2]! } : null;
}
