import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { publicData } from "@/lib/cache/public-data";
import { isOneOf, SOURCE_KINDS, SOURCE_LANGUAGES } from "@/lib/domain/vocabulary";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { sourceFilterSchema, type SourceFilters } from "@/lib/sources/list-sources";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const FILTERS = ["outlet", "kind", "language", "from", "to"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "sources" }))("title") };
}

/** Each filter on its own: a bad one is named and ignored, the others still apply. */
function parseFilters(raw: Record<string, string | string[] | undefined>): { filters: SourceFilters; invalid: (typeof FILTERS)[number][] } {
  const filters: Record<string, string> = {};
  const invalid: (typeof FILTERS)[number][] = [];
  for (const name of FILTERS) {
    const value = [raw[name]].flat()[0];
    if (value === undefined || value === "") continue;
    const parsed = sourceFilterSchema.shape[name].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[name] = parsed.data;
    else invalid.push(name);
  }
  return { filters: filters as SourceFilters, invalid };
}

const SELECT = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5";

/** One labelled filter with an "any" choice first; options are [value, label] pairs. */
function FilterSelect({ name, label, any, value, options }: { name: string; label: string; any: string; value?: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={SELECT}>
        <option value="">{any}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function SourcesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { filters, invalid } = parseFilters(await searchParams);
  const [t, tCommon, tKind, tLanguage, format, list, user] = await Promise.all([
    getTranslations("sources"),
    getTranslations("common"),
    getTranslations("sourceKind"),
    getTranslations("sourceLanguage"),
    getFormatter(),
    publicData.sourcePage(filters),
    getCurrentUser(),
  ]);
  const unknown = <span className="italic text-slate-600">{tCommon("unknown")}</span>;
  const languageName = (code: string) => (isOneOf(SOURCE_LANGUAGES, code) ? tLanguage(code) : code);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-2 text-slate-700">{t("intro")}</p>
        </div>
        {hasPermission(user, "source:add") && (
          <Link href="/editor/sources/new" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
            {t("add")}
          </Link>
        )}
      </header>

      <form
        method="get"
        action={getPathname({ href: "/sources", locale })}
        aria-label={t("filters")}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      >
        <FilterSelect name="outlet" label={t("outlet")} any={t("any")} value={filters.outlet} options={list.outlets.map((outlet) => [outlet, outlet])} />
        <FilterSelect name="kind" label={t("kind")} any={t("any")} value={filters.kind} options={SOURCE_KINDS.map((kind) => [kind, tKind(kind)])} />
        <FilterSelect
          name="language"
          label={t("language")}
          any={t("any")}
          value={filters.language}
          options={SOURCE_LANGUAGES.map((language) => [language, tLanguage(language)])}
        />
        <div>
          <label htmlFor="filter-from" className="font-medium">
            {t("from")}
          </label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className={SELECT} />
        </div>
        <div>
          <label htmlFor="filter-to" className="font-medium">
            {t("to")}
          </label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className={SELECT} />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
            {t("apply")}
          </button>
          <Link href="/sources" className="text-blue-800 underline">
            {t("reset")}
          </Link>
        </div>
        {invalid.length > 0 && (
          <p role="alert" className="text-sm font-medium text-red-800 sm:col-span-3 lg:col-span-6">
            {t("badFilter", { names: invalid.map((name) => t(name)).join(", ") })}
          </p>
        )}
      </form>

      <p role="status" className="font-medium" data-testid="sources-count">
        {t("count", { count: list.rows.length })}
      </p>
      {list.rows.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <ul className="space-y-3" data-testid="sources-list">
          {list.rows.map((source) => (
            <li key={source.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/sources/${source.id}`} lang={source.title ? source.language : undefined} className="text-blue-800 underline">
                  {source.title ?? tCommon("unknown")}
                </Link>
              </h2>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="font-medium text-slate-700">{t("outlet")}</dt>
                <dd className="break-words">{source.outlet ?? unknown}</dd>
                <dt className="font-medium text-slate-700">{t("columnPublished")}</dt>
                <dd>
                  {source.publishedOn ? (
                    <time dateTime={source.publishedOn.toISOString().slice(0, 10)}>{format.dateTime(source.publishedOn, { dateStyle: "long" })}</time>
                  ) : (
                    unknown
                  )}
                </dd>
                <dt className="font-medium text-slate-700">{t("kind")}</dt>
                <dd>{source.kind ? tKind(source.kind) : unknown}</dd>
                <dt className="font-medium text-slate-700">{t("language")}</dt>
                <dd>{languageName(source.language)}</dd>
                <dt className="font-medium text-slate-700">{t("columnQuotes")}</dt>
                <dd data-testid="source-quote-count">{source.quoteCount}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
