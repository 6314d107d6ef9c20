import { getTranslations } from "next-intl/server";
import type { CountryOption } from "@/lib/countries/list-countries";
import { INITIATIVE_STATUSES, THEMES } from "@/lib/domain/vocabulary";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import type { InitiativeFilters } from "@/lib/initiatives/list-initiatives";

const FIELD = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900";

/** A plain GET form: the filters live in the URL and work without JavaScript. */
export async function InitiativeFiltersForm({
  locale,
  action,
  filters,
  countries,
}: {
  locale: string;
  action: string;
  filters: InitiativeFilters;
  countries: CountryOption[];
}) {
  const [t, tStatus, tTheme, tCommon] = await Promise.all([
    getTranslations("list"),
    getTranslations("status"),
    getTranslations("theme"),
    getTranslations("common"),
  ]);
  const members = countries.filter((country) => country.member);
  const partners = countries.filter((country) => !country.member);
  return (
    <form method="get" action={action} role="search" aria-label={t("filters")} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2 lg:col-span-4">
          <label htmlFor="filter-q" className="font-medium">
            {t("search")}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} aria-describedby="filter-q-hint" className={FIELD} />
          <p id="filter-q-hint" className="mt-1 text-sm text-slate-600">
            {t("searchHint")}
          </p>
        </div>
        <div>
          <label htmlFor="filter-status" className="font-medium">
            {t("status")}
          </label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className={FIELD}>
            <option value="">{tCommon("any")}</option>
            {INITIATIVE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-theme" className="font-medium">
            {t("theme")}
          </label>
          <select id="filter-theme" name="theme" defaultValue={filters.theme ?? ""} className={FIELD}>
            <option value="">{tCommon("any")}</option>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {tTheme(theme)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-country" className="font-medium">
            {t("country")}
          </label>
          <select id="filter-country" name="country" defaultValue={filters.country ?? ""} className={FIELD}>
            <option value="">{tCommon("any")}</option>
            <optgroup label={t("members")}>
              {members.map((country) => (
                <option key={country.code} value={country.code}>
                  {localized(locale, country.nameRu, country.nameEn)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("partners")}>
              {partners.map((country) => (
                <option key={country.code} value={country.code}>
                  {localized(locale, country.nameRu, country.nameEn)}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="flex items-end gap-3">
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
