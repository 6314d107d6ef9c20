import type { z } from "zod";
import type { HistoryItem } from "../history/list-history";
import type { InitiativeDetail } from "../initiatives/get-initiative";
import type { MetricView } from "../metrics/metric-view";
import type { InitiativeListItem } from "../initiatives/query-initiatives";
import type { CountryRow, MetricRow, SourceDetailRow, SourceRow } from "./queries";
import type { EventDetail, EventSummary } from "../events/get-event";
import type { MetricHistory } from "../metrics/get-metric-history";
import type { RecordHistoryView } from "../records/record-history";
import { dayOrNull } from "../dates";
import type {
  countrySchema,
  eventDetailSchema,
  eventSummarySchema,
  metricResponseSchema,
  historyEntrySchema,
  initiativeDetailSchema,
  initiativeSummarySchema,
  metricSchema,
  sourceDetailSchema,
  sourceSummarySchema,
} from "./schemas";

/**
 * Data-layer objects → exactly the JSON the schemas in ./schemas describe. Every field is
 * copied by name (never spread), so nothing the schema does not list can slip through.
 * Calendar days (stored as midnight UTC) become YYYY-MM-DD; instants full ISO date-times.
 */

export type InitiativeSummaryJson = z.output<typeof initiativeSummarySchema>;
export type InitiativeJson = z.output<typeof initiativeDetailSchema>;
export type HistoryEntryJson = z.output<typeof historyEntrySchema>;
export type MetricJson = z.output<typeof metricSchema>;
export type SourceSummaryJson = z.output<typeof sourceSummarySchema>;
export type SourceJson = z.output<typeof sourceDetailSchema>;
export type CountryJson = z.output<typeof countrySchema>;
export type EventSummaryJson = z.output<typeof eventSummarySchema>;
export type EventJson = z.output<typeof eventDetailSchema>;
export type MetricDetailJson = z.output<typeof metricResponseSchema>["data"];

export function isoInstant(date: Date): string;
export function isoInstant(date: Date | null): string | null;
export function isoInstant(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

const countryRef = (country: { code: string; nameRu: string; nameEn: string }) => ({
  code: country.code,
  nameRu: country.nameRu,
  nameEn: country.nameEn,
});

export function serializeInitiativeSummary(item: InitiativeListItem): InitiativeSummaryJson {
  return {
    slug: item.slug,
    titleRu: item.titleRu,
    titleEn: item.titleEn,
    summaryRu: item.summaryRu,
    summaryEn: item.summaryEn,
    kind: item.kind,
    status: item.status,
    stage: item.stage,
    meetingRelation: item.meetingRelation,
    themes: [...item.themes],
    proposer: item.proposer ? countryRef(item.proposer) : null,
    countries: item.countries.map(countryRef),
    updatedAt: isoInstant(item.updatedAt),
    ...(item.matchedWords === null ? {} : { matchedWords: item.matchedWords }),
  };
}

type HistoryLike = Omit<HistoryItem, "initiative">;

export function serializeHistoryEntry(entry: HistoryLike, initiative: Pick<HistoryItem["initiative"], "slug" | "titleRu" | "titleEn">): HistoryEntryJson {
  return {
    id: entry.id,
    version: entry.version,
    kind: entry.kind,
    recordedAt: isoInstant(entry.recordedAt),
    effectiveOn: dayOrNull(entry.effectiveOn),
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    fromStage: entry.fromStage,
    toStage: entry.toStage,
    changes: entry.changes.map((change) => ({ field: change.field, from: change.from ?? null, to: change.to ?? null })),
    note: entry.note,
    overrideNote: entry.overrideNote,
    authorName: entry.authorName,
    reviewerName: entry.reviewerName,
    correctsId: entry.correctsId,
    evidenceUrl: entry.evidenceUrl,
    evidenceTitle: entry.evidenceTitle,
    evidenceDate: dayOrNull(entry.evidenceDate),
    quote: entry.quote ? { id: entry.quote.id, sourceId: entry.quote.sourceId, text: entry.quote.text } : null,
    initiative: { slug: initiative.slug, titleRu: initiative.titleRu, titleEn: initiative.titleEn },
  };
}

export function serializeHistoryItem(item: HistoryItem): HistoryEntryJson {
  return serializeHistoryEntry(item, item.initiative);
}

export function serializeMetric(metric: MetricView, initiativeSlug: string): MetricJson {
  return {
    slug: metric.slug,
    initiativeSlug,
    nameRu: metric.nameRu,
    nameEn: metric.nameEn,
    unitRu: metric.unitRu,
    unitEn: metric.unitEn,
    baseline: metric.baseline
      ? { value: metric.baseline.value, text: metric.baseline.text, period: metric.baseline.period, quoteId: metric.baseline.quoteId }
      : null,
    target: metric.target
      ? {
          value: metric.target.value,
          text: metric.target.text,
          dateText: metric.target.dateText,
          date: dayOrNull(metric.target.date),
          quoteId: metric.target.quoteId,
        }
      : null,
    readings: metric.readings.map((reading) => ({
      value: reading.value,
      text: reading.text,
      observedOn: dayOrNull(reading.observedOn),
      observedText: reading.observedText,
      quoteId: reading.quoteId,
    })),
  };
}

export function serializeMetricRow(metric: MetricRow): MetricJson {
  return serializeMetric(metric, metric.initiativeSlug);
}

export function serializeInitiative(detail: InitiativeDetail): InitiativeJson {
  const ref = { slug: detail.slug, titleRu: detail.titleRu, titleEn: detail.titleEn };
  return {
    slug: detail.slug,
    titleRu: detail.titleRu,
    titleEn: detail.titleEn,
    summaryRu: detail.summaryRu,
    summaryEn: detail.summaryEn,
    kind: detail.kind,
    status: detail.status,
    stage: detail.stage,
    meetingRelation: detail.meetingRelation,
    signatoriesUnnamed: detail.signatoriesUnnamed,
    statusRestsOnExperts: detail.statusRestsOnExperts,
    themes: [...detail.themes],
    event: {
      nameRu: detail.event.nameRu,
      nameEn: detail.event.nameEn,
      placeRu: detail.event.placeRu,
      placeEn: detail.event.placeEn,
      dateText: detail.event.dateText,
      attendance: detail.event.attendance.map(countryRef),
    },
    proposerCountry: detail.proposerCountry ? countryRef(detail.proposerCountry) : null,
    proposerPerson: detail.proposerPerson
      ? {
          nameRu: detail.proposerPerson.nameRu,
          nameEn: detail.proposerPerson.nameEn,
          descriptionRu: detail.proposerPerson.descriptionRu,
          descriptionEn: detail.proposerPerson.descriptionEn,
        }
      : null,
    announcedOn: dayOrNull(detail.announcedOn),
    firstReportedOn: dayOrNull(detail.firstReportedOn),
    targetDate: dayOrNull(detail.targetDate),
    targetDateText: detail.targetDateText,
    lastVerifiedOn: isoInstant(detail.lastVerifiedOn),
    version: detail.version,
    participations: detail.participations.map((p) => ({
      code: p.code,
      nameRu: p.nameRu,
      nameEn: p.nameEn,
      member: p.member,
      role: p.role,
      stage: p.stage,
    })),
    evidence: detail.evidence.map((quote) => ({
      id: quote.id,
      sourceId: quote.sourceId,
      sourceTitle: quote.sourceTitle,
      sourceOutlet: quote.sourceOutlet,
      sourcePublishedOn: dayOrNull(quote.sourcePublishedOn),
      before: quote.before,
      quote: quote.quote,
      after: quote.after,
      speaker: quote.speaker
        ? { kind: quote.speaker.kind, nameRu: quote.speaker.nameRu, nameEn: quote.speaker.nameEn, attribution: quote.speaker.attribution }
        : null,
    })),
    metrics: detail.metrics.map((metric) => serializeMetric(metric, detail.slug)),
    history: detail.history.map((entry) => serializeHistoryEntry(entry, ref)),
  };
}

export function serializeSourceSummary(source: SourceRow): SourceSummaryJson {
  return {
    id: source.id,
    title: source.title,
    outlet: source.outlet,
    publishedOn: dayOrNull(source.publishedOn),
    language: source.language,
    sha256: source.sha256,
    url: source.url,
    kind: source.kind as SourceSummaryJson["kind"],
    version: source.version,
    file: source.file,
    quoteCount: source.quoteCount,
  };
}

export function serializeSource(source: SourceDetailRow): SourceJson {
  return {
    ...serializeSourceSummary(source),
    text: source.text,
    quotes: source.quotes.map((quote) => ({
      id: quote.id,
      start: quote.start,
      end: quote.end,
      text: quote.text,
      initiativeSlug: quote.initiativeSlug,
    })),
    history: source.history.map(serializeRecordEntry),
  };
}

/** A source's, event's or metric's history entry. */
function serializeRecordEntry(entry: RecordHistoryView) {
  return {
    version: entry.version,
    action: entry.action,
    recordedAt: entry.recordedAt.toISOString(),
    author: entry.authorName,
    note: entry.note,
    changes: entry.changes.map((change) => ({ field: change.field, from: change.from ?? null, to: change.to ?? null })),
  };
}

const eventFieldsJson = (event: Pick<EventSummary, "slug" | "nameRu" | "nameEn" | "placeRu" | "placeEn" | "dateText">) => ({
  slug: event.slug,
  nameRu: event.nameRu,
  nameEn: event.nameEn,
  placeRu: event.placeRu,
  placeEn: event.placeEn,
  dateText: event.dateText,
});

export function serializeEventSummary(event: EventSummary): EventSummaryJson {
  return { ...eventFieldsJson(event), initiatives: event.initiatives, reannounced: event.reannounced };
}

export function serializeEvent(event: EventDetail): EventJson {
  const initiative = (row: EventDetail["initiatives"][number]) => ({ slug: row.slug, titleRu: row.titleRu, titleEn: row.titleEn, status: row.status });
  return {
    ...eventFieldsJson(event),
    version: event.version,
    attendance: event.attendance.map(countryRef),
    initiatives: event.initiatives.map(initiative),
    reannounced: event.reannounced.map(initiative),
    history: event.history.map(serializeRecordEntry),
  };
}

export function serializeMetricDetail(metric: MetricView, history: MetricHistory): MetricDetailJson {
  const initiative = { slug: history.initiative.slug, titleRu: history.initiative.titleRu, titleEn: history.initiative.titleEn };
  return {
    ...serializeMetric(metric, history.initiative.slug),
    history: history.record.map(serializeRecordEntry),
    changes: history.entries.map((entry) => serializeHistoryEntry(entry, initiative)),
  };
}

export function serializeCountry(country: CountryRow): CountryJson {
  return {
    code: country.code,
    nameRu: country.nameRu,
    nameEn: country.nameEn,
    member: country.member,
    initiatives: {
      total: country.initiatives.total,
      proposer: country.initiatives.proposer,
      participant: country.initiatives.participant,
      supporter: country.initiatives.supporter,
      candidate: country.initiatives.candidate,
    },
  };
}
