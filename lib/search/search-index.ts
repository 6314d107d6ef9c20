import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/types";
import { searchSql } from "./search-sql";
import { normalizeWord, stemText, WORD } from "./stem";

/**
 * The full-text index ("SearchIndex": FTS5 on SQLite, a tsvector table on PostgreSQL; see
 * docs/decisions/010-full-text-search.md and 013-postgresql.md).
 * Rows hold stemmed text, which only the app can compute, so every write that changes
 * indexed text updates the index inside the same transaction through these functions.
 */
export type SearchKind = "initiative" | "quote" | "note" | "passage";

const KIND_CODE: Record<SearchKind, number> = { initiative: 1, quote: 2, note: 3, passage: 4 };
const KIND_SPAN = 2 ** 40;
const PART_SPAN = 2 ** 16;

/**
 * The rowid of a document's `part`-th row. FTS5 columns cannot be indexed, so replacing a
 * document by (kind, refId) would scan the whole index on every write; a rowid computed from
 * them makes it a range delete on the primary key. Passages (one row per paragraph) use parts.
 */
export function searchRowId(kind: SearchKind, refId: number, part = 0): number {
  return KIND_CODE[kind] * KIND_SPAN + refId * PART_SPAN + part;
}

/** The words a spelling suggestion may offer: three letters or more, no digits, as the index normalizes them. */
export function vocabularyWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const word = normalizeWord(match[0]);
    if (word.length >= 3 && !/\p{N}/u.test(word)) words.add(word);
  }
  return [...words];
}

const WORDS_PER_STATEMENT = 500;

/** Adds words to "SearchWord" (lib/search/suggest-spelling.ts); words already there stay. */
export async function addVocabulary(db: Db, words: string[]) {
  for (let from = 0; from < words.length; from += WORDS_PER_STATEMENT) {
    const values = words.slice(from, from + WORDS_PER_STATEMENT).map((word) => Prisma.sql`(${word}, ${Array.from(word).length})`);
    await db.$executeRaw`INSERT INTO "SearchWord" ("word", "length") VALUES ${Prisma.join(values)} ON CONFLICT DO NOTHING`;
  }
}

/** `fresh`: the document was created in this transaction, so it has no rows to delete yet. */
async function replace(
  db: Db,
  kind: SearchKind,
  refId: number,
  rows: { initiativeId: number | null; pos: number; title: string; body: string }[],
  fresh = false,
) {
  const first = searchRowId(kind, refId);
  const { rowId } = searchSql(db);
  if (!fresh) await db.$executeRaw`DELETE FROM "SearchIndex" WHERE "rowid" BETWEEN ${rowId(first)} AND ${rowId(first + PART_SPAN - 1)}`;
  for (const [part, row] of rows.entries()) {
    await db.$executeRaw`INSERT INTO "SearchIndex" ("rowid", "kind", "refId", "initiativeId", "pos", "title", "body")
      VALUES (${rowId(searchRowId(kind, refId, part))}, ${kind}, ${refId}, ${row.initiativeId}, ${row.pos}, ${stemText(row.title)}, ${stemText(row.body)})`;
  }
  await addVocabulary(db, vocabularyWords(rows.map((row) => `${row.title} ${row.body}`).join(" ")));
}

export function indexInitiative(db: Db, initiative: { id: number; titleRu: string; titleEn: string; summaryRu: string; summaryEn: string }) {
  return replace(db, "initiative", initiative.id, [
    {
      initiativeId: initiative.id,
      pos: 0,
      title: `${initiative.titleRu} ${initiative.titleEn}`,
      body: `${initiative.summaryRu} ${initiative.summaryEn}`,
    },
  ]);
}

/** A merged duplicate is found through the initiative it was merged into, not on its own. */
export function removeInitiativeFromIndex(db: Db, initiativeId: number) {
  return replace(db, "initiative", initiativeId, []);
}

export function indexQuote(db: Db, quote: { id: number; text: string; initiativeId: number | null }) {
  return replace(db, "quote", quote.id, [{ initiativeId: quote.initiativeId, pos: 0, title: "", body: quote.text }]);
}

export function indexHistoryNote(
  db: Db,
  entry: { id: number; initiativeId: number; note: string; overrideNote: string | null },
  options: { fresh?: boolean } = {},
) {
  const body = [entry.note, entry.overrideNote].filter(Boolean).join(" ");
  return replace(db, "note", entry.id, body ? [{ initiativeId: entry.initiativeId, pos: 0, title: "", body }] : [], options.fresh);
}

/** indexHistoryNote for many entries created in this transaction (the bulk import): one statement per 500 notes. */
export async function indexHistoryNotes(db: Db, entries: { id: number; initiativeId: number; note: string; overrideNote: string | null }[]) {
  const { rowId } = searchSql(db);
  const bodies = new Map<string, string>();
  const title = stemText("");
  const values = entries.flatMap((entry) => {
    const body = [entry.note, entry.overrideNote].filter(Boolean).join(" ");
    if (!body) return [];
    // An upload's rows share its note: stemmed once.
    if (!bodies.has(body)) bodies.set(body, stemText(body));
    return [Prisma.sql`(${rowId(searchRowId("note", entry.id))}, ${"note"}, ${entry.id}, ${entry.initiativeId}, ${0}, ${title}, ${bodies.get(body)!})`];
  });
  for (let from = 0; from < values.length; from += 500) {
    await db.$executeRaw`INSERT INTO "SearchIndex" ("rowid", "kind", "refId", "initiativeId", "pos", "title", "body") VALUES ${Prisma.join(values.slice(from, from + 500))}`;
  }
  await addVocabulary(db, vocabularyWords([...bodies.keys()].join(" ")));
}

/** A source is indexed paragraph by paragraph, so a hit can show the passage around it. */
export function indexSource(db: Db, source: { id: number; text: string }) {
  const rows: { initiativeId: null; pos: number; title: string; body: string }[] = [];
  let pos = 0;
  for (const paragraph of source.text.split("\n")) {
    if (paragraph.trim()) rows.push({ initiativeId: null, pos, title: "", body: paragraph });
    pos += paragraph.length + 1;
  }
  return replace(db, "passage", source.id, rows);
}

/** Rebuilds the whole index from the tables (after restoring a backup, or a migration). */
export async function rebuildSearchIndex(db: Db, onProgress?: (done: number, total: number) => void): Promise<number> {
  await db.$executeRaw`DELETE FROM "SearchIndex"`;
  await db.$executeRaw`DELETE FROM "SearchWord"`;
  const initiatives = await db.initiative.findMany({
    where: { mergedIntoId: null },
    select: { id: true, titleRu: true, titleEn: true, summaryRu: true, summaryEn: true },
  });
  const quotes = await db.quote.findMany({ select: { id: true, text: true, initiativeId: true } });
  // A merged duplicate's notes lead to the initiative it was merged into.
  const entries = (
    await db.historyEntry.findMany({ select: { id: true, initiativeId: true, note: true, overrideNote: true, initiative: { select: { mergedIntoId: true } } } })
  ).map(({ initiative, ...entry }) => ({ ...entry, initiativeId: initiative.mergedIntoId ?? entry.initiativeId }));
  const sources = await db.source.findMany({ select: { id: true, text: true } });
  const total = initiatives.length + quotes.length + entries.length + sources.length;
  let done = 0;
  const step = () => onProgress?.(++done, total);
  for (const initiative of initiatives) await indexInitiative(db, initiative).then(step);
  for (const quote of quotes) await indexQuote(db, quote).then(step);
  for (const entry of entries) await indexHistoryNote(db, entry).then(step);
  for (const source of sources) await indexSource(db, source).then(step);
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "SearchIndex"`;
  return Number(row?.n ?? 0);
}

/**
 * True when the index must be rebuilt: there is content but no index yet (a database migrated
 * before search existed), rows from before rowids were computed (they could not be replaced), or
 * an index without the vocabulary spelling suggestions read (a database from before it existed).
 */
export async function searchIndexIsMissing(db: Db): Promise<boolean> {
  const [vocabulary] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM (SELECT 1 FROM "SearchWord" LIMIT 1) w`;
  const [index] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM (SELECT 1 FROM "SearchIndex" LIMIT 1) r`;
  if (Number(vocabulary?.n ?? 0) === 0 && Number(index?.n ?? 0) > 0) return true;
  const [row] = await db.$queryRaw<{ n: number | bigint; legacy: number | bigint | null }[]>`
    SELECT count(*) AS n, sum(CASE WHEN "rowid" < ${searchSql(db).rowId(KIND_SPAN)} THEN 1 ELSE 0 END) AS legacy FROM "SearchIndex"`;
  if (Number(row?.legacy ?? 0) > 0) return true;
  return Number(row?.n ?? 0) === 0 && (await db.initiative.count()) > 0;
}
