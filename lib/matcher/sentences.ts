/**
 * Sentences of a source as spans of its exact text, so a passage accepted from them is a quote at
 * its true offsets. Paragraphs (blank lines) always end a sentence; inside one, a sentence ends at
 * . ! ? … (and closing quotes) followed by a capital letter, a digit or an opening quote, except
 * after an initial («Ш. Мирзиёев») or a common abbreviation.
 */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

const PARAGRAPH = /\n[^\S\n]*\n\s*/g;
const END = /[.!?…]+[»"”’)]*(?=\s+["«“(]?[\p{Lu}\p{N}])/gu;
const ABBREVIATION = /(?:^|[\s(«".-])(?:\p{Lu}|г|гг|т\.е|т\.д|т\.п|др|им|ул|стр|см|ср|тыс|млн|млрд|долл|руб|Mr|Mrs|Ms|Dr|St|vs|etc|e\.g|i\.e|No|Inc|Ltd)$/u;
/** Longer "sentences" (a text without punctuation) are cut at a space so a passage stays readable. */
const MAX_SENTENCE = 1_000;

function pushTrimmed(out: Sentence[], text: string, start: number, end: number) {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  while (to - from > MAX_SENTENCE) {
    const cut = text.lastIndexOf(" ", from + MAX_SENTENCE);
    const at = cut > from ? cut : from + MAX_SENTENCE;
    out.push({ index: out.length, start: from, end: at, text: text.slice(from, at) });
    from = at;
    while (from < to && /\s/.test(text[from]!)) from++;
  }
  if (to > from) out.push({ index: out.length, start: from, end: to, text: text.slice(from, to) });
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs: [number, number][] = [];
  let last = 0;
  for (const match of text.matchAll(PARAGRAPH)) {
    paragraphs.push([last, match.index]);
    last = match.index + match[0].length;
  }
  paragraphs.push([last, text.length]);
  for (const [from, to] of paragraphs) {
    const paragraph = text.slice(from, to);
    let start = 0;
    for (const match of paragraph.matchAll(END)) {
      const end = match.index + match[0].length;
      if (match[0].startsWith(".") && match[0].length === 1 && ABBREVIATION.test(paragraph.slice(Math.max(start, match.index - 8), match.index))) continue;
      pushTrimmed(sentences, text, from + start, from + end);
      start = end;
    }
    pushTrimmed(sentences, text, from + start, to);
  }
  return sentences;
}
