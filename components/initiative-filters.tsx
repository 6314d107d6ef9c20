import { getTranslations } from "next-intl/server";
import type { CountryOption } from "@/lib/countries/list-countries";
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, MEETING_RELATIONS, STAGES, THEMES } from "@/lib/domain/vocabulary";
import type { EventSummary } from "@/lib/events/get-event";
import { LIST_FILTERS, SORTS, toSearchParams, type Facet, type FacetValue, type InitiativeQuery } from "@/lib/initiatives/query-initiatives";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import type { SourceOption } from "@/lib/sources/list-sources";

const FIELD = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900";

/** Filters shown as groups of checkboxes (several values, any of which may hold). */
const CHECKBOX_FILTERS = ["status", "notStatus", "theme", "country"] as const;
/** Filters shown as one drop-down each. */
const SELECT_FILTERS = ["relation", "stage", "kind", "event", "proposer", "source"] as const;
const DATE_FILTERS = [
  ["announced", "announcedFrom", "announcedTo"],
  ["changed", "changedFrom", "changedTo"],
] as const;
type ChipFilter = (typeof CHECKBOX_FILTERS)[number] | (typeof SELECT_FILTERS)[number];

/**
 * A plain GET form: the filters live in the URL and work without JavaScript. Every value of a
 * filter is listed with how many initiatives it would give with the other filters applied (the
 * facets); a value that would give none stays visible, disabled, with its 0. On a phone the form
 * folds into a panel (CSS in app/globals.css); the active filters stay above it as chips, each a
 * link to the same view without it.
 */
export async function InitiativeFiltersForm({
  locale,
  action,
  query,
  facets,
  countries,
  sources,
  events,
}: {
  locale: string;
  action: string;
  query: InitiativeQuery;
  facets: Record<Facet, FacetValue[]>;
  countries: CountryOption[];
  sources: SourceOption[];
  events: EventSummary[];
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
  const eventName = new Map(events.map((event) => [event.slug, localized(locale, event.nameRu, event.nameEn)]));
  const countryCodes = countries.map((country) => country.code);
  // Every value a filter can take, in the vocabulary's order, whether or not any initiative has it now.
  const domain: Record<ChipFilter, { values: readonly string[]; label: (value: string) => string; facet: Facet }> = {
    status: { values: INITIATIVE_STATUSES, label: (value) => tStatus(value as never), facet: "status" },
    notStatus: { values: INITIATIVE_STATUSES, label: (value) => tStatus(value as never), facet: "status" },
    theme: { values: THEMES, label: (value) => tTheme(value as never), facet: "theme" },
    country: { values: countryCodes, label: (value) => countryName.get(value) ?? value, facet: "country" },
    relation: { values: MEETING_RELATIONS, label: (value) => tRelation(value as never), facet: "relation" },
    stage: { values: STAGES, label: (value) => tStage(value as never), facet: "stage" },
    kind: { values: INITIATIVE_KINDS, label: (value) => tKind(value as never), facet: "kind" },
    event: { values: events.map((event) => event.slug), label: (value) => eventName.get(value) ?? value, facet: "event" },
    proposer: { values: countryCodes, label: (value) => countryName.get(value) ?? value, facet: "proposer" },
    source: { values: sources.map((source) => String(source.id)), label: (value) => sourceName.get(value) ?? value, facet: "source" },
  };
  const selectedValues = (filter: ChipFilter): string[] => {
    const value = query[filter];
    if (value === undefined) return [];
    return Array.isArray(value) ? value.map(String) : [String(value)];
  };
  const countsOf = (filter: ChipFilter) => new Map(facets[domain[filter].facet].map((entry) => [entry.value, entry.count]));
  // "Leave out" counts what leaving a status out would remove: the initiatives that have it.
  const optionsOf = (filter: ChipFilter) => {
    const counts = countsOf(filter);
    const selected = selectedValues(filter);
    return [...new Set([...domain[filter].values, ...selected])].map((value) => ({
      value,
      label: domain[filter].label(value),
      count: counts.get(value) ?? 0,
      checked: selected.includes(value),
    }));
  };

  // The chips: one per active value; each links to the view without it (and back to page 1).
  const chips: { key: string; label: string; href: string }[] = [];
  const without = (key: keyof InitiativeQuery, value?: string) => {
    const current = query[key];
    const rest = Array.isArray(current) && value !== undefined ? current.filter((item) => String(item) !== value) : undefined;
    const params = toSearchParams({ ...query, page: undefined }, { [key]: rest && rest.length ? rest : undefined });
    const search = params.toString();
    return search ? `${action}?${search}` : action;
  };
  if (query.q) chips.push({ key: "q", label: `${t("search")}: «${query.q}»`, href: without("q") });
  for (const filter of [...CHECKBOX_FILTERS, ...SELECT_FILTERS]) {
    for (const value of selectedValues(filter)) {
      chips.push({ key: `${filter}:${value}`, label: `${t(`facet.${filter}`)}: ${domain[filter].label(value)}`, href: without(filter, value) });
    }
  }
  for (const [name, from, to] of DATE_FILTERS) {
    for (const key of [from, to]) {
      if (query[key]) chips.push({ key, label: `${t(`dates.${name}`)} ${t(key === from ? "dates.from" : "dates.to")} ${query[key]}`, href: without(key) });
    }
  }
  const listed = new Set<string>(LIST_FILTERS);

  return (
    <div className="space-y-3">
      {chips.length > 0 && (
        <div className="flex flex-wrap items-center gap-2" data-testid="active-filters">
          <h2 className="text-sm font-medium text-slate-800">{t("activeFilters")}</h2>
          <ul className="flex flex-wrap gap-2">
            {chips.map((chip) => (
              <li key={chip.key}>
                <a
                  href={chip.href}
                  aria-label={t("removeFilter", { label: chip.label })}
                  className="inline-flex items-center gap-1 rounded-full border border-blue-800 bg-blue-50 px-3 py-1 text-sm text-blue-900 hover:bg-blue-100"
                >
                  <span className="break-all">{chip.label}</span>
                  <span aria-hidden="true" className="font-bold">
                    ×
                  </span>
                </a>
              </li>
            ))}
          </ul>
          <Link href="/initiatives" className="text-sm text-blue-800 underline">
            {t("reset")}
          </Link>
        </div>
      )}
      <details className="fold-narrow block rounded-lg border border-slate-200 bg-white">
        <summary className="cursor-pointer px-4 py-3 font-medium text-blue-900">
          {chips.length ? t("filtersActive", { count: chips.length }) : t("filters")}
        </summary>
        <form method="get" action={action} role="search" aria-label={t("filters")} className="p-4 pt-0 sm:pt-4">
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
            {CHECKBOX_FILTERS.map((filter) => (
              <fieldset key={filter} className="min-w-0">
                <legend className="font-medium">{t(`facet.${filter}`)}</legend>
                {filter === "notStatus" && <p className="text-sm text-slate-600">{t("notStatusHint")}</p>}
                <ul className="mt-1 space-y-1">
                  {optionsOf(filter).map((option) => {
                    const id = `filter-${filter}-${option.value}`;
                    // A value that would give nothing stays listed, disabled, unless it is the one chosen.
                    const disabled = filter !== "notStatus" && option.count === 0 && !option.checked;
                    return (
                      <li key={option.value} className="flex items-start gap-2">
                        <input
                          id={id}
                          type="checkbox"
                          name={filter}
                          value={option.value}
                          defaultChecked={option.checked}
                          disabled={disabled}
                          className="mt-1 size-4 shrink-0"
                        />
                        <label htmlFor={id} className={disabled ? "text-slate-600" : undefined}>
                          {t("optionCount", { label: option.label, count: option.count })}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ))}
            {SELECT_FILTERS.map((filter) => {
              const options = optionsOf(filter);
              const chosen = options.filter((option) => option.checked).map((option) => option.value);
              return (
                <div key={filter}>
                  <label htmlFor={`filter-${filter}`} className="font-medium">
                    {t(`facet.${filter}`)}
                  </label>
                  <select id={`filter-${filter}`} name={filter} defaultValue={chosen[0] ?? ""} className={FIELD}>
                    <option value="">{t(`facetAny.${filter}`)}</option>
                    {options.map((option) => (
                      <option key={option.value} value={option.value} disabled={option.count === 0 && !option.checked}>
                        {t("optionCount", { label: option.label, count: option.count })}
                      </option>
                    ))}
                  </select>
                  {/* Values beyond the first (from a link or the API's comma form) are kept; their chips remove them. */}
                  {listed.has(filter) && chosen.slice(1).map((value) => <input key={value} type="hidden" name={filter} value={value} />)}
                </div>
              );
            })}
            {DATE_FILTERS.map(([name, from, to]) => (
              <fieldset key={name} className="min-w-0 sm:col-span-2">
                <legend className="font-medium">{t(`dates.${name}`)}</legend>
                <div className="mt-1 flex flex-wrap gap-3">
                  {[from, to].map((key) => (
                    <div key={key} className="min-w-0 flex-1">
                      <label htmlFor={`filter-${key}`} className="text-sm">
                        {t(key === from ? "dates.from" : "dates.to")}
                      </label>
                      <input id={`filter-${key}`} name={key} type="date" defaultValue={query[key] ?? ""} className={FIELD} />
                    </div>
                  ))}
                </div>
                {name === "announced" && <p className="mt-1 text-sm text-slate-600">{t("dates.announcedHint")}</p>}
              </fieldset>
            ))}
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
      </details>
    </div>
  );
}
