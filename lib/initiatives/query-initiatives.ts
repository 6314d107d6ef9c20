import { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { Db } from "../db/types";
import {
  INITIATIVE_STATUSES,
  initiativeKindSchema,
  initiativeStatusSchema,
  meetingRelationSchema,
  stageSchema,
  themeSchema,
  type InitiativeKind,
  type InitiativeStatus,
  type MeetingRelation,
  type Stage,
  type Theme,
} from "../domain/vocabulary";
import { expandQuery, type QueryConcept } from "../search/expand-query";
import { searchSql, type SearchSql } from "../search/search-sql";
import { suggestSpelling } from "../search/suggest-spelling";
import { firstParam, type SearchParams } from "../http/search-params";

/**
 * The one query behind the initiatives list, its facets, the exports and the public API:
 * the same filters mean the same rows everywhere (docs/decisions/010-full-text-search.md).
 */

export const SORTS = ["relevance", "title", "status", "updated"] as const;
export const FACETS = ["relation", "status", "stage", "theme", "kind", "country", "proposer", "source"] as const;
export type Facet = (typeof FACETS)[number];
export const MAX_PAGE_SIZE = 100;

// Only a–z are upper-cased: String#toUpperCase would turn "ß" into "SS" and "ﬁ" into "FI", i.e. into real codes.
const countryCode = z.preprocess((value) => (typeof value === "string" ? value.replace(/[a-z]/g, (c) => c.toUpperCase()) : value), z.string().regex(/^[A-Z]{2}$/));

export const initiativeQuerySchema = z.object({
  /** What the entry is to its event; `outcome` gives the meeting's own results. */
  relation: meetingRelationSchema.optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => value || undefined),
  status: initiativeStatusSchema.optional(),
  stage: stageSchema.optional(),
  theme: themeSchema.optional(),
  kind: initiativeKindSchema.optional(),
  country: countryCode.optional(),
  proposer: countryCode.optional(),
  source: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  sort: z.enum(SORTS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
});

export type InitiativeQuery = z.output<typeof initiativeQuerySchema>;
export type InitiativeFilters = Partial<Omit<InitiativeQuery, "page" | "pageSize" | "sort">> & Partial<Pick<InitiativeQuery, "page" | "pageSize" | "sort">>;


/** For pages: a value the list does not know is dropped (the page still shows), never an error. */
export function parseQueryLenient(params: SearchParams): InitiativeQuery {
  const shape = initiativeQuerySchema.shape;
  const lenient: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const raw = firstParam(params[key]);
    const parsed = shape[key].safeParse(raw);
    if (parsed.success) lenient[key] = parsed.data;
  }
  return initiativeQuerySchema.parse(lenient);
}

/** For the API: every parameter must be valid; the error lists which are not. */
export function parseQueryStrict(params: SearchParams): z.ZodSafeParseResult<InitiativeQuery> {
  const single: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) single[key] = firstParam(value);
  return initiativeQuerySchema.strict().safeParse(single);
}

/** The query string for a query (only what differs from the defaults), for links and exports. */
export function toSearchParams(query: InitiativeFilters, overrides: Partial<Record<keyof InitiativeQuery, string | number | undefined>> = {}) {
  const params = new URLSearchParams();
  const merged = { ...query, ...overrides } as Record<string, unknown>;
  for (const key of Object.keys(initiativeQuerySchema.shape)) {
    const value = merged[key];
    if (value === undefined || value === null || value === "") continue;
    if (key === "page" && Number(value) === 1) continue;
    if (key === "pageSize" && Number(value) === 25) continue;
    params.set(key, String(value));
  }
  return params;
}

const SEARCHABLE = Prisma.raw(`"kind" IN ('initiative', 'quote', 'note')`);

/**
 * WHERE conditions on `Initiative i` for every filter but `exclude` (facets count without their own filter).
 * The text query keeps initiatives matching any of its words; `withText: false` leaves it to a join on `hits`.
 */
function conditions(search: SearchSql, query: InitiativeFilters, exclude?: Facet, withText = true): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (query.relation && exclude !== "relation") where.push(Prisma.sql`i."meetingRelation" = ${query.relation}`);
  if (query.status && exclude !== "status") where.push(Prisma.sql`i."status" = ${query.status}`);
  if (query.stage && exclude !== "stage") where.push(Prisma.sql`i."stage" = ${query.stage}`);
  if (query.kind && exclude !== "kind") where.push(Prisma.sql`i."kind" = ${query.kind}`);
  if (query.theme && exclude !== "theme") {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "InitiativeTheme" t WHERE t."initiativeId" = i."id" AND t."theme" = ${query.theme})`);
  }
  if (query.country && exclude !== "country") {
    where.push(
      Prisma.sql`(i."proposerCountryCode" = ${query.country} OR EXISTS (SELECT 1 FROM "Participation" p WHERE p."initiativeId" = i."id" AND p."countryCode" = ${query.country}))`,
    );
  }
  if (query.proposer && exclude !== "proposer") where.push(Prisma.sql`i."proposerCountryCode" = ${query.proposer}`);
  if (query.source && exclude !== "source") {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Quote" q WHERE q."initiativeId" = i."id" AND q."sourceId" = ${query.source})`);
  }
  if (query.q) {
    const concepts = expandQuery(query.q);
    if (concepts.length === 0) where.push(Prisma.raw("1 = 0"));
    else if (withText) where.push(Prisma.sql`i."id" IN (SELECT "initiativeId" FROM "SearchIndex" WHERE ${search.matchesAny(concepts)} AND ${SEARCHABLE})`);
  }
  return where;
}

function whereClause(where: Prisma.Sql[]): Prisma.Sql {
  return where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
}

const STATUS_ORDER = Prisma.raw(`CASE i."status" ${INITIATIVE_STATUSES.map((status, index) => `WHEN '${status}' THEN ${index}`).join(" ")} END`);

export interface InitiativeListItem {
  slug: string;
  titleRu: string;
  titleEn: string;
  summaryRu: string;
  summaryEn: string;
  kind: InitiativeKind;
  status: InitiativeStatus;
  stage: Stage | null;
  meetingRelation: MeetingRelation;
  themes: Theme[];
  proposer: { code: string; nameRu: string; nameEn: string } | null;
  countries: { code: string; nameRu: string; nameEn: string }[];
  updatedAt: Date;
  /** With a text query: how many of its words (concepts) the initiative matches; all of them rank first. */
  matchedWords: number | null;
}

export interface InitiativePage {
  items: InitiativeListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: (typeof SORTS)[number];
  /** With a text query: how many words (concepts) it has, and how many of `total` match them all. */
  words: { count: number; allMatched: number } | null;
  /** When a text query finds nothing: the query with its unknown words corrected (lib/search/suggest-spelling.ts). */
  suggestion: string | null;
}

export interface ListSql {
  count: Prisma.Sql;
  ids: Prisma.Sql;
}

/** The two statements behind a page of the list: the total, and the page's ids in order (bounded offset). */
/** `all`: every id in order, without the page's LIMIT and OFFSET (exports). */
export function listSql(db: Db, query: InitiativeFilters, locale = "ru", options: { all?: boolean } = {}): ListSql {
  const search = searchSql(db);
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 25, MAX_PAGE_SIZE);
  const sort = query.sort ?? (query.q ? "relevance" : "title");
  const concepts = query.q ? expandQuery(query.q) : [];
  const where = whereClause(conditions(search, query, undefined, concepts.length === 0));
  const title = Prisma.raw(locale === "en" ? `i."titleEn"` : `i."titleRu"`);
  const limit = options.all ? Prisma.empty : Prisma.sql` LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;

  let order: Prisma.Sql;
  if (sort === "status") order = Prisma.sql`${STATUS_ORDER} ASC, ${title} ASC`;
  else if (sort === "updated") order = Prisma.sql`i."updatedAt" DESC, ${title} ASC`;
  else order = Prisma.sql`${title} ASC`;
  if (concepts.length === 0) {
    return {
      count: Prisma.sql`SELECT count(*) AS n FROM "Initiative" i ${where}`,
      ids: Prisma.sql`SELECT i."id" AS id FROM "Initiative" i ${where} ORDER BY ${order}, i."id" ASC${limit}`,
    };
  }

  // Initiatives matching every word come first, whatever the order asked for; then those matching fewer.
  // With relevance, then by how many words the title itself holds, then by score.
  const relevance = sort === "relevance";
  const from = Prisma.sql`WITH hits AS MATERIALIZED (${hitsSql(search, concepts, relevance)})
    SELECT i."id" AS id, h.matched AS matched FROM "Initiative" i
    JOIN (SELECT id, COUNT(*) AS matched, SUM(titled) AS titled, SUM(best) AS score FROM (SELECT id, k, MIN(score) AS best, MAX(titled) AS titled FROM hits GROUP BY id, k) hk GROUP BY id) h ON h.id = i."id"`;
  if (relevance) order = Prisma.sql`h.titled DESC, h.score ASC, ${title} ASC`;
  return {
    count: countSql(search, concepts, where),
    ids: Prisma.sql`${from} ${where} ORDER BY h.matched DESC, ${order}, i."id" ASC${limit}`,
  };
}

/**
 * One row per (initiative, concept it matches, matching row), and with `ranked` one more per
 * concept its title holds (titled = 1, no score). MATERIALIZED keeps SQLite from flattening
 * bm25() into the aggregate, where FTS5 refuses it.
 */
function hitsSql(search: SearchSql, concepts: QueryConcept[], ranked: boolean): Prisma.Sql {
  const branches = concepts.flatMap((concept, k) => {
    const key = Prisma.raw(String(k));
    const hit = Prisma.sql`SELECT "initiativeId" AS id, ${key} AS k, ${ranked ? search.scoreAny([concept]) : Prisma.raw("0")} AS score, 0 AS titled
        FROM "SearchIndex" WHERE ${search.matchesAny([concept])} AND ${SEARCHABLE}`;
    if (!ranked) return [hit];
    return [hit, Prisma.sql`SELECT "initiativeId", ${key}, NULL, 1 FROM "SearchIndex" WHERE ${search.matchesAny([concept], "title")} AND "kind" = 'initiative'`];
  });
  return Prisma.join(branches, " UNION ALL ");
}

function countSql(search: SearchSql, concepts: QueryConcept[], where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`WITH hits AS MATERIALIZED (${hitsSql(search, concepts, false)})
    SELECT count(*) AS n, COALESCE(SUM(CASE WHEN h.matched = ${Prisma.raw(String(concepts.length))} THEN 1 ELSE 0 END), 0) AS "allMatched"
    FROM "Initiative" i JOIN (SELECT id, COUNT(DISTINCT k) AS matched FROM hits GROUP BY id) h ON h.id = i."id" ${where}`;
}

export async function queryInitiatives(prisma: PrismaClient, query: InitiativeFilters, locale = "ru"): Promise<InitiativePage> {
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 25, MAX_PAGE_SIZE);
  const sort = query.sort ?? (query.q ? "relevance" : "title");
  const sql = listSql(prisma, query, locale);
  const [countRow] = await prisma.$queryRaw<{ n: number | bigint; allMatched?: number | bigint }[]>(sql.count);
  const total = Number(countRow?.n ?? 0);
  const rows = await prisma.$queryRaw<{ id: number | bigint; matched?: number | bigint }[]>(sql.ids);
  const ids = rows.map((row) => Number(row.id));
  const matched = new Map(rows.flatMap((row) => (row.matched === undefined ? [] : [[Number(row.id), Number(row.matched)] as const])));
  const items = await listItems(prisma, ids, matched);
  const concepts = query.q ? expandQuery(query.q).length : 0;
  const words = query.q ? { count: concepts, allMatched: Number(countRow?.allMatched ?? 0) } : null;
  const suggestion = query.q && total === 0 ? await suggestSpelling(prisma, query.q, "list") : null;
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), sort, words, suggestion };
}

/** Every id the filters select, in the list's order (for exports, which read the rows in pages). */
export async function allInitiativeIds(prisma: PrismaClient, query: InitiativeFilters, locale = "ru"): Promise<number[]> {
  const { ids } = listSql(prisma, query, locale, { all: true });
  return (await prisma.$queryRaw<{ id: number | bigint }[]>(ids)).map((row) => Number(row.id));
}

/** The list's items for these ids, in the given order. */
export async function listItems(prisma: PrismaClient, ids: number[], matched = new Map<number, number>()): Promise<InitiativeListItem[]> {
  const rows = await prisma.initiative.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      slug: true,
      titleRu: true,
      titleEn: true,
      summaryRu: true,
      summaryEn: true,
      kind: true,
      status: true,
      stage: true,
      meetingRelation: true,
      updatedAt: true,
      themes: { select: { theme: true }, orderBy: { theme: "asc" } },
      proposerCountry: { select: { code: true, nameRu: true, nameEn: true } },
      participations: { select: { country: { select: { code: true, nameRu: true, nameEn: true } } }, orderBy: { countryCode: "asc" } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { id: _id, themes, proposerCountry, participations, ...rest } = row;
    return [
      {
        ...rest,
        themes: themes.map((t) => t.theme),
        proposer: proposerCountry,
        countries: participations.map((p) => p.country),
        matchedWords: matched.get(id) ?? null,
      },
    ];
  });
}

export interface FacetValue {
  value: string;
  count: number;
}

/** For every facet, how many initiatives each value would give with all the other filters applied. */
export async function facetCounts(prisma: PrismaClient, query: InitiativeFilters): Promise<Record<Facet, FacetValue[]>> {
  const search = searchSql(prisma);
  const run = async (facet: Facet, select: (where: Prisma.Sql) => Prisma.Sql) => {
    const rows = await prisma.$queryRaw<{ value: string | number | bigint | null; n: number | bigint }[]>(select(whereClause(conditions(search, query, facet))));
    return rows
      .filter((row) => row.value !== null)
      .map((row) => ({ value: String(row.value), count: Number(row.n) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  const simple = (column: string) => (where: Prisma.Sql) =>
    Prisma.sql`SELECT i.${Prisma.raw(`"${column}"`)} AS value, count(*) AS n FROM "Initiative" i ${where} GROUP BY i.${Prisma.raw(`"${column}"`)}`;
  const [relation, status, stage, kind, proposer, theme, country, source] = await Promise.all([
    run("relation", simple("meetingRelation")),
    run("status", simple("status")),
    run("stage", simple("stage")),
    run("kind", simple("kind")),
    run("proposer", simple("proposerCountryCode")),
    run("theme", (where) => Prisma.sql`SELECT t."theme" AS value, count(DISTINCT i."id") AS n FROM "Initiative" i JOIN "InitiativeTheme" t ON t."initiativeId" = i."id" ${where} GROUP BY t."theme"`),
    run(
      "country",
      (where) => Prisma.sql`SELECT c.code AS value, count(DISTINCT c.id) AS n FROM (
         SELECT i."id" AS id, i."proposerCountryCode" AS code FROM "Initiative" i ${where}
         UNION SELECT i."id", p."countryCode" FROM "Initiative" i JOIN "Participation" p ON p."initiativeId" = i."id" ${where}
       ) c GROUP BY c.code`,
    ),
    run("source", (where) => Prisma.sql`SELECT q."sourceId" AS value, count(DISTINCT i."id") AS n FROM "Initiative" i JOIN "Quote" q ON q."initiativeId" = i."id" ${where} GROUP BY q."sourceId"`),
  ]);
  return { relation, status, stage, theme, kind, country, proposer, source };
}
