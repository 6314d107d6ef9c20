import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { searchCandidateIndex } from "../../lib/matcher/candidate-index";
import { commitmentWords } from "../../lib/matcher/commitments";
import { matchSource, type MatchResult } from "../../lib/matcher/match-source";
import { splitSentences } from "../../lib/matcher/sentences";
import { freshDatabase } from "../helpers/test-database";

// The evaluation set: invented test articles with the passages an editor would accept (labels.json).
const DIR = path.join(import.meta.dirname, "../fixtures/matcher");
interface Labels {
  articles: Record<string, { language: string; expected: Record<string, string[]>; newCommitments: string[] }>;
}
const labels = JSON.parse(readFileSync(path.join(DIR, "labels.json"), "utf8")) as Labels;
const article = (name: string) => readFileSync(path.join(DIR, name), "utf8");

const db = await freshDatabase("matcher");
const prisma = db.prisma;
let slugOf = new Map<number, string>();

beforeAll(async () => {
  await seedDatabase(prisma, catalog);
  slugOf = new Map((await prisma.initiative.findMany({ select: { id: true, slug: true } })).map((row) => [row.id, row.slug]));
});
afterAll(() => prisma.$disconnect());

const run = (text: string) => matchSource(prisma, searchCandidateIndex(prisma), text);
const proposals = (result: MatchResult) =>
  result.initiatives.flatMap((match) =>
    match.candidates.map((candidate) => ({ slug: slugOf.get(match.initiativeId)!, sentence: candidate.sentence.text, score: candidate.score })),
  );

describe("sentences", () => {
  it("are exact spans of the text, split at sentence ends and paragraphs but not after initials or abbreviations", () => {
    const text = "Ш. Мирзиёев выступил первым. Затем слово взял К.-Ж. Токаев!\n\nВторой абзац, т.е. новый фрагмент. The U.S. delegation agreed.";
    const sentences = splitSentences(text);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.text)).toEqual([
      "Ш. Мирзиёев выступил первым.",
      "Затем слово взял К.-Ж. Токаев!",
      "Второй абзац, т.е. новый фрагмент.",
      "The U.S. delegation agreed.",
    ]);
  });

  it("cut a text without punctuation into readable pieces", () => {
    const sentences = splitSentences("слово ".repeat(1000));
    expect(sentences.length).toBeGreaterThan(5);
    expect(Math.max(...sentences.map((s) => s.end - s.start))).toBeLessThanOrEqual(1000);
  });
});

describe("commitment words", () => {
  it("are found in both languages, in any form, and not inside other words", () => {
    expect(commitmentWords("Стороны договорились и подписали меморандум").length).toBe(2);
    expect(commitmentWords("The ministers agreed and signed it").length).toBe(2);
    expect(commitmentWords("A significant committee met.")).toEqual([]);
  });
});

describe("the matcher on the evaluation articles", () => {
  it("finds the paraphrased water convention and rare-earth centre, and the new commitment", async () => {
    const result = await run(article("water-and-rare-earths-ru.txt"));
    const found = proposals(result);
    expect(found.some((p) => p.slug === "water-use-framework-convention" && p.sentence.includes("конвенции о водопользовании"))).toBe(true);
    expect(found.some((p) => p.slug === "rare-earth-research-centre" && p.sentence.includes("центр по редким землям"))).toBe(true);
    expect(result.newCommitments.map((c) => c.sentence.text).join(" ")).toContain("мониторингу ледников");
    // The highlighted words are words of the sentence, at their places in the text.
    const text = article("water-and-rare-earths-ru.txt");
    const rare = result.initiatives.find((m) => slugOf.get(m.initiativeId) === "rare-earth-research-centre")!.candidates[0]!;
    expect(rare.highlights.map((h) => text.slice(h.start, h.end))).toEqual(expect.arrayContaining(["центр", "редким"]));
  });

  it.each(["street-music-festival-ru.txt", "football-season-en.txt"])("proposes nothing from an unrelated article (%s)", async (name) => {
    const result = await run(article(name));
    expect(proposals(result)).toEqual([]);
    expect(result.newCommitments).toEqual([]);
  });

  it("reaches the recall and precision of its top 3 stated in the README", async () => {
    let expectedPairs = 0;
    let foundPairs = 0;
    let proposed = 0;
    let correct = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const [name, { expected }] of Object.entries(labels.articles)) {
      const found = proposals(await run(article(name)));
      for (const [slug, fragments] of Object.entries(expected)) {
        expectedPairs += 1;
        if (found.some((p) => p.slug === slug && fragments.some((f) => p.sentence.includes(f)))) foundPairs += 1;
        else misses.push(`${name}: ${slug}`);
      }
      for (const p of found) {
        proposed += 1;
        if ((expected[p.slug] ?? []).some((f) => p.sentence.includes(f))) correct += 1;
        else wrong.push(`${name}: ${p.slug} ← «${p.sentence.slice(0, 80)}» (${p.score})`);
      }
    }
    const recall = foundPairs / expectedPairs;
    const precision = proposed ? correct / proposed : 1;
    console.log(
      `matcher top-3: recall ${foundPairs}/${expectedPairs} = ${recall.toFixed(2)}, precision ${correct}/${proposed} = ${precision.toFixed(2)}\nmissed: ${misses.join("; ") || "none"}\nwrong: ${wrong.join("; ") || "none"}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.7);
  });
});
