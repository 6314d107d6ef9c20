import "server-only";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { SearchKind } from "./search-index";
import { conceptTerms, expandQuery, type QueryConcept } from "./expand-query";
import { searchSql, type SearchSql } from "./search-sql";
import { snippet, type HighlightPart, type QueryTerm } from "./stem";
import { suggestSpelling } from "./suggest-spelling";

export interface SearchHit {
  kind: SearchKind;
  refId: number;
  /** Highlighted text around the match, in the language it was written in. */
  parts: HighlightPart[];
  /** For initiatives: the highlighted Russian and English titles. */
  titleRu?: HighlightPart[];
  titleEn?: HighlightPart[];
  initiative: { slug: string; titleRu: string; titleEn: string } | null;
  source: { id: number; title: string | null; outlet: string | null } | null;
  /** Where a quote or passage starts in its source, for the link to it. */
  quoteId?: number;
  entryId?: number;
  /** For passages: where the paragraph starts in its source (the source page's `#passage-<pos>`). */
  pos?: number;
  /** How many of the query's words (concepts) this text matches. */
  matchedWords: number;
}

export interface SearchResults {
  terms: QueryTerm[];
  /** How many words (concepts) the query has, and how many of `total` match them all. */
  words: number;
  allMatched: number;
  /** When nothing matches: the query with its unknown words corrected from the index's vocabulary. */
  suggestion: string | null;
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

interface Row {
  kind: SearchKind;
  refId: number | bigint;
  initiativeId: number | bigint | null;
  pos: number | bigint;
  matched: number | bigint;
}

/** One row per (index row, concept it matches); see lib/initiatives/query-initiatives.ts. */
function hitsSql(search: SearchSql, concepts: QueryConcept[], extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.join(
    concepts.map(
      (concept, k) =>
        Prisma.sql`SELECT "rowid" AS r, ${Prisma.raw(String(k))} AS k, ${search.scoreAny([concept])} AS score FROM "SearchIndex" WHERE ${search.matchesAny([concept])}${extra}`,
    ),
    " UNION ALL ",
  );
}

const MATCHED = Prisma.raw(
  `(SELECT r, COUNT(*) AS matched, SUM(best) AS score FROM (SELECT r, k, MIN(score) AS best FROM hits GROUP BY r, k) hk GROUP BY r) h`,
);

/** Every kind of text the tracker holds; rows matching every word first, then by score (title hits weigh ten times more). */
export async function searchAll(prisma: PrismaClient, query: string, page = 1, pageSize = 20): Promise<SearchResults> {
  const concepts = expandQuery(query);
  const terms = conceptTerms(concepts);
  if (concepts.length === 0) return { terms, words: 0, allMatched: 0, suggestion: null, total: 0, page, pageSize, hits: [] };
  const search = searchSql(prisma);
  const hits = hitsSql(search, concepts);
  const [count] = await prisma.$queryRaw<{ n: number | bigint; allMatched: number | bigint | null }[]>`
    WITH hits AS MATERIALIZED (${hits})
    SELECT count(*) AS n, SUM(CASE WHEN h.matched = ${Prisma.raw(String(concepts.length))} THEN 1 ELSE 0 END) AS "allMatched" FROM ${MATCHED}`;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH hits AS MATERIALIZED (${hits})
    SELECT s."kind", s."refId", s."initiativeId", s."pos", h.matched AS matched FROM ${MATCHED} JOIN "SearchIndex" s ON s."rowid" = h.r
    ORDER BY h.matched DESC, h.score ASC, s."kind", s."refId", s."pos" LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const total = Number(count?.n ?? 0);
  const suggestion = total === 0 ? await suggestSpelling(prisma, query, "all") : null;
  return {
    terms,
    words: concepts.length,
    allMatched: Number(count?.allMatched ?? 0),
    suggestion,
    total,
    page,
    pageSize,
    hits: await hydrate(prisma, rows, terms),
  };
}

/** For a page of initiatives (by slug): the best-matching quote or note of each, to show why it matched. */
export async function matchedPassages(prisma: PrismaClient, query: string, slugs: string[]): Promise<Map<string, SearchHit>> {
  const concepts = expandQuery(query);
  const terms = conceptTerms(concepts);
  const found = new Map<string, SearchHit>();
  if (concepts.length === 0 || slugs.length === 0) return found;
  const initiativeIds = (await prisma.initiative.findMany({ where: { slug: { in: slugs }, mergedIntoId: null }, select: { id: true } })).map((row) => row.id);
  if (initiativeIds.length === 0) return found;
  const search = searchSql(prisma);
  const hits = hitsSql(search, concepts, Prisma.sql` AND "kind" IN ('quote', 'note') AND "initiativeId" IN (${Prisma.join(initiativeIds)})`);
  const rows = await prisma.$queryRaw<Row[]>`
    WITH hits AS MATERIALIZED (${hits})
    SELECT s."kind", s."refId", s."initiativeId", s."pos", h.matched AS matched FROM ${MATCHED} JOIN "SearchIndex" s ON s."rowid" = h.r
    ORDER BY h.matched DESC, h.score ASC, s."kind", s."refId"`;
  const best = new Map<number, Row>();
  for (const row of rows) if (row.initiativeId !== null && !best.has(Number(row.initiativeId))) best.set(Number(row.initiativeId), row);
  for (const hit of await hydrate(prisma, [...best.values()], terms)) if (hit.initiative) found.set(hit.initiative.slug, hit);
  return found;
}

/** Loads the original (unstemmed) text of each hit, in a handful of queries, and highlights it. */
async function hydrate(prisma: PrismaClient, rows: Row[], terms: QueryTerm[]): Promise<SearchHit[]> {
  const ids = (kind: SearchKind) => rows.filter((row) => row.kind === kind).map((row) => Number(row.refId));
  const initiativeSelect = { slug: true, titleRu: true, titleEn: true } as const;
  const [initiatives, quotes, notes, sources] = await Promise.all([
    prisma.initiative.findMany({ where: { id: { in: ids("initiative") } }, select: { id: true, summaryRu: true, summaryEn: true, ...initiativeSelect } }),
    prisma.quote.findMany({
      where: { id: { in: ids("quote") } },
      select: { id: true, text: true, initiative: { select: initiativeSelect }, source: { select: { id: true, title: true, outlet: true } } },
    }),
    prisma.historyEntry.findMany({
      where: { id: { in: ids("note") } },
      select: { id: true, note: true, overrideNote: true, initiative: { select: initiativeSelect } },
    }),
    prisma.source.findMany({ where: { id: { in: ids("passage") } }, select: { id: true, title: true, outlet: true, text: true } }),
  ]);
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
  const [initiativeMap, quoteMap, noteMap, sourceMap] = [byId(initiatives), byId(quotes), byId(notes), byId(sources)];

  return rows.flatMap((row): SearchHit[] => {
    const refId = Number(row.refId);
    const matchedWords = Number(row.matched);
    if (row.kind === "initiative") {
      const item = initiativeMap.get(refId);
      if (!item) return [];
      const { id: _id, summaryRu, summaryEn, ...initiative } = item;
      const summary = snippet(summaryRu, terms).some((part) => part.match) ? summaryRu : summaryEn;
      return [
        {
          kind: row.kind,
          refId,
          parts: snippet(summary, terms),
          titleRu: snippet(initiative.titleRu, terms, 400),
          titleEn: snippet(initiative.titleEn, terms, 400),
          initiative,
          source: null,
          matchedWords,
        },
      ];
    }
    if (row.kind === "quote") {
      const quote = quoteMap.get(refId);
      return quote
        ? [{ kind: row.kind, refId, parts: snippet(quote.text, terms), initiative: quote.initiative, source: quote.source, quoteId: quote.id, matchedWords }]
        : [];
    }
    if (row.kind === "note") {
      const entry = noteMap.get(refId);
      const text = entry ? [entry.note, entry.overrideNote].filter(Boolean).join(" — ") : "";
      return entry ? [{ kind: row.kind, refId, parts: snippet(text, terms), initiative: entry.initiative, source: null, entryId: entry.id, matchedWords }] : [];
    }
    const source = sourceMap.get(refId);
    if (!source) return [];
    const pos = Number(row.pos);
    const end = source.text.indexOf("\n", pos);
    const paragraph = source.text.slice(pos, end < 0 ? undefined : end);
    return [
      {
        kind: row.kind,
        refId,
        parts: snippet(paragraph, terms),
        initiative: null,
        source: { id: source.id, title: source.title, outlet: source.outlet },
        pos,
        matchedWords,
      },
    ];
  });
}
