import "server-only";
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

/**
 * WHERE conditions on `Initiative i` for every filter but `exclude` (facets count without their own
 * filter); `joinedHits`: the text query is already applied by a join on its hits. The text query
 * keeps initiatives matching any of its words (docs/decisions/034-search-relevance.md).
 */
function conditions(search: SearchSql, query: InitiativeFilters, exclude?: Facet, joinedHits = false): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (query.relation && exclude !== "relation") where.push(Prisma.sql`i."meetingRelation" = ${query.relation}`);
  if (query.status && exclude !== "status") where.push(Prisma.sql`i."status" = ${query.status}`);
  if (query.stage && exclude !== "stage") where.push(Prisma.sql`i."stage" = ${query.stage}`);
  if (query.kind && exclude !== "kind") where.push(Prisma.sql`i."kind" = ${query.kind}`);
  if (query.theme && exclude !== "theme") {
    where.push(Prisma.sql`i."id" IN (SELECT t."initiativeId" FROM "InitiativeTheme" t WHERE t."theme" = ${query.theme})`);
  }
  if (query.country && exclude !== "country") {
    where.push(
      Prisma.sql`i."id" IN (SELECT p."initiativeId" FROM "Participation" p WHERE p."countryCode" = ${query.country}
        UNION SELECT o."id" FROM "Initiative" o WHERE o."proposerCountryCode" = ${query.country})`,
    );
  }
  if (query.proposer && exclude !== "proposer") where.push(Prisma.sql`i."proposerCountryCode" = ${query.proposer}`);
  if (query.source && exclude !== "source") {
    where.push(Prisma.sql`i."id" IN (SELECT q."initiativeId" FROM "Quote" q WHERE q."sourceId" = ${query.source})`);
  }
  if (query.q) {
    const concepts = expandQuery(query.q);
    if (concepts.length === 0) where.push(Prisma.raw("1 = 0"));
    else if (!joinedHits) where.push(Prisma.sql`i."id" IN (SELECT id FROM (${search.initiativeRows(concepts)}) hit)`);
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
  /** The ids' rows also carry `total` (every matching row's count), so `count` is needed only for a page past the end. */
  idsCount: boolean;
}

/** The two statements behind a page of the list: the total, and the page's ids in order (bounded offset). */
/** `all`: every id in order, without the page's LIMIT and OFFSET (exports). */
export function listSql(db: Db, query: InitiativeFilters, locale = "ru", options: { all?: boolean } = {}): ListSql {
  const search = searchSql(db);
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 25, MAX_PAGE_SIZE);
  const sort = query.sort ?? (query.q ? "relevance" : "title");
  const concepts = query.q ? expandQuery(query.q) : [];
  const limit = options.all ? Prisma.empty : Prisma.sql` LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  if (concepts.length === 0) {
    const where = whereClause(conditions(search, query));
    return {
      count: Prisma.sql`SELECT count(*) AS n FROM "Initiative" i ${where}`,
      ids: Prisma.sql`SELECT i."id" AS id FROM "Initiative" i ${where} ORDER BY ${orderBy(sortKeys(sort, locale))}${limit}`,
      idsCount: false,
    };
  }
  // Initiatives matching every word come first, whatever the order asked for, then those matching
  // fewer; by relevance, then by how many words the title itself holds, then by score.
  const ranked = sort === "relevance";
  const title = Prisma.raw(locale === "en" ? `i."titleEn"` : `i."titleRu"`);
  const order = ranked ? Prisma.sql`h.titled DESC, h.score ASC, ${title} ASC, i."id" ASC` : orderBy(sortKeys(sort, locale));
  const where = whereClause(conditions(search, query, undefined, true));
  // The hits drive the join (read once, not per initiative). The list reads and sorts all of them
  // anyway, so a page also carries the totals, and `count` runs only for a page past the end.
  const totals = options.all
    ? Prisma.empty
    : Prisma.sql`, count(*) OVER () AS total, SUM(CASE WHEN h.matched = ${Prisma.raw(String(concepts.length))} THEN 1 ELSE 0 END) OVER () AS "allMatched"`;
  return {
    count: countSql(search, concepts, where),
    ids: Prisma.sql`WITH hits AS MATERIALIZED (${hitsSql(search, concepts, ranked)})
      SELECT i."id" AS id, h.matched AS matched${totals} FROM (${MATCHED}) h JOIN "Initiative" i ON i."id" = h.id ${where}
      ORDER BY h.matched DESC, ${order}${limit}`,
    idsCount: !options.all,
  };
}

/** Per initiative: how many concepts it matches, how many its title holds, and the sum of each concept's best score. */
const MATCHED = Prisma.raw(`SELECT id, COUNT(*) AS matched, SUM(titled) AS titled, SUM(best) AS score
  FROM (SELECT id, k, MIN(score) AS best, MAX(titled) AS titled FROM hits GROUP BY id, k) hk GROUP BY id`);

/**
 * One row per (initiative, concept it matches, matching row), and with `ranked` one more per
 * concept its title holds (titled = 1, no score). MATERIALIZED keeps SQLite from flattening
 * bm25() into the aggregate, where FTS5 refuses it.
 */
function hitsSql(search: SearchSql, concepts: QueryConcept[], ranked: boolean): Prisma.Sql {
  const branches = concepts.flatMap((concept, k) => {
    const key = Prisma.raw(String(k));
    const hit = Prisma.sql`SELECT hit.id AS id, ${key} AS k, ${ranked ? Prisma.raw("hit.score") : Prisma.raw("0")} AS score, 0 AS titled
      FROM (${search.initiativeRows([concept], { score: ranked })}) hit`;
    if (!ranked) return [hit];
    return [hit, Prisma.sql`SELECT titled.id, ${key}, NULL, 1 FROM (${search.titleRows([concept])}) titled`];
  });
  return Prisma.join(branches, " UNION ALL ");
}

function countSql(search: SearchSql, concepts: QueryConcept[], where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`WITH hits AS MATERIALIZED (${hitsSql(search, concepts, false)})
    SELECT count(*) AS n, COALESCE(SUM(CASE WHEN h.matched = ${Prisma.raw(String(concepts.length))} THEN 1 ELSE 0 END), 0) AS "allMatched"
    FROM (SELECT id, COUNT(DISTINCT k) AS matched FROM hits GROUP BY id) h JOIN "Initiative" i ON i."id" = h.id ${where}`;
}

/** One column of an order on `Initiative i`. */
interface SortKey {
  sql: Prisma.Sql;
  descending?: boolean;
}

/** The list's order for every sort but relevance, ending in the id so that it is total. */
function sortKeys(sort: (typeof SORTS)[number], locale: string): SortKey[] {
  const title = { sql: Prisma.raw(locale === "en" ? `i."titleEn"` : `i."titleRu"`) };
  const id = { sql: Prisma.raw(`i."id"`) };
  if (sort === "status") return [{ sql: STATUS_ORDER }, title, id];
  if (sort === "updated") return [{ sql: Prisma.raw(`i."updatedAt"`), descending: true }, title, id];
  return [title, id];
}

function orderBy(keys: SortKey[]): Prisma.Sql {
  return Prisma.join(
    keys.map((key) => Prisma.sql`${key.sql} ${Prisma.raw(key.descending ? "DESC" : "ASC")}`),
    ", ",
  );
}

/**
 * The rows after `values` in the order of `keys`: (k0 > v0) OR (k0 = v0 AND (k1 > v1 OR …)), with
 * k0 >= v0 in front so that the database seeks in k0's index instead of scanning from the start.
 */
function after(keys: SortKey[], values: unknown[]): Prisma.Sql {
  const beyond = (key: SortKey, value: unknown, orEqual = false) => Prisma.sql`${key.sql} ${Prisma.raw((key.descending ? "<" : ">") + (orEqual ? "=" : ""))} ${value}`;
  const strictly = (index: number): Prisma.Sql =>
    index === keys.length - 1 ? beyond(keys[index]!, values[index]) : Prisma.sql`(${beyond(keys[index]!, values[index])} OR (${keys[index]!.sql} = ${values[index]} AND ${strictly(index + 1)}))`;
  return Prisma.sql`${beyond(keys[0]!, values[0], true)} AND ${strictly(0)}`;
}

/**
 * Every id the filters select, in the list's order, `pageSize` at a time: each page is one query
 * that starts after the last row of the one before (keyset), so nothing grows with the data and
 * each query stays short. Sorted by status, one keyset by title per status in the list's order.
 * With a text query the order starts with a count computed for the query (and relevance is a score),
 * not a column: those ids (only the search's hits) are read at once.
 */
export async function* initiativeIdPages(prisma: PrismaClient, query: InitiativeFilters, locale: string, pageSize: number): AsyncGenerator<number[]> {
  const sort = query.sort ?? (query.q ? "relevance" : "title");
  // With a text query every order starts with how many words match, which is no column: those ids
  // (only the search's hits) are read at once.
  if (query.q && expandQuery(query.q).length) {
    const ids = await allInitiativeIds(prisma, query, locale);
    for (let start = 0; start < ids.length; start += pageSize) yield ids.slice(start, start + pageSize);
    return;
  }
  const filters = conditions(searchSql(prisma), query);
  const keys = sortKeys(sort === "status" ? "title" : sort, locale);
  // By the rank, not `status = …`: the planner would take the status index and sort a whole status per page.
  const groups = sort === "status" ? INITIATIVE_STATUSES.map((_, rank) => [Prisma.sql`${STATUS_ORDER} = ${rank}`]) : [[]];
  const columns = Prisma.join(keys.map((key, index) => Prisma.sql`${key.sql} AS ${Prisma.raw(`k${index}`)}`));
  for (const group of groups) {
    let last: unknown[] | undefined;
    for (;;) {
      const where = whereClause([...filters, ...group, ...(last ? [after(keys, last)] : [])]);
      const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT ${columns} FROM "Initiative" i ${where} ORDER BY ${orderBy(keys)} LIMIT ${pageSize}`;
      if (rows.length) yield rows.map((row) => Number(row[`k${keys.length - 1}`]));
      if (rows.length < pageSize) break;
      const row = rows[rows.length - 1]!;
      last = keys.map((_, index) => row[`k${index}`]);
    }
  }
}

export async function queryInitiatives(prisma: PrismaClient, query: InitiativeFilters, locale = "ru"): Promise<InitiativePage> {
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 25, MAX_PAGE_SIZE);
  const sort = query.sort ?? (query.q ? "relevance" : "title");
  const sql = listSql(prisma, query, locale);
  const rows = await prisma.$queryRaw<{ id: number | bigint; matched?: number | bigint; total?: number | bigint; allMatched?: number | bigint }[]>(sql.ids);
  const countRow = sql.idsCount && rows.length > 0 ? { n: rows[0]!.total, allMatched: rows[0]!.allMatched } : (await prisma.$queryRaw<{ n: number | bigint; allMatched?: number | bigint }[]>(sql.count))[0];
  const total = Number(countRow?.n ?? 0);
  const ids = rows.map((row) => Number(row.id));
  const matched = new Map(rows.flatMap((row) => (row.matched === undefined ? [] : [[Number(row.id), Number(row.matched)] as const])));
  const items = await listItems(prisma, ids, matched);
  const words = query.q ? { count: expandQuery(query.q).length, allMatched: Number(countRow?.allMatched ?? 0) } : null;
  const suggestion = query.q && total === 0 ? await suggestSpelling(prisma, query.q, "list") : null;
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), sort, words, suggestion };
}

/** Every id the filters select, in the list's order, at once (relevance-sorted exports). */
async function allInitiativeIds(prisma: PrismaClient, query: InitiativeFilters, locale = "ru"): Promise<number[]> {
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

/** The column of `Initiative` behind a single-valued facet. */
const FACET_COLUMN: Partial<Record<Facet, string>> = { relation: "meetingRelation", status: "status", stage: "stage", kind: "kind", proposer: "proposerCountryCode" };

/**
 * For every facet, how many initiatives each value would give with all the other filters applied.
 * One statement. A facet whose count needs no filter at all (nothing selected, or only its own
 * filter, and no text query) reads its own table's index. The others count from one set read
 * once: the initiatives that match the text query and fail at most one of the facet filters, each
 * with a 0/1 flag per active filter. Eight statements each re-evaluating the filters and the text
 * query over every initiative took 1–3 s at 100,000 initiatives (docs/decisions/031).
 */
export async function facetCounts(prisma: PrismaClient, query: InitiativeFilters): Promise<Record<Facet, FacetValue[]>> {
  const search = searchSql(prisma);
  const only = (facet: Facet) => conditions(search, { [facet]: query[facet] } as InitiativeFilters);
  const active = FACETS.filter((facet) => only(facet).length > 0);
  const textOnly = conditions(search, { q: query.q });
  const whole = (facet: Facet) => textOnly.length === 0 && active.every((other) => other === facet);
  const test = (facet: Facet) => Prisma.sql`CASE WHEN ${Prisma.join(only(facet), " AND ")} THEN 1 ELSE 0 END`;
  // Rows failing two or more filters count nowhere; with one filter, rows failing it count only for its own (whole) facet.
  const narrowing =
    active.length >= 2 ? [Prisma.sql`(${Prisma.join(active.map(test), " + ")}) >= ${active.length - 1}`] : active.length === 1 && textOnly.length === 0 ? only(active[0]!) : [];
  const others = (facet: Facet, join?: Prisma.Sql) => {
    const rest = active.filter((other) => other !== facet).map((other) => Prisma.raw(`b."f_${other}" = 1`));
    const all = join ? [join, ...rest] : rest;
    return all.length ? Prisma.sql`WHERE ${Prisma.join(all, " AND ")}` : Prisma.empty;
  };
  const label = (facet: Facet) => Prisma.raw(`'${facet}'`);
  // CROSS JOIN (with the join condition in WHERE, which both engines accept) makes SQLite read the
  // set first and look each row up, instead of scanning every theme link or quote.
  const part = (facet: Facet): Prisma.Sql => {
    const column = FACET_COLUMN[facet];
    if (column) {
      return whole(facet)
        ? Prisma.sql`SELECT ${label(facet)}, ${Prisma.raw(`CAST(i."${column}" AS TEXT)`)}, count(*) FROM "Initiative" i GROUP BY i.${Prisma.raw(`"${column}"`)}`
        : Prisma.sql`SELECT ${label(facet)}, ${Prisma.raw(`CAST(b."${column}" AS TEXT)`)}, count(*) FROM base b ${others(facet)} GROUP BY b.${Prisma.raw(`"${column}"`)}`;
    }
    if (facet === "theme") {
      return whole(facet)
        ? Prisma.sql`SELECT 'theme', CAST(t."theme" AS TEXT), count(*) FROM "InitiativeTheme" t GROUP BY t."theme"`
        : Prisma.sql`SELECT 'theme', CAST(t."theme" AS TEXT), count(*) FROM base b CROSS JOIN "InitiativeTheme" t ${others(facet, Prisma.sql`t."initiativeId" = b.id`)} GROUP BY t."theme"`;
    }
    if (facet === "country") {
      // Over everything, a country's count is its participations (from the index) plus the initiatives
      // it proposes without also taking part; the two rows per country are added up below.
      return whole(facet)
        ? Prisma.sql`SELECT 'country', p."countryCode", count(*) FROM "Participation" p GROUP BY p."countryCode"
          UNION ALL SELECT 'country', i."proposerCountryCode", count(*) FROM "Initiative" i WHERE i."proposerCountryCode" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "Participation" p WHERE p."initiativeId" = i."id" AND p."countryCode" = i."proposerCountryCode") GROUP BY i."proposerCountryCode"`
        : Prisma.sql`SELECT 'country', c.code, count(*) FROM (
            SELECT b.id AS id, b.proposer AS code FROM base b ${others(facet)}
            UNION SELECT b.id, p."countryCode" FROM base b CROSS JOIN "Participation" p ${others(facet, Prisma.sql`p."initiativeId" = b.id`)}
          ) c GROUP BY c.code`;
    }
    return whole(facet)
      ? Prisma.sql`SELECT 'source', CAST(d."sourceId" AS TEXT), count(*) FROM (SELECT DISTINCT q."initiativeId", q."sourceId" FROM "Quote" q WHERE q."initiativeId" IS NOT NULL) d GROUP BY d."sourceId"`
      : Prisma.sql`SELECT 'source', CAST(q."sourceId" AS TEXT), count(DISTINCT b.id) FROM base b CROSS JOIN "Quote" q ${others(facet, Prisma.sql`q."initiativeId" = b.id`)} GROUP BY q."sourceId"`;
  };
  const flags = active.map((facet) => Prisma.sql`, ${test(facet)} AS ${Prisma.raw(`"f_${facet}"`)}`);
  const base = FACETS.every(whole)
    ? Prisma.empty
    : Prisma.sql`WITH base AS MATERIALIZED (
        SELECT i."id" AS id, i."meetingRelation" AS "meetingRelation", i."status" AS status, i."stage" AS stage, i."kind" AS kind,
          i."proposerCountryCode" AS "proposerCountryCode", i."proposerCountryCode" AS proposer ${Prisma.join(flags.length ? flags : [Prisma.empty], " ")}
        FROM "Initiative" i ${whereClause([...textOnly, ...narrowing])}
      ) `;
  // The first, empty SELECT names the columns.
  const rows = await prisma.$queryRaw<{ facet: Facet; value: string | number | bigint | null; n: number | bigint }[]>`${base}SELECT ${label(FACETS[0])} AS facet, ${Prisma.raw("NULL")} AS value, 0 AS n WHERE 1 = 0
    ${Prisma.join(FACETS.map((facet) => Prisma.sql`UNION ALL ${part(facet)}`), " ")}`;
  const result = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetValue[]])) as Record<Facet, FacetValue[]>;
  for (const row of rows) {
    if (row.value === null) continue;
    const same = result[row.facet].find((entry) => entry.value === String(row.value));
    if (same) same.count += Number(row.n);
    else result[row.facet].push({ value: String(row.value), count: Number(row.n) });
  }
  for (const facet of FACETS) result[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return result;
}
