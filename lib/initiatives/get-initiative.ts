import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { CountryRole, SpeakerKind, Stage } from "../domain/vocabulary";
import { HISTORY_ENTRY_VIEW_SELECT, toHistoryItem, type HistoryItem } from "../history/list-history";
import { METRIC_VIEW_SELECT, toMetricView, type MetricView } from "../metrics/metric-view";
import { quoteInContext, type QuoteInContext } from "../sources/quote-context";
import { COUNTRY_NAME_SELECT, INITIATIVE_CORE_SELECT, INITIATIVE_NAME_SELECT, THEMES_SELECT, type InitiativeCore } from "./initiative-select";
import { EVENT_SELECT, type EventFields } from "../events/event-select";

export interface EvidenceQuote extends QuoteInContext {
  id: number;
  sourceId: number;
  sourceTitle: string | null;
  sourceOutlet: string | null;
  sourcePublishedOn: Date | null;
  /** Null when the narrator (the outlet) speaks. */
  speaker: QuoteSpeaker | null;
}

export interface QuoteSpeaker {
  kind: Exclude<SpeakerKind, "narrator">;
  nameRu: string;
  nameEn: string;
  /** The attribution phrase as written. */
  attribution: string | null;
}

/** The select and mapping of a quote's speaker, shared by every view that shows quotes. */
export const QUOTE_SPEAKER_SELECT = {
  speakerKind: true,
  attribution: true,
  speakerPerson: { select: { nameRu: true, nameEn: true } },
} as const;

export function toQuoteSpeaker(quote: {
  speakerKind: SpeakerKind;
  attribution: string | null;
  speakerPerson: { nameRu: string; nameEn: string } | null;
}): QuoteSpeaker | null {
  if (quote.speakerKind === "narrator" || !quote.speakerPerson) return null;
  return { kind: quote.speakerKind, nameRu: quote.speakerPerson.nameRu, nameEn: quote.speakerPerson.nameEn, attribution: quote.attribution };
}

/** A history entry on its initiative's own page: the shared history item, without the initiative. */
export type HistoryEntryView = Omit<HistoryItem, "initiative">;

export interface InitiativeDetail extends InitiativeCore {
  /** A signed document whose text does not list its signatories. */
  signatoriesUnnamed: boolean;
  /** Every quote is an expert's: no official or outlet statement backs the status. */
  statusRestsOnExperts: boolean;
  event: EventFields & { attendance: { code: string; nameRu: string; nameEn: string }[] };
  /** Later events a quote says it was announced again at (never a second initiative), in order of first quote. */
  reannouncements: { slug: string; nameRu: string; nameEn: string; dateText: string | null }[];
  proposerCountry: { code: string; nameRu: string; nameEn: string } | null;
  proposerPerson: { nameRu: string; nameEn: string; descriptionRu: string; descriptionEn: string } | null;
  announcedOn: Date | null;
  /** The earliest publication date among the sources that report it, when any is known. */
  firstReportedOn: Date | null;
  targetDate: Date | null;
  targetDateText: string | null;
  lastVerifiedOn: Date | null;
  version: number;
  participations: { code: string; nameRu: string; nameEn: string; member: boolean; role: CountryRole; stage: Stage | null }[];
  evidence: EvidenceQuote[];
  metrics: MetricView[];
  history: HistoryEntryView[];
  historyTotal: number;
  historyPage: number;
  historyPageCount: number;
  /** Duplicates an admin merged into this initiative, each with its own history, newest first. */
  mergedFrom: { slug: string; titleRu: string; titleEn: string; history: HistoryEntryView[] }[];
}

export const HISTORY_PAGE_SIZE = 50;

/** Everything the page shows; the history comes a page at a time, newest first. */
export async function getInitiative(
  prisma: PrismaClient,
  slug: string,
  historyPage = 1,
  historyPageSize = HISTORY_PAGE_SIZE,
): Promise<InitiativeDetail | null> {
  const row = await prisma.initiative.findUnique({
    // A merged duplicate's page redirects to the initiative it was merged into (mergedTarget).
    where: { slug, mergedIntoId: null },
    select: {
      ...INITIATIVE_CORE_SELECT,
      signatoriesUnnamed: true,
      announcedOn: true,
      targetDate: true,
      targetDateText: true,
      lastVerifiedOn: true,
      version: true,
      themes: THEMES_SELECT,
      eventId: true,
      event: {
        select: {
          ...EVENT_SELECT,
          attendances: { select: { country: { select: COUNTRY_NAME_SELECT } }, orderBy: { countryCode: "asc" } },
        },
      },
      proposerCountry: { select: COUNTRY_NAME_SELECT },
      proposerPerson: { select: { nameRu: true, nameEn: true, descriptionRu: true, descriptionEn: true } },
      participations: {
        select: {
          role: true,
          stage: true,
          country: { select: { ...COUNTRY_NAME_SELECT, member: true } },
        },
        orderBy: [{ role: "asc" }, { countryCode: "asc" }],
      },
      quotes: {
        select: {
          id: true,
          start: true,
          end: true,
          ...QUOTE_SPEAKER_SELECT,
          source: { select: { id: true, title: true, outlet: true, publishedOn: true, text: true } },
          event: { select: { id: true, slug: true, nameRu: true, nameEn: true, dateText: true } },
        },
        orderBy: [{ sourceId: "asc" }, { start: "asc" }],
      },
      metrics: {
        select: METRIC_VIEW_SELECT,
        orderBy: { id: "asc" },
      },
      history: {
        select: HISTORY_ENTRY_VIEW_SELECT,
        orderBy: { version: "desc" },
        take: historyPageSize,
        skip: (Math.max(1, historyPage) - 1) * historyPageSize,
      },
      _count: { select: { history: true } },
      // Duplicates merged into this one: their histories stay readable here, whole (read below).
      mergedFrom: { select: { id: true, ...INITIATIVE_NAME_SELECT }, orderBy: { id: "asc" } },
    },
  });
  if (!row) return null;
  // Read only when there are duplicates: a nested select costs five queries even when it finds none.
  const mergedHistory = row.mergedFrom.length
    ? await prisma.historyEntry.findMany({
        where: { initiativeId: { in: row.mergedFrom.map((duplicate) => duplicate.id) } },
        select: { ...HISTORY_ENTRY_VIEW_SELECT, initiativeId: true },
        orderBy: { version: "desc" },
      })
    : [];

  const publicationDates = row.quotes
    .map((quote) => quote.source.publishedOn)
    .filter((date): date is Date => date !== null)
    .sort((a, b) => a.getTime() - b.getTime());

  return {
    slug: row.slug,
    titleRu: row.titleRu,
    titleEn: row.titleEn,
    summaryRu: row.summaryRu,
    summaryEn: row.summaryEn,
    kind: row.kind,
    status: row.status,
    stage: row.stage,
    themes: row.themes.map((t) => t.theme),
    meetingRelation: row.meetingRelation,
    signatoriesUnnamed: row.signatoriesUnnamed,
    statusRestsOnExperts: row.quotes.length > 0 && row.quotes.every((quote) => quote.speakerKind === "expert"),
    event: (({ attendances, ...event }) => ({ ...event, attendance: attendances.map((a) => a.country) }))(row.event),
    reannouncements: [
      ...new Map(
        row.quotes
          .filter((quote) => quote.event && quote.event.id !== row.eventId)
          .sort((a, b) => a.id - b.id)
          .map(({ event }) => [event!.id, { slug: event!.slug, nameRu: event!.nameRu, nameEn: event!.nameEn, dateText: event!.dateText }]),
      ).values(),
    ],
    proposerCountry: row.proposerCountry,
    proposerPerson: row.proposerPerson,
    announcedOn: row.announcedOn,
    firstReportedOn: publicationDates[0] ?? null,
    targetDate: row.targetDate,
    targetDateText: row.targetDateText,
    lastVerifiedOn: row.lastVerifiedOn,
    version: row.version,
    participations: row.participations.map((p) => ({ ...p.country, role: p.role, stage: p.stage })),
    evidence: outermostQuotes(row.quotes).map((quote) => ({
      id: quote.id,
      sourceId: quote.source.id,
      sourceTitle: quote.source.title,
      sourceOutlet: quote.source.outlet,
      sourcePublishedOn: quote.source.publishedOn,
      speaker: toQuoteSpeaker(quote),
      ...quoteInContext(quote.source.text, quote.start, quote.end),
    })),
    metrics: row.metrics.map(toMetricView),
    historyTotal: row._count.history,
    historyPage: Math.max(1, historyPage),
    historyPageCount: Math.max(1, Math.ceil(row._count.history / historyPageSize)),
    history: row.history.map((entry) => toHistoryItem(entry)),
    mergedFrom: row.mergedFrom.map(({ id, ...duplicate }) => ({
      ...duplicate,
      history: mergedHistory.flatMap(({ initiativeId, ...entry }) => (initiativeId === id ? [toHistoryItem(entry)] : [])),
    })),
  };
}

/**
 * Quotes that no other quote of the same source contains: a short span cited for one
 * fact (a proposer, a figure) is already visible inside the longer passage around it.
 */
function outermostQuotes<Q extends { id: number; start: number; end: number; source: { id: number } }>(quotes: Q[]): Q[] {
  return quotes.filter(
    (quote) =>
      !quotes.some(
        (other) =>
          other.id !== quote.id &&
          other.source.id === quote.source.id &&
          other.start <= quote.start &&
          other.end >= quote.end &&
          (other.end - other.start > quote.end - quote.start || other.id < quote.id),
      ),
  );
}
