import { getTranslations } from "next-intl/server";
import type { CountryOption } from "@/lib/countries/list-countries";
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, MEETING_RELATIONS, STAGES, THEMES, vocabularyLabel } from "@/lib/domain/vocabulary";
import { FACETS, SORTS, type Facet, type FacetValue, type InitiativeQuery } from "@/lib/initiatives/query-initiatives";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import type { SourceOption } from "@/lib/sources/list-sources";

const FIELD = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900";

/**
 * A plain GET form: the filters live in the URL and work without JavaScript. Each option
 * shows how many initiatives it would give with the other filters applied (the facets).
 */
export async function InitiativeFiltersForm({
  locale,
  action,
  query,
  facets,
  countries,
  sources,
}: {
  locale: string;
  action: string;
  query: InitiativeQuery;
  facets: Record<Facet, FacetValue[]>;
  countries: CountryOption[];
  sources: SourceOption[];
}) {
  const [t, tRelation, tStatus, tStage, tTheme, tKind, tCommon] = await Promise.all([
    getTranslations("list"),
    getTranslations("meetingRelation"),
    getTranslations("status"),
    getTranslations("stage"),
    getTranslations("theme"),
    getTranslations("kind"),
    getTranslations("common"),
  ]);
  const countryName = new Map(countries.map((country) => [country.code, localized(locale, country.nameRu, country.nameEn)]));
  // A title in another language than the page's is marked as such (the English page lists Russian titles as written).
  const sourceName = new Map(
    sources.map((source) => {
      const name = source.title ?? source.outlet ?? tCommon("unknown");
      return [String(source.id), source.language !== locale && source.title ? t("sourceInLanguage", { name, language: source.language }) : name];
    }),
  );
  const label: Record<Facet, (value: string) => string> = {
    relation: vocabularyLabel(MEETING_RELATIONS, (value) => tRelation(value)),
    status: vocabularyLabel(INITIATIVE_STATUSES, (value) => tStatus(value)),
    stage: vocabularyLabel(STAGES, (value) => tStage(value)),
    theme: vocabularyLabel(THEMES, (value) => tTheme(value)),
    kind: vocabularyLabel(INITIATIVE_KINDS, (value) => tKind(value)),
    country: (value) => countryName.get(value) ?? value,
    proposer: (value) => countryName.get(value) ?? value,
    source: (value) => sourceName.get(value) ?? value,
    event: (value) => value,
  };
  // This form picks one value per filter; a link may give several (`country=KZ,UZ`), which the first stands for here.
  const selected = (facet: Facet) => {
    const value = query[facet];
    return value === undefined ? "" : String(Array.isArray(value) ? value[0] : value);
  };

  return (
    <form method="get" action={action} role="search" aria-label={t("filters")} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2 lg:col-span-4">
          <label htmlFor="filter-q" className="font-medium">
            {t("search")}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} aria-describedby="filter-q-hint" className={FIELD} />
          <p id="filter-q-hint" className="mt-1 text-sm text-slate-600">
            {t("searchHint")}
          </p>
        </div>
        {/* The event filter is in the URL and the API; this form does not offer it yet. */}
        {FACETS.filter((facet) => facet !== "event").map((facet) => {
          const counts = new Map(facets[facet].map((entry) => [entry.value, entry.count]));
          // Every known value stays selectable, with its count; the current one even at zero.
          const values = [...new Set([...facets[facet].map((entry) => entry.value), ...(selected(facet) ? [selected(facet)] : [])])];
          return (
            <div key={facet}>
              <label htmlFor={`filter-${facet}`} className="font-medium">
                {t(`facet.${facet}`)}
              </label>
              <select id={`filter-${facet}`} name={facet} defaultValue={selected(facet)} className={FIELD}>
                <option value="">{t(`facetAny.${facet}`)}</option>
                {values.map((value) => (
                  <option key={value} value={value}>
                    {t("optionCount", { label: label[facet](value), count: counts.get(value) ?? 0 })}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div>
          <label htmlFor="filter-sort" className="font-medium">
            {t("sort")}
          </label>
          <select id="filter-sort" name="sort" defaultValue={query.sort ?? ""} className={FIELD}>
            <option value="">{t("sortDefault")}</option>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sortBy.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
            {t("apply")}
          </button>
          <Link href="/initiatives" className="py-2 text-blue-800 underline">
            {t("reset")}
          </Link>
        </div>
      </div>
    </form>
  );
}
