import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
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
import { matchExpression, queryStems } from "../search/stem";

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

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** For pages: a value the list does not know is dropped (the page still shows), never an error. */
export function parseQueryLenient(params: SearchParams): InitiativeQuery {
  const shape = initiativeQuerySchema.shape;
  const lenient: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const raw = first(params[key]);
    const parsed = shape[key].safeParse(raw);
    if (parsed.success) lenient[key] = parsed.data;
  }
  return initiativeQuerySchema.parse(lenient);
}

/** For the API: every parameter must be valid; the error lists which are not. */
export function parseQueryStrict(params: SearchParams): z.ZodSafeParseResult<InitiativeQuery> {
  const single: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) single[key] = first(value);
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

const SEARCHABLE = `"kind" IN ('initiative', 'quote', 'note')`;

interface Sql {
  where: string[];
  params: unknown[];
}

/** WHERE conditions on `Initiative i` for every filter but `exclude` (facets count without their own filter). */
function conditions(query: InitiativeFilters, exclude?: Facet): Sql {
  const sql: Sql = { where: [], params: [] };
  const add = (condition: string, ...params: unknown[]) => {
    sql.where.push(condition);
    sql.params.push(...params);
  };
  if (query.relation && exclude !== "relation") add(`i."meetingRelation" = ?`, query.relation);
  if (query.status && exclude !== "status") add(`i."status" = ?`, query.status);
  if (query.stage && exclude !== "stage") add(`i."stage" = ?`, query.stage);
  if (query.kind && exclude !== "kind") add(`i."kind" = ?`, query.kind);
  if (query.theme && exclude !== "theme") {
    add(`EXISTS (SELECT 1 FROM "InitiativeTheme" t WHERE t."initiativeId" = i."id" AND t."theme" = ?)`, query.theme);
  }
  if (query.country && exclude !== "country") {
    add(
      `(i."proposerCountryCode" = ? OR EXISTS (SELECT 1 FROM "Participation" p WHERE p."initiativeId" = i."id" AND p."countryCode" = ?))`,
      query.country,
      query.country,
    );
  }
  if (query.proposer && exclude !== "proposer") add(`i."proposerCountryCode" = ?`, query.proposer);
  if (query.source && exclude !== "source") {
    add(`EXISTS (SELECT 1 FROM "Quote" q WHERE q."initiativeId" = i."id" AND q."sourceId" = ?)`, query.source);
  }
  if (query.q) {
    const match = matchExpression(queryStems(query.q));
    if (match) add(`i."id" IN (SELECT "initiativeId" FROM "SearchIndex" WHERE "SearchIndex" MATCH ? AND ${SEARCHABLE})`, match);
    else add("0");
  }
  return sql;
}

function whereClause(sql: Sql): string {
  return sql.where.length ? `WHERE ${sql.where.join(" AND ")}` : "";
}

const STATUS_ORDER = `CASE i."status" ${INITIATIVE_STATUSES.map((status, index) => `WHEN '${status}' THEN ${index}`).join(" ")} END`;

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
  const match = q ? matchExpression(queryStems(q), "title") : null;
  if (!match || ids.length === 0) return new Set();
  const rows = await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT "initiativeId" AS id FROM "SearchIndex" WHERE "SearchIndex" MATCH ? AND "kind" = 'initiative' AND "initiativeId" IN (${ids.map(() => "?").join(",")})`,
    match,
    ...ids,
  );
  return new Set(rows.map((row) => Number(row.id)));
}

export interface ListSql {
  count: { sql: string; params: unknown[] };
  ids: { sql: string; params: unknown[] };
}

/** The two statements behind a page of the list: the total, and the page's ids in order (bounded offset). */
export function listSql(query: InitiativeFilters, locale = "ru"): ListSql {
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 25, MAX_PAGE_SIZE);
  const sort = query.sort ?? (query.q ? "relevance" : "title");
  const filter = conditions(query);
  const where = whereClause(filter);
  const title = locale === "en" ? `i."titleEn"` : `i."titleRu"`;

  let withClause = "";
  let from = `"Initiative" i`;
  const params = [...filter.params];
  let order: string;
  if (sort === "relevance" && query.q) {
    const terms = queryStems(query.q);
    // bm25 weights: kind, refId, initiativeId, pos (unindexed), title ×10, body ×1.
    // MATERIALIZED keeps SQLite from flattening bm25() into the aggregate, where FTS5 refuses it.
    withClause = `WITH hits AS MATERIALIZED (
        SELECT "initiativeId" AS id, bm25("SearchIndex", 0, 0, 0, 0, 10.0, 1.0) AS score
        FROM "SearchIndex" WHERE "SearchIndex" MATCH ? AND ${SEARCHABLE}
      ), titled AS MATERIALIZED (
        SELECT "initiativeId" AS id FROM "SearchIndex" WHERE "SearchIndex" MATCH ? AND "kind" = 'initiative'
      ) `;
    from = `"Initiative" i LEFT JOIN (SELECT id, MIN(score) AS score FROM hits GROUP BY id) h ON h.id = i."id"`;
    params.unshift(matchExpression(terms), matchExpression(terms, "title"));
    // Title hits first, then by score.
    order = `CASE WHEN i."id" IN (SELECT id FROM titled) THEN 0 ELSE 1 END, h.score ASC, ${title} ASC`;
  } else if (sort === "status") order = `${STATUS_ORDER} ASC, ${title} ASC`;
  else if (sort === "updated") order = `i."updatedAt" DESC, ${title} ASC`;
  else order = `${title} ASC`;

  return {
    count: { sql: `SELECT count(*) AS n FROM "Initiative" i ${where}`, params: filter.params },
    ids: {
      sql: `${withClause}SELECT i."id" AS id FROM ${from} ${where} ORDER BY ${order}, i."id" ASC LIMIT ? OFFSET ?`,
      params: [...params, pageSize, (page - 1) * pageSize],
    },
  };
}

export async function queryInitiatives(prisma: PrismaClient, query: InitiativeFilters, locale = "ru"): Promise<InitiativePage> {
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? 25, MAX_PAGE_SIZE);
  const sort = query.sort ?? (query.q ? "relevance" : "title");
  const sql = listSql(query, locale);
  const [countRow] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(sql.count.sql, ...sql.count.params);
  const total = Number(countRow?.n ?? 0);
  const ids = (await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(sql.ids.sql, ...sql.ids.params)).map((row) => Number(row.id));
  const titleIds = await titleMatches(prisma, query.q, ids);

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
  const items = ids.flatMap((id) => {
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
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), sort };
}

export interface FacetValue {
  value: string;
  count: number;
}

/** For every facet, how many initiatives each value would give with all the other filters applied. */
export async function facetCounts(prisma: PrismaClient, query: InitiativeFilters): Promise<Record<Facet, FacetValue[]>> {
  const run = async (facet: Facet, select: string) => {
    const filter = conditions(query, facet);
    const occurrences = select.split("{where}").length - 1;
    const rows = await prisma.$queryRawUnsafe<{ value: string | number | bigint | null; n: number | bigint }[]>(
      select.replaceAll("{where}", whereClause(filter)),
      ...Array.from({ length: occurrences }, () => filter.params).flat(),
    );
    return rows
      .filter((row) => row.value !== null)
      .map((row) => ({ value: String(row.value), count: Number(row.n) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  const simple = (column: string) => `SELECT i."${column}" AS value, count(*) AS n FROM "Initiative" i {where} GROUP BY i."${column}"`;
  const [relation, status, stage, kind, proposer, theme, country, source] = await Promise.all([
    run("relation", simple("meetingRelation")),
    run("status", simple("status")),
    run("stage", simple("stage")),
    run("kind", simple("kind")),
    run("proposer", simple("proposerCountryCode")),
    run("theme", `SELECT t."theme" AS value, count(DISTINCT i."id") AS n FROM "Initiative" i JOIN "InitiativeTheme" t ON t."initiativeId" = i."id" {where} GROUP BY t."theme"`),
    run(
      "country",
      `SELECT c.code AS value, count(DISTINCT c.id) AS n FROM (
         SELECT i."id" AS id, i."proposerCountryCode" AS code FROM "Initiative" i {where}
         UNION SELECT i."id", p."countryCode" FROM "Initiative" i JOIN "Participation" p ON p."initiativeId" = i."id" {where}
       ) c GROUP BY c.code`,
    ),
    run("source", `SELECT q."sourceId" AS value, count(DISTINCT i."id") AS n FROM "Initiative" i JOIN "Quote" q ON q."initiativeId" = i."id" {where} GROUP BY q."sourceId"`),
  ]);
  return { relation, status, stage, theme, kind, country, proposer, source };
}
