import type { Metadata } from "next";
import { publicData } from "@/lib/cache/public-data";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { FeedLink } from "@/components/feed-link";
import { FollowSection } from "@/components/alerts/follow-section";
import { RecentHistory } from "@/components/analysts/recent-history";
import { MeetingRelationBadge } from "@/components/meeting-relation-badge";
import { QuoteSpeakerLine } from "@/components/quote-speaker";
import { isAtOrBeyond } from "@/lib/countries/stage-ladder";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { Card } from "@/components/card";
import { InitiativeTable } from "@/components/initiative-table";
import { pageLocale } from "@/lib/i18n/page-locale";
import { QuoteLink } from "@/components/quote-link";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; code: string }> };

const load = cache((code: string) => publicData.countryPage(code));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const locale = await pageLocale(params);
  const country = await load(code);
  if (!country) return {};
  const [t, tMeta, tShare] = await Promise.all([
    getTranslations({ locale, namespace: "countryPage" }),
    getTranslations({ locale, namespace: "meta" }),
    getTranslations({ locale, namespace: "share" }),
  ]);
  const name = localized(locale, country.nameRu, country.nameEn);
  const title = t("metaTitle", { country: name });
  const description = tShare("countryDescription", { country: name, count: country.initiatives.length });
  return {
    title,
    description,
    openGraph: { siteName: tMeta("title"), type: "website", locale: locale === "en" ? "en_US" : "ru_RU", title, description },
    twitter: { card: "summary", title, description },
  };
}

export default async function CountryPage({ params }: Props) {
  const { code } = await params;
  const locale = await pageLocale(params);
  const country = await load(code);
  if (!country) notFound();
  const [t, tRole, tStage, format] = await Promise.all([getTranslations("countryPage"), getTranslations("role"), getTranslations("stage"), getFormatter()]);
  const name = localized(locale, country.nameRu, country.nameEn);

  return (
    <article className="space-y-8" aria-labelledby="country-title">
      <nav aria-label={t("breadcrumb")}>
        <Link href="/countries" className="text-blue-800 underline">
          ← {t("back")}
        </Link>
      </nav>
      <header>
        <h1 id="country-title" className="text-3xl font-bold">
          {name} <span className="text-xl font-semibold text-slate-600">({country.code})</span>
        </h1>
        <p className="mt-2 text-lg text-slate-700">
          {country.member ? t("member") : t("partner")} · {t("initiativeCount", { count: country.initiatives.length })}
        </p>
        <p className="mt-2">
          <Link href={{ pathname: "/initiatives", query: { country: country.code } }} className="text-blue-800 underline">
            {t("filteredList", { country: name })}
          </Link>
        </p>
      </header>

      <Card id="attendance" title={t("attendance")}>
        {country.attendance.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noAttendance")}</p>
        ) : (
          <ul className="mt-4 space-y-4" data-testid="attendance">
            {country.attendance.map((event) => (
              <li key={event.eventSlug}>
                <p className="font-medium">
                  {[localized(locale, event.nameRu, event.nameEn), localized(locale, event.placeRu, event.placeEn)].filter(Boolean).join(", ")}
                  {event.dateText && <span lang="ru"> · {event.dateText}</span>}
                </p>
                <blockquote lang="ru" className="mt-1 border-l-4 border-amber-400 pl-4 text-slate-800">
                  «{event.quote.text}»
                </blockquote>
                <p className="mt-1 pl-5 text-sm text-slate-700">
                  <QuoteSpeakerLine speaker={event.quote.speaker} locale={locale} />
                  {" · "}
                  <QuoteLink quote={event.quote}>{t("openInSource")}</QuoteLink>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card id="by-role" title={t("byRole")}>
        <dl className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="role-counts">
          {country.byRole.map(({ role, count }) => (
            <div key={role} className="rounded border border-slate-100 bg-slate-50 px-4 py-3">
              <dt className="text-sm font-medium text-slate-700">{tRole(role)}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-role={role}>
                {format.number(count)}
              </dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card id="country-initiatives" title={t("initiatives")}>
        {country.initiatives.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noInitiatives")}</p>
        ) : (
          <InitiativeTable
            locale={locale}
            caption={t("tableCaption", { country: name })}
            headers={{ initiative: t("columns.initiative"), status: t("columns.status") }}
            rows={country.initiatives}
            beforeStatus={[{ header: t("columns.relation"), cell: (initiative) => <MeetingRelationBadge relation={initiative.meetingRelation} /> }]}
            columns={[
              { header: t("columns.role"), cell: (initiative) => tRole(initiative.role) },
              {
                header: t("columns.stage"),
                className: "whitespace-nowrap px-3 py-2",
                cell: (initiative) =>
                  initiative.stage ? (
                    <>
                      {isAtOrBeyond(initiative.stage, "signed") && <span aria-hidden="true">✓ </span>}
                      {tStage(initiative.stage)}
                    </>
                  ) : (
                    <span className="text-slate-600">{t("stageUnknown")}</span>
                  ),
              },
            ]}
          />
        )}
      </Card>

      <Card id="country-recent" title={t("recent")}>
        <p className="mt-1 text-sm text-slate-700">{t("recentIntro")}</p>
        <RecentHistory locale={locale} entries={country.recentChanges} />
      </Card>

      <p className="flex flex-wrap gap-x-4">
        <Link href={`/scorecards/${country.code}`} className="text-blue-800 underline">
          {t("scorecard")}
        </Link>
        <Link href={`/reports/countries/${country.code}`} className="text-blue-800 underline">
          {t("report")}
        </Link>
        <FeedLink target={{ kind: "country", code: country.code }} className="text-blue-800 underline" />
      </p>

      <FollowSection target="country" targetKey={country.code} locale={locale} />
    </article>
  );
}
