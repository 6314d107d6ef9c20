/** Folds case and ё so that «Водная» and «водная», «объём» and «объем» match. */
export function normalizeForSearch(text: string): string {
  return text.toLocaleLowerCase("ru").replaceAll("ё", "е").replace(/\s+/g, " ").trim();
}

export function buildSearchText(fields: { titleRu: string; titleEn: string; summaryRu: string; summaryEn: string }): string {
  return normalizeForSearch([fields.titleRu, fields.titleEn, fields.summaryRu, fields.summaryEn].join(" \n "));
}

/** A LIKE pattern that matches the text literally: %, _ and the escape character lose their meaning. */
export function likePattern(query: string): string {
  return `%${normalizeForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
