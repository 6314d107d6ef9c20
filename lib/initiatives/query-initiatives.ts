import "server-only";
import { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { Db } from "../db/types";
import { INITIATIVE_STATUSES, initiativeKindSchema, initiativeStatusSchema, meetingRelationSchema, stageSchema, themeSchema } from "../domain/vocabulary";
import { expandQuery, type QueryConcept } from "../search/expand-query";
import { searchSql, type SearchSql } from "../search/search-sql";
import { suggestSpelling } from "../search/suggest-spelling";
import { utcDay } from "../db/time-sql";
import { firstParam, type SearchParams } from "../http/search-params";
import { COUNTRY_NAME_SELECT, INITIATIVE_CORE_SELECT, PARTICIPANT_COUNTRIES_SELECT, THEMES_SELECT, type InitiativeCore } from "./initiative-select";

/**
 * The one query behind the initiatives list, its facets, the exports and the public API:
 * the same filters mean the same rows everywhere (docs/decisions/010-full-text-search.md).
 */

export const SORTS = ["relevance", "title", "status", "updated"] as const;
export const FACETS = ["relation", "status", "stage", "theme", "kind", "country", "proposer", "source", "event"] as const;
export type Facet = (typeof FACETS)[number];
export const MAX_PAGE_SIZE = 100;
/** At most this many values per filter (there are 10 countries, 9 themes). */
export const MAX_VALUES = 30;

// Only a–z are upper-cased: String#toUpperCase would turn "ß" into "SS" and "ﬁ" into "FI", i.e. into real codes.
export const countryCodeSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/[a-z]/g, (c) => c.toUpperCase()) : value),
  z.string().regex(/^[A-Z]{2}$/),
);
const eventSlug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const day = z.iso.date();

/**
 * Several values of one filter, any of which may hold: repeated (`?country=KZ&country=UZ`, as a
 * form sends checkboxes) or separated by commas (`?country=KZ,UZ`, as the API takes them).
 */
export function splitValues(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const raw = Array.isArray(value) ? value : [value];
  if (!raw.every((item) => typeof item === "string")) return value;
  // Only nothing at all is "no filter"; a blank value is left for the schema to refuse (the API's `theme=`).
  // Not trimmed: " agreed" is refused as before, not quietly read as "agreed".
  return [...new Set(raw.flatMap((item: string) => item.split(",")))].filter((item, _, all) => item !== "" || all.length === 1);
}

function valuesOf<T extends z.ZodType>(item: T) {
  return z.preprocess(splitValues, z.array(item).min(1).max(MAX_VALUES).optional());
}

export const initiativeQuerySchema = z.object({
  /** What the entry is to its event; `outcome` gives the meeting's own results. */
  relation: valuesOf(meetingRelationSchema),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => value || undefined),
  status: valuesOf(initiativeStatusSchema),
  /** Statuses left out ("not yet agreed"). */
  notStatus: valuesOf(initiativeStatusSchema),
  stage: valuesOf(stageSchema),
  theme: valuesOf(themeSchema),
  kind: valuesOf(initiativeKindSchema),
  country: valuesOf(countryCodeSchema),
  proposer: countryCodeSchema.optional(),
  source: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  event: valuesOf(eventSlug),
  /** Announced on or after / on or before this day (initiatives whose date is unknown are left out). */
  announcedFrom: day.optional(),
  announcedTo: day.optional(),
  /** An editor's change took effect on or after / on or before this day (as on the changes page). */
  changedFrom: day.optional(),
  changedTo: day.optional(),
  sort: z.enum(SORTS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
});

export type InitiativeQuery = z.output<typeof initiativeQuerySchema>;
type OneOrMany<T> = T extends readonly (infer U)[] ? U | readonly U[] : T;
/** A query as code writes it: any filter may be left out, and a several-valued one may be given one value. */
export type InitiativeFilters = { [K in keyof InitiativeQuery]?: OneOrMany<NonNullable<InitiativeQuery[K]>> };
/** The filters that take several values. */
export const LIST_FILTERS = [
  "relation",
  "status",
  "notStatus",
  "stage",
  "theme",
  "kind",
  "country",
  "event",
] as const satisfies readonly (keyof InitiativeQuery)[];
type ListFilter = (typeof LIST_FILTERS)[number];

/** A parameter a page could not use: its value is shown to the reader, who sees why the list is wider. */
export interface IgnoredParameter {
  parameter: string;
  value: string;
}

/**
 * For pages: a value the list does not know is dropped (the page still shows), never an error;
 * what was dropped is returned, for the page to say so. Of several values, the valid ones stay.
 */
export function parseQueryForPage(params: SearchParams): { query: InitiativeQuery; ignored: IgnoredParameter[] } {
  const shape = initiativeQuerySchema.shape;
  const lenient: Record<string, unknown> = {};
  const ignored: IgnoredParameter[] = [];
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    // A form's "any" sends an empty value: that is no filter, not a mistake to report.
    const given = [params[key]].flat().filter((value) => value !== undefined && value.trim() !== "");
    if (given.length === 0) continue;
    const list = LIST_FILTERS.includes(key as ListFilter);
    const raw = list ? given : given[0];
    const parsed = shape[key].safeParse(raw);
    if (parsed.success) {
      lenient[key] = parsed.data;
      continue;
    }
    if (list) {
      const values = (splitValues(raw) as string[] | undefined) ?? [];
      const kept = values.filter((value) => shape[key].safeParse(value).success).slice(0, MAX_VALUES);
      for (const value of values) if (!kept.includes(value)) ignored.push({ parameter: key, value });
      if (kept.length) lenient[key] = shape[key].parse(kept);
    } else ignored.push({ parameter: key, value: String(raw) });
  }
  return { query: initiativeQuerySchema.parse(lenient), ignored };
}

/** For pages: as parseQueryForPage, without the list of what was dropped. */
export function parseQueryLenient(params: SearchParams): InitiativeQuery {
  return parseQueryForPage(params).query;
}

/** For the API: every parameter must be valid; the error lists which are not. */
export function parseQueryStrict(params: SearchParams): z.ZodSafeParseResult<InitiativeQuery> {
  const single: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) single[key] = firstParam(value);
  return initiativeQuerySchema.strict().safeParse(single);
}

type Override = string | number | readonly string[] | undefined;

/** The query string for a query (only what differs from the defaults), for links and exports; several values are comma-separated. */
export function toSearchParams(query: InitiativeFilters, overrides: Partial<Record<keyof InitiativeQuery, Override>> = {}) {
  const params = new URLSearchParams();
  const merged = { ...query, ...overrides } as Record<string, unknown>;
  for (const key of Object.keys(initiativeQuerySchema.shape)) {
    const value = merged[key];
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === "page" && Number(value) === 1) continue;
    if (key === "pageSize" && Number(value) === 25) continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params;
}

/** A filter's values as a list, whether code gave one or several. */
function listOf<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as T];
}

/**
 * WHERE conditions on `Initiative i` for every filter but `exclude` (facets count without their own
 * filter); `joinedHits`: the text query is already applied by a join on its hits. Several values
 * of one filter are alternatives (IN); filters combine with AND. The text query keeps initiatives
 * matching any of its words (docs/decisions/034-search-relevance.md).
 */
function conditions(db: Db, query: InitiativeFilters, exclude?: Facet, joinedHits = false): Prisma.Sql[] {
  const search = searchSql(db);
  const where: Prisma.Sql[] = [];
  const anyOf = (column: string, values: readonly string[]) => Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join(values)})`;
  const relation = listOf(query.relation);
  const status = listOf(query.status);
  const notStatus = listOf(query.notStatus);
  const stage = listOf(query.stage);
  const kind = listOf(query.kind);
  const theme = listOf(query.theme);
  const country = listOf(query.country);
  const event = listOf(query.event);
  if (relation.length && exclude !== "relation") where.push(anyOf(`i."meetingRelation"`, relation));
  if (exclude !== "status") {
    if (status.length) where.push(anyOf(`i."status"`, status));
    if (notStatus.length) where.push(Prisma.sql`i."status" NOT IN (${Prisma.join(notStatus)})`);
  }
  if (stage.length && exclude !== "stage") where.push(anyOf(`i."stage"`, stage));
  if (kind.length && exclude !== "kind") where.push(anyOf(`i."kind"`, kind));
  if (theme.length && exclude !== "theme") {
    where.push(Prisma.sql`i."id" IN (SELECT t."initiativeId" FROM "InitiativeTheme" t WHERE ${anyOf(`t."theme"`, theme)})`);
  }
  if (country.length && exclude !== "country") {
    where.push(
      Prisma.sql`i."id" IN (SELECT p."initiativeId" FROM "Participation" p WHERE ${anyOf(`p."countryCode"`, country)}
        UNION SELECT o."id" FROM "Initiative" o WHERE ${anyOf(`o."proposerCountryCode"`, country)})`,
    );
  }
  if (query.proposer && exclude !== "proposer") where.push(Prisma.sql`i."proposerCountryCode" = ${query.proposer}`);
  if (query.source && exclude !== "source") {
    where.push(Prisma.sql`i."id" IN (SELECT q."initiativeId" FROM "Quote" q WHERE q."sourceId" = ${query.source})`);
  }
  if (event.length && exclude !== "event") where.push(Prisma.sql`i."eventId" IN (SELECT e."id" FROM "Event" e WHERE ${anyOf(`e."slug"`, event)})`);
  // Days compared as YYYY-MM-DD text on both engines (lib/db/time-sql.ts); an unknown date matches no range.
  if (query.announcedFrom) where.push(Prisma.sql`${utcDay(db, "announcedOn")} >= ${query.announcedFrom}`);
  if (query.announcedTo) where.push(Prisma.sql`${utcDay(db, "announcedOn")} <= ${query.announcedTo}`);
  if (query.changedFrom || query.changedTo) {
    // Real changes only, by the day they took effect (or were recorded, when they give none), as on /changes.
    const changedOn = Prisma.sql`COALESCE(${utcDay(db, "effectiveOn")}, ${utcDay(db, "recordedAt")})`;
    const range = [
      ...(query.changedFrom ? [Prisma.sql`${changedOn} >= ${query.changedFrom}`] : []),
      ...(query.changedTo ? [Prisma.sql`${changedOn} <= ${query.changedTo}`] : []),
    ];
    where.push(Prisma.sql`i."id" IN (SELECT h."initiativeId" FROM "HistoryEntry" h WHERE h."authorId" IS NOT NULL AND ${Prisma.join(range, " AND ")})`);
  }
  if (query.q) {
    const concepts = expandQuery(query.q);
    if (concepts.length === 0) where.push(Prisma.raw("1 = 0"));
    else if (!joinedHits) where.push(Prisma.sql`i."id" IN (SELECT id FROM (${search.initiativeRows(concepts)}) hit)`);
  }
  return where;
}

/**
 * A duplicate merged into another initiative is in no list, count or facet. Counts find the live
 * rows through the mergedIntoId index; the ordered ids use the unary plus, which keeps SQLite from
 * picking that (almost all-null) index over the title and filter indexes that give the order.
 */
const LIVE = { counted: Prisma.sql`i."mergedIntoId" IS NULL`, ordered: Prisma.sql`+i."mergedIntoId" IS NULL` };

function whereClause(where: Prisma.Sql[], live: keyof typeof LIVE = "counted"): Prisma.Sql {
  return Prisma.sql`WHERE ${Prisma.join([LIVE[live], ...where], " AND ")}`;
}

const STATUS_ORDER = Prisma.raw(`CASE i."status" ${INITIATIVE_STATUSES.map((status, index) => `WHEN '${status}' THEN ${index}`).join(" ")} END`);

export interface InitiativeListItem extends InitiativeCore {
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
    return {
      count: Prisma.sql`SELECT count(*) AS n FROM "Initiative" i ${whereClause(conditions(db, query))}`,
      ids: Prisma.sql`SELECT i."id" AS id FROM "Initiative" i ${whereClause(conditions(db, query), "ordered")} ORDER BY ${orderBy(sortKeys(sort, locale))}${limit}`,
      idsCount: false,
    };
  }
  // Initiatives matching every word come first, whatever the order asked for, then those matching
  // fewer; by relevance, then by how many words the title itself holds, then by score.
  const ranked = sort === "relevance";
  const title = Prisma.raw(locale === "en" ? `i."titleEn"` : `i."titleRu"`);
  const order = ranked ? Prisma.sql`h.titled DESC, h.score ASC, ${title} ASC, i."id" ASC` : orderBy(sortKeys(sort, locale));
  const where = whereClause(conditions(db, query, undefined, true));
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
  const beyond = (key: SortKey, value: unknown, orEqual = false) =>
    Prisma.sql`${key.sql} ${Prisma.raw((key.descending ? "<" : ">") + (orEqual ? "=" : ""))} ${value}`;
  const strictly = (index: number): Prisma.Sql =>
    index === keys.length - 1
      ? beyond(keys[index]!, values[index])
      : Prisma.sql`(${beyond(keys[index]!, values[index])} OR (${keys[index]!.sql} = ${values[index]} AND ${strictly(index + 1)}))`;
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
  const filters = conditions(prisma, query);
  const keys = sortKeys(sort === "status" ? "title" : sort, locale);
  // By the rank, not `status = …`: the planner would take the status index and sort a whole status per page.
  const groups = sort === "status" ? INITIATIVE_STATUSES.map((_, rank) => [Prisma.sql`${STATUS_ORDER} = ${rank}`]) : [[]];
  const columns = Prisma.join(keys.map((key, index) => Prisma.sql`${key.sql} AS ${Prisma.raw(`k${index}`)}`));
  for (const group of groups) {
    let last: unknown[] | undefined;
    for (;;) {
      const where = whereClause([...filters, ...group, ...(last ? [after(keys, last)] : [])], "ordered");
      const rows = await prisma.$queryRaw<
        Record<string, unknown>[]
      >`SELECT ${columns} FROM "Initiative" i ${where} ORDER BY ${orderBy(keys)} LIMIT ${pageSize}`;
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
  const countRow =
    sql.idsCount && rows.length > 0
      ? { n: rows[0]!.total, allMatched: rows[0]!.allMatched }
      : (await prisma.$queryRaw<{ n: number | bigint; allMatched?: number | bigint }[]>(sql.count))[0];
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
      ...INITIATIVE_CORE_SELECT,
      updatedAt: true,
      themes: THEMES_SELECT,
      proposerCountry: { select: COUNTRY_NAME_SELECT },
      participations: PARTICIPANT_COUNTRIES_SELECT,
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
const FACET_COLUMN: Partial<Record<Facet, string>> = {
  relation: "meetingRelation",
  status: "status",
  stage: "stage",
  kind: "kind",
  proposer: "proposerCountryCode",
};

/**
 * For every facet, how many initiatives each value would give with all the other filters applied.
 * One statement. A facet whose count needs no filter at all (nothing selected, or only its own
 * filter, and no text query) reads its own table's index. The others count from one set read
 * once: the initiatives that match the text query and fail at most one of the facet filters, each
 * with a 0/1 flag per active filter. Eight statements each re-evaluating the filters and the text
 * query over every initiative took 1–3 s at 100,000 initiatives (docs/decisions/031).
 */
export async function facetCounts(prisma: PrismaClient, query: InitiativeFilters): Promise<Record<Facet, FacetValue[]>> {
  // A facet's own filter (the status facet's is both status filters); the dates and the text apply to every facet.
  const only = (facet: Facet) =>
    conditions(prisma, (facet === "status" ? { status: query.status, notStatus: query.notStatus } : { [facet]: query[facet] }) as InitiativeFilters);
  const active = FACETS.filter((facet) => only(facet).length > 0);
  const textOnly = conditions(prisma, {
    q: query.q,
    announcedFrom: query.announcedFrom,
    announcedTo: query.announcedTo,
    changedFrom: query.changedFrom,
    changedTo: query.changedTo,
  });
  const whole = (facet: Facet) => textOnly.length === 0 && active.every((other) => other === facet);
  const test = (facet: Facet) => Prisma.sql`CASE WHEN ${Prisma.join(only(facet), " AND ")} THEN 1 ELSE 0 END`;
  // Rows failing two or more filters count nowhere; with one filter, rows failing it count only for its own (whole) facet.
  const narrowing =
    active.length >= 2
      ? [Prisma.sql`(${Prisma.join(active.map(test), " + ")}) >= ${active.length - 1}`]
      : active.length === 1 && textOnly.length === 0
        ? only(active[0]!)
        : [];
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
        ? Prisma.sql`SELECT ${label(facet)}, ${Prisma.raw(`CAST(i."${column}" AS TEXT)`)}, count(*) FROM "Initiative" i GROUP BY i.${Prisma.raw(`"${column}"`)}
          UNION ALL ${mergedOut(label(facet), column)}`
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
            AND NOT EXISTS (SELECT 1 FROM "Participation" p WHERE p."initiativeId" = i."id" AND p."countryCode" = i."proposerCountryCode") GROUP BY i."proposerCountryCode"
          UNION ALL ${mergedOut(Prisma.raw("'country'"), "proposerCountryCode")}`
        : Prisma.sql`SELECT 'country', c.code, count(*) FROM (
            SELECT b.id AS id, b.proposer AS code FROM base b ${others(facet)}
            UNION SELECT b.id, p."countryCode" FROM base b CROSS JOIN "Participation" p ${others(facet, Prisma.sql`p."initiativeId" = b.id`)}
          ) c GROUP BY c.code`;
    }
    if (facet === "event") {
      return whole(facet)
        ? Prisma.sql`SELECT 'event', e."slug", count(*) FROM "Initiative" i CROSS JOIN "Event" e WHERE e."id" = i."eventId" GROUP BY e."slug"
          UNION ALL SELECT 'event', e."slug", -count(*) FROM "Initiative" m CROSS JOIN "Event" e WHERE e."id" = m."eventId" AND m."mergedIntoId" IS NOT NULL GROUP BY e."slug"`
        : Prisma.sql`SELECT 'event', e."slug", count(*) FROM base b CROSS JOIN "Event" e ${others(facet, Prisma.sql`e."id" = b."eventId"`)} GROUP BY e."slug"`;
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
          i."proposerCountryCode" AS "proposerCountryCode", i."proposerCountryCode" AS proposer, i."eventId" AS "eventId" ${Prisma.join(flags.length ? flags : [Prisma.empty], " ")}
        FROM "Initiative" i ${whereClause([...textOnly, ...narrowing])}
      ) `;
  // The first, empty SELECT names the columns.
  const rows = await prisma.$queryRaw<
    { facet: Facet; value: string | number | bigint | null; n: number | bigint }[]
  >`${base}SELECT ${label(FACETS[0])} AS facet, ${Prisma.raw("NULL")} AS value, 0 AS n WHERE 1 = 0
    ${Prisma.join(
      FACETS.map((facet) => Prisma.sql`UNION ALL ${part(facet)}`),
      " ",
    )}`;
  const result = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetValue[]])) as Record<Facet, FacetValue[]>;
  for (const row of rows) {
    if (row.value === null) continue;
    const same = result[row.facet].find((entry) => entry.value === String(row.value));
    if (same) same.count += Number(row.n);
    else result[row.facet].push({ value: String(row.value), count: Number(row.n) });
  }
  for (const facet of FACETS)
    result[facet] = result[facet].filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return result;
}

/**
 * Counts over a whole table read its index alone; merged duplicates (few, found through their own
 * index) are then taken back out with negative rows. Their themes and countries moved at the merge,
 * so only the Initiative table's own columns need this.
 */
function mergedOut(label: Prisma.Sql, column: string): Prisma.Sql {
  const col = Prisma.raw(`m."${column}"`);
  return Prisma.sql`SELECT ${label}, CAST(${col} AS TEXT), -count(*) FROM "Initiative" m WHERE m."mergedIntoId" IS NOT NULL AND ${col} IS NOT NULL GROUP BY ${col}`;
}
