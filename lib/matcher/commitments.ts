/**
 * Words that announce a commitment (proposal, decision, agreement, signature, ratification,
 * launch) in Russian or English, by the beginning of the word so every form counts.
 */
const COMMITMENT = new RegExp(
  [
    "предлага",
    "предлож",
    "договорил",
    "договорён",
    "договорен",
    "подписа",
    "ратифицир",
    "одобр",
    "утверд",
    "решил",
    "принял[иа]? решение",
    "приняли",
    "согласовал",
    "намерен",
    "обязал",
    "запуст",
    "учред",
    "создат",
    "создан",
    "agree",
    "sign(?:ed|ing|s|ature)?(?![\\p{L}])",
    "ratif",
    "propos",
    "decid",
    "decision",
    "approv",
    "commit(?:ted|ment|ments|s)?(?![\\p{L}])",
    "pledg",
    "launch",
    "adopt",
    "establish",
    "set up",
  ]
    .map((word) => `(?<![\\p{L}])${word}`)
    .join("|"),
  "giu",
);

/** The commitment words of a sentence, as [start, end) offsets inside it. */
export function commitmentWords(sentence: string): [number, number][] {
  const found: [number, number][] = [];
  for (const match of sentence.matchAll(COMMITMENT)) {
    // Extend to the end of the word so the whole word is highlighted.
    let end = match.index + match[0].length;
    while (end < sentence.length && /[\p{L}\p{M}]/u.test(sentence[end]!)) end++;
    found.push([match.index, end]);
  }
  return found;
}
