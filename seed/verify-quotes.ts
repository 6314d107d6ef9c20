import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { isLongEnoughQuote, QUOTE_MIN_CHARACTERS, QUOTE_MIN_WORDS } from "../lib/domain/quote-rules";
import type { Catalog } from "./catalog";
import type { QuoteSpec, SourceFile } from "./data/types";

/** How far from its quote an attribution phrase may stand (a paragraph). */
const ATTRIBUTION_REACH = 400;

export const ARTICLES_DIR = path.join(process.cwd(), "seed", "articles");

export interface Article {
  file: SourceFile;
  text: string;
  sha256: string;
}

/** Reads an article exactly as received; the hash is of its bytes. */
export function readArticle(file: SourceFile, dir = ARTICLES_DIR): Article {
  const bytes = readFileSync(path.join(dir, file));
  return { file, text: bytes.toString("utf8"), sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Every quote in the catalogue, each with a label that says where it is used. */
export function collectQuotes(catalog: Catalog): { label: string; quote: QuoteSpec }[] {
  const found: { label: string; quote: QuoteSpec }[] = [];
  const add = (label: string, quote: QuoteSpec | null) => {
    if (quote) found.push({ label, quote });
  };
  for (const source of catalog.sources) {
    add(`source ${source.file} title`, source.titleQuote);
    add(`source ${source.file} outlet`, source.outletQuote);
    add(`source ${source.file} date`, source.dateQuote);
  }
  for (const event of catalog.events) {
    event.quotes.forEach((quote, i) => add(`event ${event.slug} quote #${i + 1}`, quote));
    for (const attendee of event.attendance) add(`event ${event.slug} attendance ${attendee.country}`, attendee.quote);
  }
  for (const country of catalog.countries) country.quotes.forEach((quote, i) => add(`country ${country.code} quote #${i + 1}`, quote));
  for (const person of catalog.persons) person.quotes.forEach((quote, i) => add(`person ${person.slug} quote #${i + 1}`, quote));
  for (const initiative of catalog.initiatives) {
    const at = `initiative ${initiative.slug}`;
    add(`${at} status`, initiative.statusQuote);
    add(`${at} proposer`, initiative.proposer?.quote ?? null);
    initiative.quotes.forEach((quote, i) => add(`${at} quote #${i + 1}`, quote));
    for (const participant of initiative.participants) add(`${at} participant ${participant.country}`, participant.quote);
    for (const metric of initiative.metrics) {
      add(`${at} metric ${metric.slug} baseline`, metric.baseline?.quote ?? null);
      add(`${at} metric ${metric.slug} target`, metric.target?.quote ?? null);
      metric.readings.forEach((reading, i) => add(`${at} metric ${metric.slug} reading #${i + 1}`, reading.quote));
    }
  }
  return found;
}

/**
 * Checks every quote against its article at its offsets (and the editors' minimum length), and every stated figure
 * against its quote. Returns one line per problem; an empty list means all hold.
 */
export function findProvenanceProblems(catalog: Catalog, articles: Map<SourceFile, Article>): string[] {
  const problems: string[] = [];
  for (const { label, quote } of collectQuotes(catalog)) {
    const article = articles.get(quote.file);
    if (!article) {
      problems.push(`${label}: article ${quote.file} is missing`);
      continue;
    }
    const actual = article.text.slice(quote.start, quote.end);
    if (actual !== quote.text) {
      problems.push(`${label}: ${quote.file}[${quote.start}, ${quote.end}) reads «${actual}», expected «${quote.text}»`);
    }
    // The editors' rule: a seed quote is pinned by its offsets, but must say as much as an editor's.
    if (!isLongEnoughQuote(quote.text))
      problems.push(`${label}: «${quote.text}» is shorter than ${QUOTE_MIN_WORDS} words or ${QUOTE_MIN_CHARACTERS} characters`);
    const attribution = quote.speaker?.attribution;
    if (attribution && !article.text.slice(Math.max(0, quote.start - ATTRIBUTION_REACH), quote.end + ATTRIBUTION_REACH).includes(attribution)) {
      problems.push(`${label}: attribution «${attribution}» is not written within ${ATTRIBUTION_REACH} characters of the quote`);
    }
  }
  const texts = [...articles.values()].map((article) => article.text.toLocaleLowerCase("ru"));
  const forms = [...Object.entries(catalog.nameForms.persons), ...Object.entries(catalog.nameForms.countries)];
  for (const [who, list] of forms) {
    for (const form of list) {
      if (!texts.some((text) => text.includes(form.toLocaleLowerCase("ru")))) problems.push(`name forms of ${who}: «${form}» is in neither article`);
    }
  }
  for (const initiative of catalog.initiatives) {
    for (const metric of initiative.metrics) {
      const figures = [metric.baseline, metric.target, ...metric.readings].filter((figure) => figure !== null);
      for (const figure of figures) {
        if (!figure.quote.text.includes(figure.text)) {
          problems.push(`metric ${metric.slug}: figure «${figure.text}» does not appear in its quote «${figure.quote.text}»`);
        }
      }
    }
  }
  return problems;
}
