/**
 * English glosses of Russian phrases the sources state and the pages show as written (periods,
 * dates in words). The phrase itself stays the evidence; the gloss only helps an English reader.
 * Exact phrases only: anything not listed is shown in Russian, marked as such.
 */
const GLOSSES: Record<string, string> = {
  "в прошлом году": "last year",
  "30 августа – 3 сентября этого года": "30 August – 3 September this year",
};

export function englishGloss(phrase: string): string | null {
  return Object.hasOwn(GLOSSES, phrase) ? GLOSSES[phrase]! : null;
}
