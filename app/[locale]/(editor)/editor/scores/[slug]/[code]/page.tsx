import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { ScoreForm } from "@/components/forms/score-form";
import { ScoreBadge } from "@/components/score-badge";
import { userForPage } from "@/lib/auth/page-access";
import { prisma } from "@/lib/db/prisma";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { pageLocale } from "@/lib/i18n/page-locale";
import { getScoreFormData } from "@/lib/scorecards/get-scorecards";
import { Card } from "@/components/card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "scoreForm" }))("title") };
}

/** Where an editor sets one country's score on one initiative (linked from the country's scorecard). */
export default async function ScorePage({ params }: Props) {
  const locale = await pageLocale(params);
  const { allowed } = await userForPage("score:set", locale);
  if (!allowed) return <ForbiddenNotice />;
  const { slug, code } = await params;
  const data = await getScoreFormData(prisma, decodeURIComponent(slug), code);
  if (!data) notFound();
  const [t, format] = await Promise.all([getTranslations("scoreForm"), getFormatter()]);
  const country = localized(locale, data.country.nameRu, data.country.nameEn);
  const title = localized(locale, data.initiative.titleRu, data.initiative.titleEn);
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "scoreForm"]}>
      <div className="space-y-6">
        <nav aria-label={t("breadcrumb")}>
          <Link href={`/scorecards/${data.country.code}`} className="text-blue-800 underline">
            ← {t("back", { country })}
          </Link>
        </nav>
        <header>
          <h1 className="text-3xl font-bold">{t("heading", { country, title })}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">
            {t("intro")}{" "}
            <Link href="/scorecards/methodology" className="text-blue-800 underline">
              {t("methodology")}
            </Link>
          </p>
        </header>
        <Card id="current-score" title={t("current")}>
          {data.current ? (
            <p className="mt-2" data-testid="current-score">
              <ScoreBadge score={data.current.score} /> · {t("asOfValue", { date: format.dateTime(data.current.asOf, { dateStyle: "long", timeZone: "UTC" }) })}{" "}
              · {t("version", { version: data.current.version })}
            </p>
          ) : (
            <p className="mt-2" data-testid="current-score">
              {t("notScored")}
            </p>
          )}
        </Card>
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <ScoreForm
            slug={data.initiative.slug}
            countryCode={data.country.code}
            version={data.current?.version ?? 0}
            sources={data.sources.map((source) => ({ value: String(source.id), label: source.title ?? source.outlet ?? `#${source.id}` }))}
          />
        </div>
      </div>
    </ClientMessages>
  );
}
