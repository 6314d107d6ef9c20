import type { Metadata } from "next";
import { AsWritten } from "@/components/as-written";
import { publicData } from "@/lib/cache/public-data";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache, type ReactNode } from "react";
import { FeedLink } from "@/components/feed-link";
import { FollowSection } from "@/components/alerts/follow-section";
import { SuggestSection } from "@/components/suggest-section";
import { ShareSection } from "@/components/share-section";
import { shareDescription } from "@/lib/embeds/share-description";
import { ProgressBar } from "@/components/progress-bar";
import { MeetingRelationBadge } from "@/components/meeting-relation-badge";
import { QuoteInContext } from "@/components/quote-in-context";
import { QuoteSpeakerLine } from "@/components/quote-speaker";
import { FORM_NAMESPACES } from "@/lib/i18n/pick-messages";
import { EditorMessages } from "@/components/editor-messages";
import { EditorPanel } from "@/components/editor-panel";
import { SuggestionDraft } from "@/components/suggestion-draft";
import { getOpenSuggestion } from "@/lib/suggestions/resolve-suggestion";
import { HistoryList } from "@/components/history-list";
import { StatusBadge } from "@/components/status-badge";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { listPendingChanges } from "@/lib/initiatives/list-pending-changes";
import { Link, permanentRedirect } from "@/lib/i18n/navigation";
import { mergedTarget } from "@/lib/initiatives/merged-target";
import { localized } from "@/lib/i18n/localized";
import { metricProgress } from "@/lib/initiatives/metric-progress";
import { dateToDay } from "@/lib/dates";
import { firstParam } from "@/lib/http/search-params";
import { Card } from "@/components/card";
import { pageLocale } from "@/lib/i18n/page-locale";
import { quoteOfInitiative } from "@/lib/matcher/review-passages";
import { QuoteLink } from "@/components/quote-link";
import { DataTable } from "@/components/data-table";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The history page asked for. */
async function historyPageOf(searchParams: Props["searchParams"]): Promise<number> {
  const raw = firstParam((await searchParams).history);
  return Math.min(100_000, Math.max(1, Number.parseInt(raw ?? "", 10) || 1));
}

/**
 * The metadata and the page render at the same time and both need the initiative: one read per
 * request. The data cache alone does not share it, since it starts a read for every miss.
 */
const readInitiative = cache((slug: string, historyPage: number) => publicData.initiative(slug, historyPage));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const locale = await pageLocale(params);
  const initiative = await readInitiative(slug, await historyPageOf(searchParams));
  if (!initiative) return {};
  const [tMeta, tStatus, tShare] = await Promise.all([
    getTranslations({ locale, namespace: "meta" }),
    getTranslations({ locale, namespace: "status" }),
    getTranslations({ locale, namespace: "share" }),
  ]);
  const title = localized(locale, initiative.titleRu, initiative.titleEn);
  const description = shareDescription(
    tShare("initiativeDescription", { status: tStatus(initiative.status), summary: localized(locale, initiative.summaryRu, initiative.summaryEn) }),
  );
  // The preview image comes from opengraph-image.tsx next to this page; Next adds it to both.
  return {
    title,
    description,
    openGraph: { siteName: tMeta("title"), type: "article", locale: locale === "en" ? "en_US" : "ru_RU", title, description },
    twitter: { card: "summary_large_image", title, description },
    alternates: { types: { "application/atom+xml": `/feeds/initiatives/${slug}.atom?lang=${locale}` } },
  };
}

export default async function InitiativePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const locale = await pageLocale(params);
  const historyPage = await historyPageOf(searchParams);
  const [initiative, user, countries] = await Promise.all([readInitiative(slug, historyPage), getCurrentUser(), publicData.countries()]);
  if (!initiative) {
    // A duplicate merged into another initiative: its address leads there for good.
    const kept = await mergedTarget(prisma, slug);
    if (kept) permanentRedirect({ href: `/initiatives/${kept}`, locale });
    notFound();
  }
  const canEdit = hasPermission(user, "initiative:edit");
  const [sources, pending] = canEdit ? await Promise.all([publicData.sources(), listPendingChanges(prisma, { initiativeSlug: slug })]) : [[], []];
  // From the review page: a quote just accepted, offered as the evidence of a status change.
  const rawEvidence = (await searchParams).evidenceQuote;
  const evidenceId = typeof rawEvidence === "string" && /^[1-9][0-9]{0,9}$/.test(rawEvidence) ? Number(rawEvidence) : null;
  const evidence = canEdit && evidenceId ? await quoteOfInitiative(prisma, evidenceId, slug) : null;
  // From the editors' queue: a reader's suggestion to make the change from.
  const rawSuggestion = firstParam((await searchParams).suggestion);
  const suggestionId = rawSuggestion && /^[1-9][0-9]{0,9}$/.test(rawSuggestion) ? Number(rawSuggestion) : null;
  const suggestion =
    canEdit && suggestionId && hasPermission(user, "suggestion:review") ? await getOpenSuggestion(prisma, suggestionId, "initiative", slug) : null;
  const [t, tCommon, tStage, tKind, tTheme, tRole, tMetric, tMerge, format] = await Promise.all([
    getTranslations("initiative"),
    getTranslations("common"),
    getTranslations("stage"),
    getTranslations("kind"),
    getTranslations("theme"),
    getTranslations("role"),
    getTranslations("metric"),
    getTranslations("merge"),
    getFormatter(),
  ]);
  const date = (value: Date | null) => (value ? <time dateTime={dateToDay(value)}>{format.dateTime(value, { dateStyle: "long" })}</time> : null);
  const unknown = <span className="italic text-slate-600">{tCommon("unknown")}</span>;
  const l = <T,>(ru: T, en: T) => localized(locale, ru, en);

  const facts: [string, ReactNode][] = [
    [t("meetingRelation"), <MeetingRelationBadge key="relation" relation={initiative.meetingRelation} />],
    [t("kind"), tKind(initiative.kind)],
    [t("status"), <StatusBadge key="status" status={initiative.status} />],
    [t("stage"), initiative.stage ? tStage(initiative.stage) : <span className="text-slate-600">—</span>],
    [t("themes"), initiative.themes.map((theme) => tTheme(theme)).join(", ")],
    [
      t("event"),
      <Link key="event" href={`/events/${initiative.event.slug}`} className="text-blue-800 underline">
        {[l(initiative.event.nameRu, initiative.event.nameEn), l(initiative.event.placeRu, initiative.event.placeEn)].filter(Boolean).join(", ")}
      </Link>,
    ],
    [t("eventDate"), initiative.event.dateText ? <AsWritten text={initiative.event.dateText} /> : unknown],
    ...(initiative.reannouncements.length
      ? ([
          [
            t("announcements"),
            <span key="announcements" data-testid="announcements">
              {t("announcedTimes", { count: initiative.reannouncements.length + 1, first: l(initiative.event.nameRu, initiative.event.nameEn) })}{" "}
              {initiative.reannouncements.map((event, index) => (
                <span key={event.slug}>
                  {index > 0 && ", "}
                  <Link href={`/events/${event.slug}`} className="text-blue-800 underline">
                    {l(event.nameRu, event.nameEn)}
                  </Link>
                  {event.dateText && <span lang="ru"> ({event.dateText})</span>}
                </span>
              ))}
            </span>,
          ],
        ] satisfies [string, ReactNode][])
      : []),
    [
      t("attendance"),
      initiative.event.attendance.length ? (
        <span key="attendance">
          {initiative.event.attendance.map((country, index) => (
            <span key={country.code}>
              {index > 0 && ", "}
              <Link href={`/countries/${country.code}`} className="text-blue-800 underline">
                {l(country.nameRu, country.nameEn)}
              </Link>
            </span>
          ))}
        </span>
      ) : (
        unknown
      ),
    ],
    [
      t("proposer"),
      initiative.proposerCountry || initiative.proposerPerson
        ? [
            initiative.proposerCountry && l(initiative.proposerCountry.nameRu, initiative.proposerCountry.nameEn),
            initiative.proposerPerson &&
              `${l(initiative.proposerPerson.nameRu, initiative.proposerPerson.nameEn)} (${l(initiative.proposerPerson.descriptionRu, initiative.proposerPerson.descriptionEn)})`,
          ]
            .filter(Boolean)
            .join(" · ")
        : unknown,
    ],
    [t("announcedOn"), date(initiative.announcedOn) ?? unknown],
    [
      t("firstReportedOn"),
      initiative.firstReportedOn ? t("firstReportedValue", { date: format.dateTime(initiative.firstReportedOn, { dateStyle: "long" }) }) : unknown,
    ],
    [
      t("targetDate"),
      date(initiative.targetDate) ??
        (initiative.targetDateText ? <span lang="ru">{initiative.targetDateText}</span> : <span className="text-slate-600">{tCommon("notStated")}</span>),
    ],
    [t("lastVerifiedOn"), date(initiative.lastVerifiedOn) ?? <span className="text-slate-600">{tCommon("never")}</span>],
  ];

  return (
    <article className="space-y-8" aria-labelledby="initiative-title">
      <nav aria-label="breadcrumb">
        <Link href="/initiatives" className="text-blue-800 underline">
          ← {t("back")}
        </Link>
      </nav>
      <header>
        <h1 id="initiative-title" className="text-3xl font-bold">
          {l(initiative.titleRu, initiative.titleEn)}
        </h1>
        {locale === "en" && (
          <p lang="ru" className="mt-1 text-slate-700">
            {initiative.titleRu}
          </p>
        )}
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <MeetingRelationBadge relation={initiative.meetingRelation} />
          <StatusBadge status={initiative.status} />
          {initiative.stage && <span className="text-slate-700">{tStage(initiative.stage)}</span>}
        </div>
        {initiative.statusRestsOnExperts && (
          <p className="mt-2 text-sm text-amber-900" data-testid="expert-only">
            {t("statusRestsOnExperts")}
          </p>
        )}
        <p className="mt-4 max-w-3xl text-lg">{l(initiative.summaryRu, initiative.summaryEn)}</p>
      </header>

      <Card id="facts" title={t("facts")}>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-slate-700">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card id="countries" title={t("countries")}>
        {initiative.signatoriesUnnamed && <p className="mt-3 text-slate-700">{t("signatoriesUnnamed")}</p>}
        {initiative.participations.length === 0 ? (
          !initiative.signatoriesUnnamed && <p className="mt-3 text-slate-700">{t("noCountries")}</p>
        ) : (
          <DataTable caption={t("countries")} headings={[t("countryColumn"), t("roleColumn"), t("stageColumn")]} look="plain" className="mt-4">
            {initiative.participations.map((participation) => (
              <tr key={participation.code} className="border-t border-slate-100">
                <th scope="row" className="py-2 pr-4 font-medium">
                  {l(participation.nameRu, participation.nameEn)}
                </th>
                <td className="py-2 pr-4">{tRole(participation.role)}</td>
                <td className="py-2">{participation.stage ? tStage(participation.stage) : <span className="text-slate-600">—</span>}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      {initiative.metrics.length > 0 && (
        <Card id="metrics" title={t("metrics")}>
          <ul className="mt-4 space-y-6">
            {initiative.metrics.map((metric) => {
              const unit = l(metric.unitRu, metric.unitEn);
              const progress = metricProgress(metric);
              return (
                <li key={metric.slug}>
                  <h3 className="font-semibold">{l(metric.nameRu, metric.nameEn)}</h3>
                  <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="text-slate-700">{tMetric("baseline")}</dt>
                    <dd>
                      {metric.baseline ? (
                        <>
                          {format.number(metric.baseline.value)} {unit}
                          {metric.baseline.period && (
                            <>
                              {" "}
                              · {tMetric("periodLabel")} <AsWritten text={metric.baseline.period} />
                            </>
                          )}
                          {metric.baseline.text && (
                            <>
                              {" "}
                              · <span lang="ru">{tMetric("asWritten", { text: metric.baseline.text })}</span>
                            </>
                          )}
                        </>
                      ) : (
                        <span className="text-slate-600">{tMetric("noBaseline")}</span>
                      )}
                    </dd>
                    <dt className="text-slate-700">{tMetric("target")}</dt>
                    <dd>
                      {metric.target ? (
                        <>
                          {format.number(metric.target.value)} {unit}
                          {metric.target.text && (
                            <>
                              {" "}
                              · <span lang="ru">{tMetric("asWritten", { text: metric.target.text })}</span>
                            </>
                          )}
                          {" · "}
                          {tMetric("targetDate", {
                            date: metric.target.date
                              ? format.dateTime(metric.target.date, { dateStyle: "long" })
                              : (metric.target.dateText ?? tCommon("notStated")),
                          })}
                        </>
                      ) : (
                        <span className="text-slate-600">{tMetric("noTarget")}</span>
                      )}
                    </dd>
                    <dt className="text-slate-700">{tMetric("readings")}</dt>
                    <dd>
                      {metric.readings.length === 0 ? (
                        <span className="text-slate-600">{tMetric("noReadings")}</span>
                      ) : (
                        <ul>
                          {metric.readings.map((reading, index) => (
                            <li key={index}>
                              {format.number(reading.value)} {unit}
                              {reading.text && (
                                <>
                                  {" "}
                                  · <span lang="ru">{tMetric("asWritten", { text: reading.text })}</span>
                                </>
                              )}
                              {" · "}
                              {reading.observedOn ? date(reading.observedOn) : (reading.observedText ?? tCommon("unknown"))}
                            </li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </dl>
                  {progress && (
                    <div className="mt-2 max-w-md">
                      <ProgressBar percent={progress.percent} label={l(metric.nameRu, metric.nameEn)} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </Card>
      )}

      <Card id="evidence" title={t("evidence")}>
        <p className="mt-1 text-sm text-slate-700">{t("evidenceIntro")}</p>
        <ul className="mt-4 space-y-5">
          {initiative.evidence.map((quote) => (
            <li key={quote.id} id={`evidence-${quote.id}`}>
              <QuoteInContext context={quote} />
              <p className="mt-1 pl-5 text-sm text-slate-700">
                <QuoteSpeakerLine speaker={quote.speaker} locale={locale} />
                {" · "}
                {t("source")}: {quote.sourceTitle ?? quote.sourceOutlet ?? tCommon("unknown")}
                {quote.sourcePublishedOn && <>, {date(quote.sourcePublishedOn)}</>}
                {" · "}
                <QuoteLink quote={quote}>{t("openInSource")}</QuoteLink>
              </p>
            </li>
          ))}
        </ul>
      </Card>

      <section aria-labelledby="history" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="history" className="text-xl font-semibold">
            {t("history")}
          </h2>
          <FeedLink target={{ kind: "initiative", slug: initiative.slug }} />
        </div>
        {initiative.history.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noHistory")}</p>
        ) : (
          <HistoryList
            entries={initiative.history}
            countryNames={Object.fromEntries(countries.map((country) => [country.code, l(country.nameRu, country.nameEn)]))}
            metricNames={Object.fromEntries(initiative.metrics.map((metric) => [metric.slug, l(metric.nameRu, metric.nameEn)]))}
            eventNames={Object.fromEntries(initiative.reannouncements.map((event) => [event.slug, l(event.nameRu, event.nameEn)]))}
          />
        )}
        {initiative.historyPageCount > 1 && (
          <nav aria-label={t("historyPages")} className="mt-4 flex flex-wrap items-center gap-3">
            {initiative.historyPage > 1 && (
              <Link href={`/initiatives/${initiative.slug}?history=${initiative.historyPage - 1}#history`} rel="prev" className="text-blue-800 underline">
                ← {t("newerEntries")}
              </Link>
            )}
            <span>{t("historyPageOf", { page: initiative.historyPage, pages: initiative.historyPageCount, total: initiative.historyTotal })}</span>
            {initiative.historyPage < initiative.historyPageCount && (
              <Link href={`/initiatives/${initiative.slug}?history=${initiative.historyPage + 1}#history`} rel="next" className="text-blue-800 underline">
                {t("olderEntries")} →
              </Link>
            )}
          </nav>
        )}
        {initiative.mergedFrom.map((duplicate) => (
          <section key={duplicate.slug} aria-labelledby={`merged-${duplicate.slug}`} className="mt-6 border-t border-slate-200 pt-4">
            <h3 id={`merged-${duplicate.slug}`} className="text-lg font-semibold">
              {tMerge("mergedFromTitle", { title: l(duplicate.titleRu, duplicate.titleEn) })}
            </h3>
            <p className="mt-1 text-sm text-slate-700">{tMerge("mergedFromIntro")}</p>
            <HistoryList
              entries={duplicate.history}
              countryNames={Object.fromEntries(countries.map((country) => [country.code, l(country.nameRu, country.nameEn)]))}
              metricNames={Object.fromEntries(initiative.metrics.map((metric) => [metric.slug, l(metric.nameRu, metric.nameEn)]))}
              eventNames={Object.fromEntries(initiative.reannouncements.map((event) => [event.slug, l(event.nameRu, event.nameEn)]))}
            />
          </section>
        ))}
      </section>

      <FollowSection target="initiative" targetKey={initiative.slug} locale={locale} />
      <SuggestSection subject="initiative" subjectKey={initiative.slug} locale={locale} />

      <ShareSection slug={initiative.slug} locale={locale} status={initiative.status} />

      {user && canEdit && (
        <EditorMessages namespaces={[...FORM_NAMESPACES, "intake", "create", "suggest"]}>
          {suggestion && <SuggestionDraft suggestion={suggestion} label={l(initiative.titleRu, initiative.titleEn) ?? initiative.slug} />}
          <EditorPanel
            locale={locale}
            user={user}
            initiative={initiative}
            countries={countries}
            sources={sources}
            pending={pending}
            evidence={evidence}
            draft={suggestion ? { note: suggestion.text.slice(0, 2000), url: suggestion.url } : null}
          />
        </EditorMessages>
      )}
    </article>
  );
}
