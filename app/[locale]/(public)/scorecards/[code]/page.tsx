import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Card } from "@/components/card";
import { formatAverage, ScoreBadge } from "@/components/score-badge";
import { StatusBadge } from "@/components/status-badge";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { publicData } from "@/lib/cache/public-data";
import { dateToDay } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { pageLocale } from "@/lib/i18n/page-locale";
import { QuoteLink } from "@/components/quote-link";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; code: string }> };

const load = cache((code: string) => publicData.countryScorecard(code.toUpperCase()));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const card = await load((await params).code);
  if (!card) return {};
  const t = await getTranslations({ locale, namespace: "scorecards" });
  return { title: t("countryTitle", { country: localized(locale, card.country.nameRu, card.country.nameEn) }) };
}

/** One country's scores on its initiatives, each with its evidence, and every score set before. */
export default async function CountryScorecardPage({ params }: Props) {
  const locale = await pageLocale(params);
  const card = await load((await params).code);
  if (!card) notFound();
  const [t, format, user] = await Promise.all([getTranslations("scorecards"), getFormatter(), getCurrentUser()]);
  const canScore = hasPermission(user, "score:set");
  const name = localized(locale, card.country.nameRu, card.country.nameEn);
  const day = (date: Date) => <time dateTime={dateToDay(date)}>{format.dateTime(date, { dateStyle: "long", timeZone: "UTC" })}</time>;
  const scoreLink = (slug: string, label: string) => (
    <Link href={`/editor/scores/${slug}/${card.country.code}`} className="text-sm text-blue-800 underline">
      {label}
    </Link>
  );

  return (
    <article className="space-y-8" aria-labelledby="scorecard-title">
      <nav aria-label={t("breadcrumb")} className="flex flex-wrap gap-x-4">
        <Link href="/scorecards" className="text-blue-800 underline">
          ← {t("title")}
        </Link>
        <Link href={`/countries/${card.country.code}`} className="text-blue-800 underline">
          {t("countryPage", { country: name })}
        </Link>
      </nav>
      <header>
        <h1 id="scorecard-title" className="text-3xl font-bold">
          {t("countryTitle", { country: name })}
        </h1>
        <p className="mt-2 text-lg text-slate-700" data-testid="country-average">
          {card.average ? t("countryAverage", { average: formatAverage(card.average.average, locale), count: card.average.count }) : t("countryNoScores")}
        </p>
        <p className="mt-1">
          <Link href="/scorecards/methodology" className="text-blue-800 underline">
            {t("methodologyLink")}
          </Link>
        </p>
      </header>

      {card.scored.length > 0 && (
        <Card id="scored" title={t("scored")}>
          <ul className="mt-3 divide-y divide-slate-100" data-testid="scored">
            {card.scored.map((row) => (
              <li key={row.id} data-slug={row.initiative.slug} className="space-y-1 py-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/initiatives/${row.initiative.slug}`} className="font-medium text-blue-800 underline">
                    {localized(locale, row.initiative.titleRu, row.initiative.titleEn)}
                  </Link>
                  <StatusBadge status={row.initiative.status} />
                </p>
                <p className="flex flex-wrap items-center gap-2">
                  <ScoreBadge score={row.score} />{" "}
                  <span className="text-sm text-slate-700">
                    {t("asOf")} {day(row.asOf)}
                  </span>
                </p>
                <blockquote className="border-l-4 border-slate-300 pl-3 text-sm">
                  <q lang="ru">{row.quote.text}</q> <QuoteLink quote={row.quote}>{t("inSource")}</QuoteLink>
                </blockquote>
                <p className="text-sm text-slate-800">
                  {t("note")}: {row.note}
                </p>
                {canScore && <p>{scoreLink(row.initiative.slug, t("changeScore"))}</p>}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {card.unscored.length > 0 && (
        <Card id="unscored" title={t("unscored")}>
          <p className="mt-1 text-sm text-slate-700">{t("unscoredIntro")}</p>
          <ul className="mt-3 space-y-2" data-testid="unscored">
            {card.unscored.map((initiative) => (
              <li key={initiative.slug} data-slug={initiative.slug} className="flex flex-wrap items-center gap-2">
                <Link href={`/initiatives/${initiative.slug}`} className="text-blue-800 underline">
                  {localized(locale, initiative.titleRu, initiative.titleEn)}
                </Link>
                {canScore && scoreLink(initiative.slug, t("scoreIt"))}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card id="score-history" title={t("history")}>
        {card.history.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("noHistory")}</p>
        ) : (
          <ol className="mt-3 space-y-3" data-testid="score-history">
            {card.history.map((row) => (
              <li key={row.id} className="border-l-4 border-slate-300 pl-3 text-sm">
                <p>
                  <span className="font-medium">{localized(locale, row.initiative.titleRu, row.initiative.titleEn)}</span> · <ScoreBadge score={row.score} /> ·{" "}
                  {t("asOf")} {day(row.asOf)} · {t("version", { version: row.version })}
                </p>
                <p className="text-slate-700">
                  {t("by", { name: row.authorName })} · {t("recorded")} {day(row.recordedAt)} · {row.note}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </article>
  );
}
