import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/status-badge";
import { publicData } from "@/lib/cache/public-data";
import { COMPARE_MAX, COMPARE_MIN, parseCompareSlugs } from "@/lib/compare/compare-initiatives";
import { dateToDay } from "@/lib/dates";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { pageLocale } from "@/lib/i18n/page-locale";
import type { SearchParams } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "compare" });
  return { title: t("title") };
}

export default async function ComparePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { slugs, dropped } = parseCompareSlugs((await searchParams).i);
  const [t, tStage, tRole, tCommon, format, choices, compared] = await Promise.all([
    getTranslations("compare"),
    getTranslations("stage"),
    getTranslations("role"),
    getTranslations("common"),
    getFormatter(),
    publicData.compareChoices(),
    slugs.length ? publicData.compare(slugs) : Promise.resolve({ items: [], missing: [] }),
  ]);
  const { items, missing } = compared;
  const chosen = new Set(items.map((item) => item.slug));
  const day = (date: Date) => <time dateTime={dateToDay(date)}>{format.dateTime(date, { dateStyle: "long", timeZone: "UTC" })}</time>;
  const tooFew = slugs.length > 0 && items.length < COMPARE_MIN;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("intro", { min: COMPARE_MIN, max: COMPARE_MAX })}</p>
      </header>

      {(tooFew || dropped > 0 || missing.length > 0) && (
        <div role="alert" className="rounded-lg border border-amber-400 bg-amber-50 p-4" data-testid="compare-notice">
          {missing.length > 0 && <p>{t("missing", { slugs: missing.join(", ") })}</p>}
          {dropped > 0 && <p>{t("dropped", { max: COMPARE_MAX, count: dropped })}</p>}
          {tooFew && <p>{t("tooFew", { min: COMPARE_MIN })}</p>}
        </div>
      )}

      {items.length >= COMPARE_MIN && (
        <section aria-labelledby="compared-heading">
          <h2 id="compared-heading" className="sr-only">
            {t("compared")}
          </h2>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="compare-grid">
            {items.map((item) => (
              <article
                key={item.slug}
                data-slug={item.slug}
                aria-labelledby={`compare-${item.slug}`}
                className="min-w-0 rounded-lg border border-slate-200 bg-white p-4"
              >
                <h3 id={`compare-${item.slug}`} className="text-lg font-semibold">
                  <Link href={`/initiatives/${item.slug}`} className="text-blue-800 underline">
                    {localized(locale, item.titleRu, item.titleEn)}
                  </Link>
                </h3>
                <dl className="mt-3 space-y-3 text-sm">
                  <div>
                    <dt className="font-medium text-slate-700">{t("status")}</dt>
                    <dd data-field="status">
                      <StatusBadge status={item.status} />
                    </dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-700">{t("stage")}</dt>
                    <dd data-field="stage">{item.stage ? tStage(item.stage) : tCommon("unknown")}</dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-700">{t("countries")}</dt>
                    <dd data-field="countries">
                      {item.countries.length === 0 ? (
                        t("noCountries")
                      ) : (
                        <ul className="space-y-0.5">
                          {item.countries.map((country) => (
                            <li key={country.code}>
                              {localized(locale, country.nameRu, country.nameEn)} — {tRole(country.role)}
                              {country.stage && `, ${tStage(country.stage)}`}
                            </li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-700">{t("targets")}</dt>
                    <dd data-field="targets">
                      {item.metrics.length === 0 ? (
                        t("noTargets")
                      ) : (
                        <ul className="space-y-1">
                          {item.metrics.map((metric) => {
                            const unit = localized(locale, metric.unitRu, metric.unitEn);
                            const latest = metric.readings.at(-1);
                            return (
                              <li key={metric.slug}>
                                <span className="font-medium">{localized(locale, metric.nameRu, metric.nameEn)}</span>:{" "}
                                {metric.target ? t("targetValue", { value: format.number(metric.target.value), unit }) : t("noTarget")}
                                {metric.target?.date && (
                                  <>
                                    {" "}
                                    ({t("by")} {day(metric.target.date)})
                                  </>
                                )}
                                {latest && (
                                  <>
                                    {"; "}
                                    {t("latestReading", { value: format.number(latest.value), unit })}
                                    {latest.observedOn && <> ({day(latest.observedOn)})</>}
                                  </>
                                )}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-700">{t("lastChange")}</dt>
                    <dd data-field="last-change">
                      {item.lastChange ? (
                        <>
                          {day(item.lastChange.effectiveOn ?? item.lastChange.recordedAt)}
                          <p className="mt-0.5 text-slate-700">{item.lastChange.note}</p>
                        </>
                      ) : (
                        tCommon("never")
                      )}
                    </dd>
                  </div>
                </dl>
              </article>
            ))}
          </div>
        </section>
      )}

      <form method="get" action={getPathname({ href: "/compare", locale })} className="rounded-lg border border-slate-200 bg-white p-5">
        <fieldset>
          <legend className="text-xl font-semibold">{t("pick", { min: COMPARE_MIN, max: COMPARE_MAX })}</legend>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {choices.map((choice) => (
              <li key={choice.slug}>
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="i" value={choice.slug} defaultChecked={chosen.has(choice.slug)} className="mt-1 h-4 w-4 shrink-0" />
                  <span>{localized(locale, choice.titleRu, choice.titleEn)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button
          type="submit"
          className="mt-4 rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-800"
        >
          {t("submit")}
        </button>
      </form>
    </div>
  );
}
