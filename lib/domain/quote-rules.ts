/**
 * What counts as an evidence quote, for editors' forms and the seed alike: long enough to say
 * something (a one-letter «и» is in every text), and pinned to one place in its source.
 */
export const QUOTE_MIN_WORDS = 3;
export const QUOTE_MIN_CHARACTERS = 20;

/** At least three words or twenty characters. */
export function isLongEnoughQuote(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return words >= QUOTE_MIN_WORDS || [...text.trim()].length >= QUOTE_MIN_CHARACTERS;
}

/** Where a quote starts in a text, every occurrence (overlapping ones too), in order. */
export function quoteOccurrences(text: string, quote: string): number[] {
  const starts: number[] = [];
  if (!quote) return starts;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}
