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
import { searchSql, type SearchSql } from "../search/search-sql";
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
  return [...new Set(raw.flatMap((item: string) => item.split(",")).map((item) => item.trim()))].filter((item, _, all) => item !== "" || all.length === 1);
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

const SEARCHABLE = Prisma.raw(`"kind" IN ('initiative', 'quote', 'note')`);

/** WHERE conditions on `Initiative i` for every filter but `exclude` (facets count without their own filter). */
function conditions(db: Db, search: SearchSql, query: InitiativeFilters, exclude?: Facet): Prisma.Sql[] {
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
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "InitiativeTheme" t WHERE t."initiativeId" = i."id" AND ${anyOf(`t."theme"`, theme)})`);
  }
  if (country.length && exclude !== "country") {
    where.push(
      Prisma.sql`(${anyOf(`i."proposerCountryCode"`, country)} OR EXISTS (SELECT 1 FROM "Participation" p WHERE p."initiativeId" = i."id" AND ${anyOf(`p."countryCode"`, country)}))`,
    );
  }
  if (query.proposer && exclude !== "proposer") where.push(Prisma.sql`i."proposerCountryCode" = ${query.proposer}`);
  if (query.source && exclude !== "source") {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Quote" q WHERE q."initiativeId" = i."id" AND q."sourceId" = ${query.source})`);
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
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "HistoryEntry" h WHERE h."initiativeId" = i."id" AND h."authorId" IS NOT NULL AND ${Prisma.join(range, " AND ")})`);
  }
  if (query.q) {
    const terms = queryStems(query.q);
    if (terms.length) where.push(Prisma.sql`i."id" IN (SELECT "initiativeId" FROM "SearchIndex" WHERE ${search.matches(terms)} AND ${SEARCHABLE})`);
    else where.push(Prisma.raw("1 = 0"));
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
    SELECT "initiativeId" AS id FROM "SearchIndex" WHERE ${searchSql(prisma).matches(terms, "title")} AND "kind" = 'initiative' AND "initiativeId" IN (${Prisma.join(ids)})`;
  return new Set(rows.map((row) => Number(row.id)));
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
  const where = whereClause(conditions(db, search, query));
  const title = Prisma.raw(locale === "en" ? `i."titleEn"` : `i."titleRu"`);

  let withClause = Prisma.empty;
  let from = Prisma.raw(`"Initiative" i`);
  let order: Prisma.Sql;
  const terms = query.q ? queryStems(query.q) : [];
  if (sort === "relevance" && terms.length) {
    // MATERIALIZED keeps SQLite from flattening bm25() into the aggregate, where FTS5 refuses it.
    withClause = Prisma.sql`WITH hits AS MATERIALIZED (
        SELECT "initiativeId" AS id, ${search.score(terms)} AS score
        FROM "SearchIndex" WHERE ${search.matches(terms)} AND ${SEARCHABLE}
      ), titled AS MATERIALIZED (
        SELECT "initiativeId" AS id FROM "SearchIndex" WHERE ${search.matches(terms, "title")} AND "kind" = 'initiative'
      ) `;
    from = Prisma.raw(`"Initiative" i LEFT JOIN (SELECT id, MIN(score) AS score FROM hits GROUP BY id) h ON h.id = i."id"`);
    // Title hits first, then by score.
    order = Prisma.sql`CASE WHEN i."id" IN (SELECT id FROM titled) THEN 0 ELSE 1 END, h.score ASC, ${title} ASC`;
  } else if (sort === "status") order = Prisma.sql`${STATUS_ORDER} ASC, ${title} ASC`;
  else if (sort === "updated") order = Prisma.sql`i."updatedAt" DESC, ${title} ASC`;
  else order = Prisma.sql`${title} ASC`;

  return {
    count: Prisma.sql`SELECT count(*) AS n FROM "Initiative" i ${where}`,
    ids: options.all
      ? Prisma.sql`${withClause}SELECT i."id" AS id FROM ${from} ${where} ORDER BY ${order}, i."id" ASC`
      : Prisma.sql`${withClause}SELECT i."id" AS id FROM ${from} ${where} ORDER BY ${order}, i."id" ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  };
}

export async function queryInitiatives(prisma: PrismaClient, query: InitiativeFilters, locale = "ru"): Promise<InitiativePage> {
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 25, MAX_PAGE_SIZE);
  const sort = query.sort ?? (query.q ? "relevance" : "title");
  const sql = listSql(prisma, query, locale);
  const [countRow] = await prisma.$queryRaw<{ n: number | bigint }[]>(sql.count);
  const total = Number(countRow?.n ?? 0);
  const ids = (await prisma.$queryRaw<{ id: number | bigint }[]>(sql.ids)).map((row) => Number(row.id));
  const items = await listItems(prisma, ids, query.q);
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), sort };
}

/** Every id the filters select, in the list's order (for exports, which read the rows in pages). */
export async function allInitiativeIds(prisma: PrismaClient, query: InitiativeFilters, locale = "ru"): Promise<number[]> {
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

/** For every facet, how many initiatives each value would give with all the other filters applied. */
export async function facetCounts(prisma: PrismaClient, query: InitiativeFilters): Promise<Record<Facet, FacetValue[]>> {
  const search = searchSql(prisma);
  const run = async (facet: Facet, select: (where: Prisma.Sql) => Prisma.Sql) => {
    const rows = await prisma.$queryRaw<{ value: string | number | bigint | null; n: number | bigint }[]>(select(whereClause(conditions(prisma, search, query, facet))));
    return rows
      .filter((row) => row.value !== null)
      .map((row) => ({ value: String(row.value), count: Number(row.n) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  const simple = (column: string) => (where: Prisma.Sql) =>
    Prisma.sql`SELECT i.${Prisma.raw(`"${column}"`)} AS value, count(*) AS n FROM "Initiative" i ${where} GROUP BY i.${Prisma.raw(`"${column}"`)}`;
  const [relation, status, stage, kind, proposer, theme, country, source, event] = await Promise.all([
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
    run("event", (where) => Prisma.sql`SELECT ev."slug" AS value, count(*) AS n FROM "Initiative" i JOIN "Event" ev ON ev."id" = i."eventId" ${where} GROUP BY ev."slug"`),
  ]);
  return { relation, status, stage, theme, kind, country, proposer, source, event };
}
