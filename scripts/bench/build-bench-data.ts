import { searchRowId, vocabularyWords, type SearchKind } from "../../lib/search/search-index";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { countries as catalogCountries, events as catalogEvents } from "../../seed/data/catalog";
import { hashPassword } from "../../lib/auth/password";
import { databasePathFromUrl } from "../../lib/db/database-path";
import { applyMigrations, deleteDatabaseFile } from "../../lib/db/schema-engine";
import { ALLOWED_TRANSITIONS, isAllowedTransition } from "../../lib/domain/transitions";
import { countryField, joinThemes } from "../../lib/history/field-changes";
import {
  HISTORY_KINDS,
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  STAGES,
  THEMES,
  type InitiativeStatus,
  type Stage,
  type Theme,
} from "../../lib/domain/vocabulary";
import { stemWord } from "../../lib/search/stem";
import { progress } from "../cli/progress";
import { parseArgs } from "./args";
import { Rng } from "./prng";
import { ADJECTIVES, articleSentence, HEADS, historyNote, OBJECTS, OVERRIDE_NOTES, pickTopic, summary, title, type Topic } from "./words";

/**
 * `npm run bench:data -- --initiatives N --changes M [--out ./data/bench-N-M.db] [--seed S] [--now YYYY-MM-DD]`
 *
 * Builds a synthetic tracker database of a chosen size in a file of its own (never the real
 * one) for the benchmarks (docs/benchmarks.md). The schema comes from the real migrations;
 * rows are bulk-inserted with better-sqlite3 prepared statements in large transactions,
 * because going through Prisma one row at a time would take hours at 1M history entries.
 * The same seed gives the same rows (except password hashes, salted at random by design;
 * dates are relative to --now, by default the start of today, UTC).
 */

export interface BenchDataOptions {
  initiatives: number;
  changes: number;
  out?: string;
  seed?: string;
  /** The "today" that the three years of history end at (ISO date); default: today, UTC. */
  now?: string;
  log?: (line: string) => void;
}

export interface BenchDataSummary {
  file: string;
  counts: Record<string, number>;
  bytes: number;
  seconds: number;
}

export function defaultBenchPath(initiatives: number, changes: number): string {
  return path.resolve("data", `bench-${initiatives}-${changes}.db`);
}

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const MAX_ENTRIES_PER_INITIATIVE = 1500;

const MEMBERS = ["KZ", "KG", "TJ", "TM", "UZ", "AZ"] as const;
const PARTNERS = ["CN", "US", "RU", "EU"] as const;

/** Skewed the way a tracker fills up: most things are proposed, agreed or under way. */
const STATUS_WEIGHTS: [InitiativeStatus, number][] = [
  ["proposed", 30],
  ["agreed", 24],
  ["in_progress", 22],
  ["in_preparation", 10],
  ["implemented", 7],
  ["stalled", 5],
  ["dropped", 2],
];
const KIND_WEIGHTS: [(typeof INITIATIVE_KINDS)[number], number][] = [
  ["proposal", 35],
  ["decision", 20],
  ["project", 20],
  ["signed_document", 10],
  ["target", 8],
  ["diplomatic_position", 7],
];
const THEME_WEIGHTS: [Theme, number][] = [
  ["transport_logistics", 18],
  ["water_environment", 15],
  ["trade_investment", 15],
  ["security", 10],
  ["digital_ai", 10],
  ["industry_minerals", 9],
  ["institutions_diplomacy", 9],
  ["tourism", 7],
  ["research_expertise", 7],
];
/** Plausible stages for each status (null = not stated). */
const STAGES_FOR: Record<InitiativeStatus, (Stage | null)[]> = {
  proposed: [null, "announced"],
  in_preparation: ["drafting", "announced"],
  agreed: ["text_agreed", "signed"],
  in_progress: ["signed", "ratified", "in_force"],
  implemented: ["operating", "in_force"],
  stalled: ["drafting", "announced", null],
  dropped: [null, "announced"],
};

const KIND_STATUS = 0;
const KIND_EDIT = 1;
const KIND_VERIFICATION = 2;

/** Dates as Prisma's SQLite adapter writes them: ISO with an explicit +00:00. */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const isoDay = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00.000+00:00`;
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const statusIndex = (status: InitiativeStatus) => INITIATIVE_STATUSES.indexOf(status);
const stageIndex = (stage: Stage | null) => (stage === null ? -1 : STAGES.indexOf(stage));
const stageAt = (index: number): Stage | null => (index < 0 ? null : STAGES[index]!);

/**
 * stemText from lib/search/stem.ts with a per-word cache: the synthetic text reuses a few
 * thousand word forms millions of times, and Snowball is the slow part of filling the index.
 * Same regex, same stemWord, so the index holds exactly what the app would write.
 */
function cachedStemmer() {
  const WORD = /[\p{L}\p{N}]+/gu;
  const cache = new Map<string, string>();
  return (text: string) => {
    const stems: string[] = [];
    for (const match of text.matchAll(WORD)) {
      const word = match[0];
      let stem = cache.get(word);
      if (stem === undefined) {
        stem = stemWord(word);
        cache.set(word, stem);
      }
      stems.push(stem);
    }
    return stems.join(" ");
  };
}

function refuseRealDatabase(file: string) {
  const forbidden = new Set([path.resolve("data", "tracker.db"), databasePathFromUrl(process.env.DATABASE_URL ?? "file:./data/tracker.db")]);
  if (forbidden.has(path.resolve(file))) {
    throw new Error(`Refusing to overwrite ${file}: that is the tracker's own database. Pick another --out.`);
  }
}

export async function buildBenchData(options: BenchDataOptions): Promise<BenchDataSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const n = Math.floor(options.initiatives);
  if (n < 1) throw new Error("--initiatives must be at least 1");
  // Every initiative starts with its first status entry, so there are at least N entries.
  const m = Math.max(n, Math.floor(options.changes));
  if (m !== Math.floor(options.changes)) log(`Note: ${options.changes} changes < ${n} initiatives; every initiative needs its first entry, so using ${m}.`);
  const file = path.resolve(options.out ?? defaultBenchPath(n, Math.floor(options.changes)));
  refuseRealDatabase(file);
  const seed = options.seed ?? "summit";
  const now = options.now ? Date.parse(`${options.now}T00:00:00Z`) : Math.floor(Date.now() / DAY) * DAY;
  if (!Number.isFinite(now)) throw new Error(`--now must be a date like 2026-11-21, got "${options.now}"`);
  const rng = new Rng(seed);
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const stem = cachedStemmer();

  log(`Building ${file}: ${n} initiatives, ${m} history entries, seed "${seed}", history ending ${dayText(now)}`);
  mkdirSync(path.dirname(file), { recursive: true });
  deleteDatabaseFile(`file:${file}`);
  const applied = await applyMigrations(`file:${file}`);
  log(`  migrations: ${applied.length} applied (${elapsed()})`);

  // Accounts: a handful of editors. Real scrypt hashes of random passwords nobody knows,
  // so the file holds no usable credentials; the bench signs in by inserting a session.
  const users: { id: number; email: string; displayName: string; passwordHash: string }[] = [];
  for (let k = 1; k <= 6; k++) {
    users.push({
      id: k,
      email: `bench-editor-${k}@example.test`,
      displayName: `Bench Editor ${k}`,
      passwordHash: await hashPassword(randomBytes(18).toString("base64url")),
    });
  }

  const db = new Database(file);
  // A throwaway file being built from scratch: no rollback journal and no fsync (a crash
  // means "run it again"); foreign keys are checked once at the end instead of per row.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("foreign_keys = OFF");
  db.pragma("temp_store = MEMORY");
  db.pragma("cache_size = -1048576");
  const counts: Record<string, number> = {};

  try {
    // ---- Reference data: countries, the event, accounts, sources ----
    const createdAt = iso(now - 3 * YEAR - 30 * DAY);
    db.transaction(() => {
      const country = db.prepare(`INSERT INTO "Country" ("code", "nameRu", "nameEn", "member") VALUES (?, ?, ?, ?)`);
      for (const c of catalogCountries) country.run(c.code, c.nameRu, c.nameEn, c.member ? 1 : 0);
      const event = catalogEvents[0]!;
      db.prepare(`INSERT INTO "Event" ("id", "slug", "nameRu", "nameEn", "placeRu", "placeEn", "dateText") VALUES (1, ?, ?, ?, ?, ?, ?)`).run(
        event.slug,
        event.nameRu,
        event.nameEn,
        event.placeRu,
        event.placeEn,
        event.dateText,
      );
      const user = db.prepare(
        `INSERT INTO "User" ("id", "email", "displayName", "role", "passwordHash", "active", "createdAt") VALUES (?, ?, ?, 'editor', ?, 1, ?)`,
      );
      for (const u of users) user.run(u.id, u.email, u.displayName, u.passwordHash, createdAt);
    })();

    // Sources: 2–5 article-sized texts (tens of kB, like the real ones); paragraphs of sentences.
    const sourceCount = n < 50 ? 2 : n < 1000 ? 3 : 5;
    const sources: { id: number; text: string; paragraphs: { words: [number, number][] }[] }[] = [];
    const insertSource = db.prepare(
      `INSERT INTO "Source" ("id", "key", "title", "outlet", "publishedOn", "language", "text", "sha256", "createdAt") VALUES (?, ?, ?, ?, ?, 'ru', ?, ?, ?)`,
    );
    db.transaction(() => {
      for (let s = 1; s <= sourceCount; s++) {
        const heading = `Региональная интеграция: ${articleSentence(rng).replace(/\.$/, "")}`;
        const paragraphs: string[] = [];
        // Article-sized (20–25k characters; ~50k at 100k initiatives): long enough that the ~2N
        // distinct quotes fill at most about half of the possible spans (≈14 per word, ≈50
        // words per paragraph), yet not so long that reading a source for each quote on an
        // initiative page measures our generator instead of the app.
        const paragraphCount = Math.max(rng.int(45, 70), Math.ceil((2 * 2 * n) / 14 / 50 / sourceCount));
        for (let p = 0; p < paragraphCount; p++) {
          const sentences: string[] = [];
          for (let k = rng.int(3, 6); k > 0; k--) sentences.push(articleSentence(rng));
          paragraphs.push(sentences.join(" "));
        }
        const text = `${heading}\n\n${paragraphs.join("\n\n")}\n`;
        // Word offsets per paragraph, for quotes that are real spans of the text.
        const spans: { words: [number, number][] }[] = [];
        let offset = 0;
        for (const paragraph of text.split("\n")) {
          if (paragraph.trim()) {
            const words: [number, number][] = [];
            for (const match of paragraph.matchAll(/\S+/g)) words.push([offset + match.index, offset + match.index + match[0].length]);
            if (words.length >= 6) spans.push({ words });
          }
          offset += paragraph.length + 1;
        }
        const publishedOn = rng.chance(0.8) ? isoDay(now - rng.int(30, 3 * 365) * DAY) : null;
        insertSource.run(
          s,
          `bench-source-${s}.txt`,
          rng.chance(0.7) ? heading : null,
          rng.chance(0.6) ? rng.pick(["Kazinform", "Altyn-orda.kz", "Podrobno.uz", "24.kg", "Trend"]) : null,
          publishedOn,
          text,
          createHash("sha256").update(text).digest("hex"),
          createdAt,
        );
        sources.push({ id: s, text, paragraphs: spans });
      }
    })();

    // Quotes: each a span of 3–16 whole words inside one paragraph, unique per source.
    const usedSpans = new Set<number>();
    const insertQuote = db.prepare(
      `INSERT INTO "Quote" ("id", "sourceId", "start", "end", "text", "initiativeId", "eventId", "countryCode") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let nextQuoteId = 1;
    let spanDraws = 0;
    const newQuote = (link: { initiativeId?: number; eventId?: number; countryCode?: string }) => {
      for (let attempt = 0; ; attempt++) {
        spanDraws++;
        const source = rng.pick(sources);
        const paragraph = rng.pick(source.paragraphs);
        const length = rng.int(3, 16);
        let first = rng.int(0, Math.max(0, paragraph.words.length - length));
        let last = Math.min(paragraph.words.length, first + length) - 1;
        // A quote may run across a sentence end, but never starts on a sentence's last word
        // or stops on the next sentence's first word («…бассейнов. На»).
        const endsSentence = (w: number) => source.text[paragraph.words[w]![1] - 1] === ".";
        if (last > first && endsSentence(first)) first++;
        while (last > first && endsSentence(last - 1)) last--;
        const start = paragraph.words[first]![0];
        let end = paragraph.words[last]![1];
        while (end > start + 1 && ",.;:".includes(source.text[end - 1]!)) end--;
        const key = (source.id * 1_048_576 + start) * 1_048_576 + end;
        if (usedSpans.has(key)) {
          if (attempt > 1000) throw new Error("Ran out of distinct quote spans; the sources are too short for this many quotes.");
          continue;
        }
        usedSpans.add(key);
        const id = nextQuoteId++;
        insertQuote.run(id, source.id, start, end, source.text.slice(start, end), link.initiativeId ?? null, link.eventId ?? null, link.countryCode ?? null);
        return id;
      }
    };
    db.transaction(() => {
      for (let k = 0; k < 3; k++) newQuote({ eventId: 1 });
      for (const code of [...MEMBERS, ...PARTNERS]) for (let k = rng.int(1, 2); k > 0; k--) newQuote({ countryCode: code });
    })();
    log(`  reference data: 10 countries, 1 event, ${users.length} editors, ${sourceCount} sources (${elapsed()})`);

    // ---- How many history entries each initiative gets: 1 + a long-tailed share of the rest ----
    // Pareto weights (alpha 1.25): most initiatives get a few entries, a few get hundreds.
    const entryCounts = new Int32Array(n).fill(1);
    {
      const extra = m - n;
      const weights = new Float64Array(n);
      let total = 0;
      for (let i = 0; i < n; i++) total += weights[i] = Math.pow(1 - rng.next(), -1 / 1.25);
      let given = 0;
      for (let i = 0; i < n; i++) {
        const share = Math.min(MAX_ENTRIES_PER_INITIATIVE - 1, Math.floor((extra * weights[i]!) / total));
        entryCounts[i] = 1 + share;
        given += share;
      }
      // Rounding and the cap leave some over; hand it out one by one to initiatives below the cap.
      for (let left = extra - given; left > 0;) {
        const i = rng.int(0, n - 1);
        if (entryCounts[i]! < MAX_ENTRIES_PER_INITIATIVE || n * (MAX_ENTRIES_PER_INITIATIVE - 1) < extra) {
          entryCounts[i]!++;
          left--;
        }
      }
    }

    // ---- History plan, kept in typed arrays (1M entries ≈ 40 MB) and written in time order later ----
    const entryInitiative = new Int32Array(m);
    const entryVersion = new Int32Array(m);
    const entryTime = new Float64Array(m);
    const entryKind = new Uint8Array(m);
    const entryFromStatus = new Int8Array(m);
    const entryToStatus = new Int8Array(m);
    const entryFromStage = new Int8Array(m);
    const entryToStage = new Int8Array(m);
    const entryPrevVerified = new Float64Array(m);
    const entryOverride = new Uint8Array(m);
    const quoteFirst = new Int32Array(n);
    const quoteCount = new Uint8Array(n);
    const topicAdjective = new Uint8Array(n);
    const topicHead = new Uint8Array(n);
    const topicObjectAdjective = new Uint8Array(n);
    const topicObject = new Uint8Array(n);
    const slugs: string[] = new Array<string>(n);

    const insertInitiative = db.prepare(
      `INSERT INTO "Initiative" ("id", "slug", "titleRu", "titleEn", "summaryRu", "summaryEn", "kind", "status", "stage", "eventId", "meetingRelation",
        "proposerCountryCode", "proposerQuoteId", "announcedOn", "targetDate", "targetDateText", "lastVerifiedOn", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'outcome', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertTheme = db.prepare(`INSERT INTO "InitiativeTheme" ("initiativeId", "theme") VALUES (?, ?)`);
    const insertParticipation = db.prepare(`INSERT INTO "Participation" ("initiativeId", "countryCode", "role", "stage", "quoteId") VALUES (?, ?, ?, ?, ?)`);

    let entry = 0;
    const batch = Math.max(1, Math.min(20_000, Math.ceil(n / 5)));
    const showInitiatives = progress("  initiatives", n, log);
    for (let from = 0; from < n; from += batch) {
      db.transaction(() => {
        for (let i = from; i < Math.min(n, from + batch); i++) {
          const id = i + 1;
          const topic: Topic = pickTopic(rng);
          topicAdjective[i] = ADJECTIVES.indexOf(topic.adjective);
          topicHead[i] = HEADS.indexOf(topic.head);
          topicObjectAdjective[i] = ADJECTIVES.indexOf(topic.objectAdjective);
          topicObject[i] = OBJECTS.indexOf(topic.object);
          const proposer = rng.chance(0.85) ? (rng.chance(0.9) ? rng.pick(MEMBERS) : rng.pick(PARTNERS)) : null;
          const name = title(rng, topic);
          const text = summary(rng, topic, proposer);
          const slug = `${name.en
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-|-$/g, "")
            .slice(0, 60)
            .replace(/-$/, "")}-${id}`;
          slugs[i] = slug;

          // Quotes first (history entries and participations cite them).
          const qn = rng.weighted([
            [1, 3],
            [2, 4],
            [3, 3],
          ] as const);
          quoteFirst[i] = nextQuoteId;
          quoteCount[i] = qn;
          for (let k = 0; k < qn; k++) newQuote({ initiativeId: id });
          const someQuote = () => quoteFirst[i]! + rng.int(0, qn - 1);

          // The history plan: versions 1..k, times increasing from the creation date to today.
          const k = entryCounts[i]!;
          const base = entry;
          const created = now - rng.int(20, 3 * 365) * DAY - rng.int(0, DAY - 1);
          const times = new Float64Array(k);
          times[0] = created;
          for (let v = 1; v < k; v++) times[v] = created + rng.next() * (now - created - 3_600_000);
          times.sort();
          for (let v = 1; v < k; v++) if (times[v]! <= times[v - 1]!) times[v] = times[v - 1]! + 1;
          const kinds = new Uint8Array(k);
          let statusChanges = 1;
          for (let v = 1; v < k; v++) {
            kinds[v] = rng.weighted([
              [KIND_STATUS, 55],
              [KIND_EDIT, 28],
              [KIND_VERIFICATION, 17],
            ] as const);
            if (kinds[v] === KIND_STATUS) statusChanges++;
          }
          // Status path: starts proposed (mostly), wanders along the allowed moves, ends at the
          // status drawn from the skewed distribution (with an override note when that last move
          // is not an allowed one).
          const finalStatus = rng.weighted(STATUS_WEIGHTS);
          let status: InitiativeStatus | null = null;
          let stage: Stage | null = null;
          let lastVerified = Number.NaN;
          let done = 0;
          for (let v = 0; v < k; v++) {
            const e = base + v;
            entryInitiative[e] = i;
            entryVersion[e] = v + 1;
            entryTime[e] = times[v]!;
            entryKind[e] = kinds[v]!;
            entryFromStatus[e] = status === null ? -1 : statusIndex(status);
            entryFromStage[e] = stageIndex(stage);
            entryToStatus[e] = -1;
            entryToStage[e] = -1;
            entryPrevVerified[e] = Number.NaN;
            if (kinds[v] === KIND_STATUS) {
              done++;
              let next: InitiativeStatus;
              if (done === statusChanges) next = finalStatus;
              else if (status === null)
                next = rng.weighted([
                  ["proposed", 80],
                  ["in_preparation", 10],
                  ["agreed", 10],
                ] as const);
              else next = rng.chance(0.4) ? status : rng.pick(ALLOWED_TRANSITIONS[status]);
              let nextStage = rng.pick(STAGES_FOR[next]);
              if (next === status && nextStage === stage) {
                // A stage-only change must change the stage: prefer another plausible one.
                const others = STAGES_FOR[next].filter((s) => s !== stage);
                nextStage = others.length ? rng.pick(others) : rng.pick(STAGES.filter((s) => s !== stage));
              }
              entryOverride[e] = status !== null && !isAllowedTransition(status, next) ? 1 : 0;
              entryToStatus[e] = statusIndex(next);
              entryToStage[e] = stageIndex(nextStage);
              status = next;
              stage = nextStage;
            } else if (kinds[v] === KIND_VERIFICATION) {
              entryPrevVerified[e] = lastVerified;
              lastVerified = times[v]!;
            }
          }
          entry += k;

          const hasTarget = rng.chance(0.3);
          insertInitiative.run(
            id,
            slug,
            name.ru,
            name.en,
            text.ru,
            text.en,
            rng.weighted(KIND_WEIGHTS),
            status,
            stage,
            proposer,
            proposer && rng.chance(0.6) ? quoteFirst[i]! : null,
            rng.chance(0.6) ? isoDay(created - rng.int(0, 60) * DAY) : null,
            hasTarget ? isoDay(now + rng.int(-365, 6 * 365) * DAY) : null,
            !hasTarget && rng.chance(0.2) ? `до ${rng.int(2026, 2035)} года` : null,
            Number.isNaN(lastVerified) ? null : iso(lastVerified),
            k,
            iso(times[0]!),
            iso(times[k - 1]!),
          );

          const themeCount = rng.weighted([
            [1, 50],
            [2, 35],
            [3, 15],
          ] as const);
          const themes = new Set<Theme>();
          while (themes.size < themeCount) themes.add(rng.weighted(THEME_WEIGHTS));
          for (const theme of themes) insertTheme.run(id, theme);

          // Countries: the proposer (role proposer) plus others, members more often than partners.
          const participants = rng.weighted([
            [0, 10],
            [1, 10],
            [2, 20],
            [3, 20],
            [4, 15],
            [5, 15],
            [6, 10],
          ] as const);
          const chosen = proposer ? [proposer as string] : [];
          const pool = rng.sample([...MEMBERS, ...MEMBERS, ...PARTNERS], 16);
          for (const code of pool) if (chosen.length < participants && !chosen.includes(code)) chosen.push(code);
          for (const code of chosen) {
            const role = code === proposer ? "proposer" : rng.chance(0.75) ? "participant" : "supporter";
            const own = rng.chance(0.5) ? rng.pick(STAGES_FOR[status ?? "proposed"]) : null;
            insertParticipation.run(id, code, role, own, rng.chance(0.3) ? someQuote() : null);
          }
        }
      })();
      showInitiatives(Math.min(n, from + batch));
    }
    counts.initiatives = n;
    log(
      `  quotes: ${nextQuoteId - 1} distinct spans from ${spanDraws} draws (${sources.map((s) => `${Math.round(s.text.length / 1000)} k`).join(", ")} characters per source)`,
    );

    // ---- History, written in the order it was recorded (ids grow with time, as in real use) ----
    const order = new Uint32Array(m);
    for (let e = 0; e < m; e++) order[e] = e;
    order.sort((a, b) => entryTime[a]! - entryTime[b]! || a - b);
    const insertEntry = db.prepare(
      `INSERT INTO "HistoryEntry" ("id", "initiativeId", "kind", "fromStatus", "toStatus", "fromStage", "toStage", "changes", "effectiveOn",
        "note", "overrideNote", "quoteId", "evidenceUrl", "evidenceTitle", "evidenceDate", "authorId", "reviewerId", "correctsId", "version", "recordedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const lastEntryId = new Int32Array(n);
    const topicOf = (i: number): Topic => ({
      adjective: ADJECTIVES[topicAdjective[i]!]!,
      head: HEADS[topicHead[i]!]!,
      objectAdjective: ADJECTIVES[topicObjectAdjective[i]!]!,
      object: OBJECTS[topicObject[i]!]!,
    });
    const historyBatch = 100_000;
    const showHistory = progress("  history", m, log);
    for (let from = 0; from < m; from += historyBatch) {
      db.transaction(() => {
        for (let position = from; position < Math.min(m, from + historyBatch); position++) {
          const e = order[position]!;
          const id = position + 1;
          const i = entryInitiative[e]!;
          const version = entryVersion[e]!;
          const time = entryTime[e]!;
          const kind = entryKind[e]!;
          const quote = () => quoteFirst[i]! + rng.int(0, quoteCount[i]! - 1);
          const author = rng.int(1, users.length);
          let changes = "[]";
          let effectiveOn: string | null = null;
          let note = "";
          let overrideNote: string | null = null;
          let quoteId: number | null = null;
          let evidenceUrl: string | null = null;
          let evidenceTitle: string | null = null;
          let evidenceDate: string | null = null;
          let authorId: number | null = author;
          let reviewerId: number | null = null;
          let correctsId: number | null = null;
          if (kind === KIND_STATUS) {
            if (version === 1 && rng.chance(0.5)) {
              // Imported from the articles, as the seed does.
              authorId = null;
              note = "Recorded from the source articles.";
              quoteId = quoteFirst[i]!;
            } else {
              note = historyNote(rng, topicOf(i));
              effectiveOn = rng.chance(0.85) ? isoDay(time - rng.int(0, 30) * DAY) : null;
              if (rng.chance(0.55)) quoteId = quote();
              else {
                evidenceUrl = `https://example.org/news/${i + 1}-${version}`;
                evidenceTitle = rng.chance(0.5) ? "Пресс-релиз министерства иностранных дел" : "Ministry of Foreign Affairs press release";
                evidenceDate = isoDay(time - rng.int(0, 10) * DAY);
              }
              if (entryOverride[e]) overrideNote = rng.pick(OVERRIDE_NOTES);
              if (rng.chance(0.05)) reviewerId = (author % users.length) + 1;
            }
          } else if (kind === KIND_EDIT) {
            note = historyNote(rng, topicOf(i));
            const fields: { field: string; from: string | null; to: string | null }[] = [];
            for (let c = rng.int(1, 2); c > 0; c--) {
              switch (rng.int(0, 4)) {
                case 0:
                  fields.push({ field: "titleEn", from: title(rng, pickTopic(rng)).en, to: title(rng, pickTopic(rng)).en });
                  break;
                case 1:
                  fields.push({
                    field: "targetDate",
                    from: rng.chance(0.3) ? null : dayText(time + rng.int(30, 900) * DAY),
                    to: dayText(time + rng.int(30, 1500) * DAY),
                  });
                  break;
                case 2: {
                  const [a, b] = rng.sample(THEMES, 2);
                  fields.push({ field: "themes", from: a!, to: joinThemes([a!, b!].sort()) });
                  break;
                }
                case 3:
                  fields.push({ field: countryField(rng.pick(MEMBERS), "stage"), from: rng.pick(STAGES), to: rng.pick(STAGES) });
                  break;
                default:
                  fields.push({ field: "summaryEn", from: "Earlier wording of the summary.", to: summary(rng, topicOf(i), null).en });
              }
            }
            changes = JSON.stringify(fields);
          } else {
            const previous = entryPrevVerified[e]!;
            changes = JSON.stringify([{ field: "lastVerifiedOn", from: Number.isNaN(previous) ? null : dayText(previous), to: dayText(time) }]);
            note = rng.chance(0.3) ? historyNote(rng, null) : "";
          }
          if (version > 1 && rng.chance(0.01)) correctsId = lastEntryId[i]!;
          insertEntry.run(
            id,
            i + 1,
            HISTORY_KINDS[kind]!,
            entryFromStatus[e]! < 0 || kind !== KIND_STATUS ? null : INITIATIVE_STATUSES[entryFromStatus[e]!]!,
            kind === KIND_STATUS ? INITIATIVE_STATUSES[entryToStatus[e]!]! : null,
            kind === KIND_STATUS ? stageAt(entryFromStage[e]!) : null,
            kind === KIND_STATUS ? stageAt(entryToStage[e]!) : null,
            changes,
            effectiveOn,
            note,
            overrideNote,
            quoteId,
            evidenceUrl,
            evidenceTitle,
            evidenceDate,
            authorId,
            reviewerId,
            correctsId,
            version,
            iso(time),
          );
          lastEntryId[i] = id;
        }
      })();
      showHistory(Math.min(m, from + historyBatch));
    }
    counts.history = m;

    // ---- A few quantitative targets with readings ----
    const metricCount = Math.min(n, 6 + Math.floor(n / 10_000));
    const METRICS = [
      ["Объём внутрирегиональной торговли", "Intra-regional trade volume", "млрд долларов США", "billion USD", 10, 25],
      ["Объём грузоперевозок по коридору", "Cargo carried along the corridor", "млн тонн", "million tonnes", 5, 20],
      ["Число туристов", "Number of tourists", "млн человек", "million people", 2, 8],
      ["Мощность новых электростанций", "Capacity of new power plants", "ГВт", "GW", 1, 6],
      ["Число подготовленных специалистов", "Specialists trained", "тыс. человек", "thousand people", 3, 15],
      ["Доля электронного документооборота", "Share of electronic document flow", "%", "%", 20, 90],
    ] as const;
    db.transaction(() => {
      const metric = db.prepare(
        `INSERT INTO "Metric" ("id", "slug", "initiativeId", "nameRu", "nameEn", "unitRu", "unitEn", "baselineValue", "baselineText", "baselinePeriod",
          "baselineQuoteId", "targetValue", "targetText", "targetDateText", "targetDate", "targetQuoteId") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const reading = db.prepare(
        `INSERT INTO "MetricReading" ("metricId", "value", "text", "observedOn", "observedText", "quoteId", "recordedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const owners = rng.sample(
        Array.from({ length: n }, (_, i) => i),
        metricCount,
      );
      let readings = 0;
      owners.forEach((i, index) => {
        const [nameRu, nameEn, unitRu, unitEn, baseline, target] = METRICS[index % METRICS.length]!;
        const suffix = index >= METRICS.length ? ` (${Math.floor(index / METRICS.length) + 1})` : "";
        const firstQuote = quoteFirst[i]!;
        const year = rng.int(2027, 2035);
        metric.run(
          index + 1,
          `bench-metric-${index + 1}`,
          i + 1,
          nameRu + suffix,
          nameEn + suffix,
          unitRu,
          unitEn,
          baseline,
          `${baseline} ${unitRu}`,
          "в прошлом году",
          firstQuote,
          target,
          `${target} ${unitRu}`,
          `к ${year} году`,
          rng.chance(0.5) ? isoDay(Date.parse(`${year}-12-31T00:00:00Z`)) : null,
          firstQuote,
        );
        for (let r = rng.int(0, 4), value = baseline; r > 0; r--) {
          value += (target - baseline) * rng.next() * 0.3;
          const observed = now - rng.int(10, 2 * 365) * DAY;
          reading.run(index + 1, Math.round(value * 10) / 10, null, isoDay(observed), null, rng.chance(0.5) ? firstQuote : null, iso(observed + DAY));
          readings++;
        }
      });
      counts.metrics = metricCount;
      counts.metricReadings = readings;
    })();

    // ---- The full-text index, filled exactly as lib/search/search-index.ts does, from the tables ----
    // Rows get the rowids lib/search/search-index.ts computes, so the app can replace them later.
    const insertRow = db.prepare(`INSERT INTO "SearchIndex" ("rowid", "kind", "refId", "initiativeId", "pos", "title", "body") VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const parts = new Map<string, number>();
    const insertIndex = {
      run: (kind: SearchKind, refId: number, initiativeId: number | null, pos: number, title: string, body: string) => {
        // Only a source's paragraphs share a refId; every other document is one row.
        const key = `${kind}:${refId}`;
        const part = kind === "passage" ? (parts.get(key) ?? 0) : 0;
        if (kind === "passage") parts.set(key, part + 1);
        insertRow.run(searchRowId(kind, refId, part), kind, refId, initiativeId, pos, title, body);
      },
    };
    // The vocabulary spelling suggestions read ("SearchWord"), as lib/search/search-index.ts records it.
    const vocabulary = new Set<string>();
    const learn = (text: string) => vocabularyWords(text).forEach((word) => vocabulary.add(word));
    const chunk = 50_000;
    let indexed = 0;
    const fill = <T extends { id: number }>(label: string, select: string, write: (row: T) => void) => {
      const page = db.prepare(`${select} WHERE "id" > ? ORDER BY "id" LIMIT ${chunk}`);
      const { total } = db.prepare(`SELECT count(*) AS total FROM (${select})`).get() as { total: number };
      const show = progress(`  search index (${label})`, total, log);
      for (let last = 0, read = 0; ;) {
        const rows = page.all(last) as T[];
        if (rows.length === 0) break;
        db.transaction(() => rows.forEach(write))();
        last = rows[rows.length - 1]!.id;
        read += rows.length;
        show(read);
      }
    };
    fill<{ id: number; titleRu: string; titleEn: string; summaryRu: string; summaryEn: string }>(
      "initiatives",
      `SELECT "id", "titleRu", "titleEn", "summaryRu", "summaryEn" FROM "Initiative"`,
      (row) => {
        insertIndex.run("initiative", row.id, row.id, 0, stem(`${row.titleRu} ${row.titleEn}`), stem(`${row.summaryRu} ${row.summaryEn}`));
        learn(`${row.titleRu} ${row.titleEn} ${row.summaryRu} ${row.summaryEn}`);
        indexed++;
      },
    );
    fill<{ id: number; text: string; initiativeId: number | null }>("quotes", `SELECT "id", "text", "initiativeId" FROM "Quote"`, (row) => {
      insertIndex.run("quote", row.id, row.initiativeId, 0, stem(""), stem(row.text));
      learn(row.text);
      indexed++;
    });
    fill<{ id: number; initiativeId: number; note: string; overrideNote: string | null }>(
      "notes",
      `SELECT "id", "initiativeId", "note", "overrideNote" FROM "HistoryEntry"`,
      (row) => {
        const body = [row.note, row.overrideNote].filter(Boolean).join(" ");
        if (!body) return;
        insertIndex.run("note", row.id, row.initiativeId, 0, stem(""), stem(body));
        learn(body);
        indexed++;
      },
    );
    fill<{ id: number; text: string }>("passages", `SELECT "id", "text" FROM "Source"`, (row) => {
      let pos = 0;
      for (const paragraph of row.text.split("\n")) {
        if (paragraph.trim()) {
          insertIndex.run("passage", row.id, null, pos, stem(""), stem(paragraph));
          learn(paragraph);
          indexed++;
        }
        pos += paragraph.length + 1;
      }
    });
    const insertWord = db.prepare(`INSERT INTO "SearchWord" ("word", "length") VALUES (?, ?)`);
    db.transaction(() => vocabulary.forEach((word) => insertWord.run(word, Array.from(word).length)))();
    log(`  search vocabulary: ${vocabulary.size} words (${elapsed()})`);
    // Merge the index's segments once, as a long-running index ends up after automerge.
    db.prepare(`INSERT INTO "SearchIndex" ("SearchIndex") VALUES ('optimize')`).run();
    counts.searchIndex = indexed;
    log(`  search index: ${indexed} rows, optimized (${elapsed()})`);

    const problems = db.pragma("foreign_key_check") as unknown[];
    if (problems.length) throw new Error(`Foreign key check failed: ${JSON.stringify(problems.slice(0, 5))}`);
    for (const table of [
      "Country",
      "Event",
      "User",
      "Source",
      "Quote",
      "Initiative",
      "InitiativeTheme",
      "Participation",
      "HistoryEntry",
      "Metric",
      "MetricReading",
    ]) {
      counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    }
    // Back to the mode the app runs in (prepareDatabaseFile would do it too).
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
  const bytes = statSync(file).size;
  const seconds = (performance.now() - started) / 1000;
  log(`Done in ${seconds.toFixed(1)} s: ${file}, ${(bytes / 1048576).toFixed(1)} MB`);
  return { file, counts, bytes, seconds };
}

// Run as a command (`npm run bench:data -- …`) unless imported by run-bench.ts.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  (async () => {
    const args = parseArgs(process.argv.slice(2), { numbers: ["initiatives", "changes"], strings: ["out", "seed", "now"] });
    const initiatives = args.number("initiatives", 20);
    const changes = args.number("changes", 200);
    const summaryOut = await buildBenchData({ initiatives, changes, out: args.string("out"), seed: args.string("seed"), now: args.string("now") });
    console.log("\nRows:");
    for (const [table, count] of Object.entries(summaryOut.counts)) if (/^[A-Z]/.test(table)) console.log(`  ${table.padEnd(16)} ${count}`);
    console.log(`  ${"SearchIndex".padEnd(16)} ${summaryOut.counts.searchIndex}`);
    console.log(`File: ${summaryOut.file} (${(summaryOut.bytes / 1048576).toFixed(1)} MB); elapsed ${summaryOut.seconds.toFixed(1)} s`);
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
