import type { Db } from "../db/types";
import { stemText } from "./stem";

/**
 * The full-text index (FTS5 table "SearchIndex", see docs/decisions/010-full-text-search.md).
 * Rows hold stemmed text, which only the app can compute, so every write that changes
 * indexed text updates the index inside the same transaction through these functions.
 */
export type SearchKind = "initiative" | "quote" | "note" | "passage";

async function replace(db: Db, kind: SearchKind, refId: number, rows: { initiativeId: number | null; pos: number; title: string; body: string }[]) {
  await db.$executeRaw`DELETE FROM "SearchIndex" WHERE "kind" = ${kind} AND "refId" = ${refId}`;
  for (const row of rows) {
    await db.$executeRaw`INSERT INTO "SearchIndex" ("kind", "refId", "initiativeId", "pos", "title", "body")
      VALUES (${kind}, ${refId}, ${row.initiativeId}, ${row.pos}, ${stemText(row.title)}, ${stemText(row.body)})`;
  }
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

export function indexQuote(db: Db, quote: { id: number; text: string; initiativeId: number | null }) {
  return replace(db, "quote", quote.id, [{ initiativeId: quote.initiativeId, pos: 0, title: "", body: quote.text }]);
}

export function indexHistoryNote(db: Db, entry: { id: number; initiativeId: number; note: string; overrideNote: string | null }) {
  const body = [entry.note, entry.overrideNote].filter(Boolean).join(" ");
  return replace(db, "note", entry.id, body ? [{ initiativeId: entry.initiativeId, pos: 0, title: "", body }] : []);
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
export async function rebuildSearchIndex(db: Db): Promise<number> {
  await db.$executeRaw`DELETE FROM "SearchIndex"`;
  const initiatives = await db.initiative.findMany({ select: { id: true, titleRu: true, titleEn: true, summaryRu: true, summaryEn: true } });
  for (const initiative of initiatives) await indexInitiative(db, initiative);
  for (const quote of await db.quote.findMany({ select: { id: true, text: true, initiativeId: true } })) await indexQuote(db, quote);
  for (const entry of await db.historyEntry.findMany({ select: { id: true, initiativeId: true, note: true, overrideNote: true } })) {
    await indexHistoryNote(db, entry);
  }
  for (const source of await db.source.findMany({ select: { id: true, text: true } })) await indexSource(db, source);
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "SearchIndex"`;
  return Number(row?.n ?? 0);
}

/** True when there is content but no index yet (a database migrated before search existed). */
export async function searchIndexIsMissing(db: Db): Promise<boolean> {
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "SearchIndex"`;
  return Number(row?.n ?? 0) === 0 && (await db.initiative.count()) > 0;
}
