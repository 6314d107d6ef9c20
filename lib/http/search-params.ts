/** A page's `searchParams` as Next passes them: a parameter given twice arrives as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a search parameter (pages read the first; the API refuses repeats instead). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
