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
import { searchSql } from "../search/search-sql";
import { utcDay } from "../db/time-sql";
import { queryStems } from "../search/stem";
import { firstParam, type SearchParams } from "../http/search-params";

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
export const countryCodeSchema = z.preprocess((value) => (typeof value === "string" ? value.replace(/[a-z]/g, (c) => c.toUpperCase()) : value), z.string().regex(/^[A-Z]{2}$/));
const eventSlug = z.string().max(100).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
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
export const LIST_FILTERS = ["relation", "status", "notStatus", "stage", "theme", "kind", "country", "event"] as const satisfies readonly (keyof InitiativeQuery)[];
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
 * of one filter are alternatives (IN); filters combine with AND.
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
  if (query.q && !joinedHits) {
    const terms = queryStems(query.q);
    if (terms.length) where.push(Prisma.sql`i."id" IN (SELECT id FROM (${search.initiativeRows(terms)}) hit)`);
    else where.push(Prisma.raw("1 = 0"));
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
  /** With a text query: whether the title itself matched (such hits rank first). */
  titleMatch: boolean;
}

export interface InitiativePage {
  items: InitiativeListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: (typeof SORTS)[number];
}

/** Of the given initiatives, those whose own title matches every word of the query. */
async function titleMatches(prisma: PrismaClient, q: string | undefined, ids: number[]): Promise<Set<number>> {
  const terms = q ? queryStems(q) : [];
  if (terms.length === 0 || ids.length === 0) return new Set();
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT id FROM (${searchSql(prisma).titleRows(terms)}) titled WHERE id IN (${Prisma.join(ids)})`;
  return new Set(rows.map((row) => Number(row.id)));
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
  const terms = query.q ? queryStems(query.q) : [];
  const ranked = sort === "relevance" && terms.length > 0;
  const title = Prisma.raw(locale === "en" ? `i."titleEn"` : `i."titleRu"`);

  let withClause = Prisma.empty;
  let from = Prisma.raw(`"Initiative" i`);
  let order: Prisma.Sql;
  if (ranked) {
    // The hits, one row per initiative with its best score, drive the join (read once, not per initiative).
    // MATERIALIZED keeps SQLite from flattening bm25() into the aggregate, where FTS5 refuses it.
    withClause = Prisma.sql`WITH hits AS MATERIALIZED (
        SELECT id, MIN(score) AS score FROM (${search.initiativeRows(terms, { score: true })}) hit GROUP BY id
      ), titled AS MATERIALIZED (${search.titleRows(terms)}) `;
    from = Prisma.raw(`hits h JOIN "Initiative" i ON i."id" = h.id`);
    // Title hits first, then by score.
    order = Prisma.sql`CASE WHEN h.id IN (SELECT id FROM titled) THEN 0 ELSE 1 END, h.score ASC, ${title} ASC, i."id" ASC`;
  } else order = orderBy(sortKeys(sort, locale));
  const where = whereClause(conditions(db, query, undefined, ranked), "ordered");

  // A ranked list reads and sorts all its hits anyway, so counting them there saves matching the
  // query a second time; an index-ordered list stops after its page, and a count over it would not.
  const total = ranked && !options.all ? Prisma.raw(`, count(*) OVER () AS total`) : Prisma.empty;
  return {
    count: Prisma.sql`SELECT count(*) AS n FROM "Initiative" i ${whereClause(conditions(db, query))}`,
    ids: options.all
      ? Prisma.sql`${withClause}SELECT i."id" AS id FROM ${from} ${where} ORDER BY ${order}`
      : Prisma.sql`${withClause}SELECT i."id" AS id${total} FROM ${from} ${where} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    idsCount: total !== Prisma.empty,
  };
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
 * Relevance is a score computed for the query,
 * not a column: those ids (only the search's hits) are read at once.
 */
export async function* initiativeIdPages(prisma: PrismaClient, query: InitiativeFilters, locale: string, pageSize: number): AsyncGenerator<number[]> {
  const sort = query.sort ?? (query.q ? "relevance" : "title");
  if (sort === "relevance" && query.q && queryStems(query.q).length) {
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
  const rows = await prisma.$queryRaw<{ id: number | bigint; total?: number | bigint }[]>(sql.ids);
  const ids = rows.map((row) => Number(row.id));
  const counted = sql.idsCount && rows.length > 0 ? rows[0]!.total : (await prisma.$queryRaw<{ n: number | bigint }[]>(sql.count))[0]?.n;
  const total = Number(counted ?? 0);
  const items = await listItems(prisma, ids, query.q);
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), sort };
}

/** Every id the filters select, in the list's order, at once (relevance-sorted exports). */
async function allInitiativeIds(prisma: PrismaClient, query: InitiativeFilters, locale = "ru"): Promise<number[]> {
  const { ids } = listSql(prisma, query, locale, { all: true });
  return (await prisma.$queryRaw<{ id: number | bigint }[]>(ids)).map((row) => Number(row.id));
}

/** The list's items for these ids, in the given order. */
export async function listItems(prisma: PrismaClient, ids: number[], q: string | undefined): Promise<InitiativeListItem[]> {
  const titleIds = await titleMatches(prisma, q, ids);
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
        titleMatch: titleIds.has(id),
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
  // A facet's own filter (the status facet's is both status filters); the dates and the text apply to every facet.
  const only = (facet: Facet) => conditions(prisma, (facet === "status" ? { status: query.status, notStatus: query.notStatus } : { [facet]: query[facet] }) as InitiativeFilters);
  const active = FACETS.filter((facet) => only(facet).length > 0);
  const textOnly = conditions(prisma, { q: query.q, announcedFrom: query.announcedFrom, announcedTo: query.announcedTo, changedFrom: query.changedFrom, changedTo: query.changedTo });
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
  const rows = await prisma.$queryRaw<{ facet: Facet; value: string | number | bigint | null; n: number | bigint }[]>`${base}SELECT ${label(FACETS[0])} AS facet, ${Prisma.raw("NULL")} AS value, 0 AS n WHERE 1 = 0
    ${Prisma.join(FACETS.map((facet) => Prisma.sql`UNION ALL ${part(facet)}`), " ")}`;
  const result = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetValue[]])) as Record<Facet, FacetValue[]>;
  for (const row of rows) {
    if (row.value === null) continue;
    const same = result[row.facet].find((entry) => entry.value === String(row.value));
    if (same) same.count += Number(row.n);
    else result[row.facet].push({ value: String(row.value), count: Number(row.n) });
  }
  for (const facet of FACETS) result[facet] = result[facet].filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
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
