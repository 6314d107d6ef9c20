import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { HISTORY_ITEM_SELECT, historyWhere, toHistoryItem, type HistoryFilter, type HistoryItem } from "../history/list-history";
import { METRIC_VIEW_SELECT, toMetricView, type MetricView } from "../metrics/metric-view";
import { listRecordHistory, type RecordHistoryView } from "../records/record-history";
import { sourceWhere, type SourceFilters } from "../sources/list-sources";

/**
 * The API's own reads (what the pages' data layer does not already give). Each takes the
 * client as a parameter and selects only the columns the response shows: never users'
 * e-mails, ids or password hashes, sessions, or the search column.
 */

export interface SourceRow {
  id: number;
  title: string | null;
  outlet: string | null;
  publishedOn: Date | null;
  language: string;
  sha256: string;
  url: string | null;
  kind: string | null;
  version: number;
  file: { name: string; mediaType: string; size: number; sha256: string } | null;
  quoteCount: number;
}

export interface SourceDetailRow extends SourceRow {
  text: string;
  quotes: { id: number; start: number; end: number; text: string; initiativeSlug: string | null }[];
  history: RecordHistoryView[];
}

const SOURCE_SUMMARY_SELECT = {
  id: true,
  title: true,
  outlet: true,
  publishedOn: true,
  language: true,
  sha256: true,
  url: true,
  kind: true,
  version: true,
  file: { select: { name: true, mediaType: true, size: true, sha256: true } },
} as const;

/** Every source matching the filters, without its text (one query). */
export async function listApiSources(prisma: PrismaClient, filters: SourceFilters = {}): Promise<SourceRow[]> {
  const rows = await prisma.source.findMany({
    where: sourceWhere(filters),
    select: { ...SOURCE_SUMMARY_SELECT, _count: { select: { quotes: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, quoteCount: _count.quotes }));
}

export async function getApiSource(prisma: PrismaClient, id: number): Promise<SourceDetailRow | null> {
  const row = await prisma.source.findUnique({
    where: { id },
    select: {
      ...SOURCE_SUMMARY_SELECT,
      text: true,
      quotes: {
        select: { id: true, start: true, end: true, text: true, initiative: { select: { slug: true } } },
        orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
      },
    },
  });
  if (!row) return null;
  return {
    ...row,
    quoteCount: row.quotes.length,
    quotes: row.quotes.map(({ initiative, ...quote }) => ({ ...quote, initiativeSlug: initiative?.slug ?? null })),
    history: await listRecordHistory(prisma, "source", row.id),
  };
}

export interface CountryRow {
  code: string;
  nameRu: string;
  nameEn: string;
  member: boolean;
  initiatives: { total: number; proposer: number; participant: number; supporter: number; candidate: number };
}

/**
 * Every country with its counts (two queries). `total` is what the list's `country` filter
 * selects: initiatives the country proposes or takes part in, in any role.
 */
export async function listApiCountries(prisma: PrismaClient): Promise<CountryRow[]> {
  const [countries, counts] = await Promise.all([
    prisma.country.findMany({ select: { code: true, nameRu: true, nameEn: true, member: true }, orderBy: [{ member: "desc" }, { code: "asc" }] }),
    prisma.$queryRawUnsafe<
      {
        code: string;
        total: number | bigint;
        proposer: number | bigint;
        participant: number | bigint;
        supporter: number | bigint;
        candidate: number | bigint;
      }[]
    >(
      `SELECT c.code AS code,
              count(DISTINCT c.id) AS total,
              count(DISTINCT CASE WHEN c.role = 'proposer' THEN c.id END) AS proposer,
              count(DISTINCT CASE WHEN c.role = 'participant' THEN c.id END) AS participant,
              count(DISTINCT CASE WHEN c.role = 'supporter' THEN c.id END) AS supporter,
              count(DISTINCT CASE WHEN c.role = 'candidate' THEN c.id END) AS candidate
       FROM (
         SELECT i."id" AS id, i."proposerCountryCode" AS code, 'proposer' AS role FROM "Initiative" i WHERE i."proposerCountryCode" IS NOT NULL AND i."mergedIntoId" IS NULL
         UNION ALL
         SELECT p."initiativeId", p."countryCode", p."role" FROM "Participation" p
       ) c
       GROUP BY c.code`,
    ),
  ]);
  const byCode = new Map(counts.map((row) => [row.code, row]));
  return countries.map((country) => {
    const row = byCode.get(country.code);
    return {
      ...country,
      initiatives: {
        total: Number(row?.total ?? 0),
        proposer: Number(row?.proposer ?? 0),
        participant: Number(row?.participant ?? 0),
        supporter: Number(row?.supporter ?? 0),
        candidate: Number(row?.candidate ?? 0),
      },
    };
  });
}

export type MetricRow = MetricView & { initiativeSlug: string };

/** Every metric with its readings, oldest reading first (one query). */
export async function listApiMetrics(prisma: PrismaClient): Promise<MetricRow[]> {
  const rows = await prisma.metric.findMany({
    orderBy: { id: "asc" },
    select: { ...METRIC_VIEW_SELECT, initiative: { select: { slug: true } } },
  });
  return rows.map(({ initiative, ...metric }) => ({ ...toMetricView(metric), initiativeSlug: initiative.slug }));
}

/** One metric with its readings, or null. */
export async function getApiMetric(prisma: PrismaClient, slug: string): Promise<MetricView | null> {
  const row = await prisma.metric.findUnique({ where: { slug }, select: METRIC_VIEW_SELECT });
  return row ? toMetricView(row) : null;
}

/**
 * One page of history, newest first, with the same filter and item shape as listHistory
 * (lib/history/list-history.ts), plus the total: a count and a skip/take query.
 */
export async function pageApiHistory(
  prisma: PrismaClient,
  filter: Omit<HistoryFilter, "limit" | "order">,
  page: number,
  pageSize: number,
): Promise<{ items: HistoryItem[]; total: number }> {
  const where = historyWhere(filter);
  const [total, rows] = await Promise.all([
    prisma.historyEntry.count({ where }),
    prisma.historyEntry.findMany({
      where,
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: HISTORY_ITEM_SELECT,
    }),
  ]);
  return { items: rows.map(toHistoryItem), total };
}
