import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Card } from "@/components/card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

const SECTIONS = ["scale", "evidence", "asOf", "averages", "history", "limits"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "methodology" });
  return { title: t("title") };
}

/** How scores are set and read, in the manner of the G20 Research Group's compliance reports. */
export default async function MethodologyPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("methodology");
  return (
    <article className="mx-auto max-w-3xl space-y-6" aria-labelledby="methodology-title">
      <nav aria-label={t("breadcrumb")}>
        <Link href="/scorecards" className="text-blue-800 underline">
          ← {t("back")}
        </Link>
      </nav>
      <h1 id="methodology-title" className="text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="text-lg text-slate-700">{t("intro")}</p>
      {SECTIONS.map((section) => (
        <Card key={section} id={`methodology-${section}`} title={t(`${section}.heading`)}>
          <p className="mt-2">{t(`${section}.text`)}</p>
          {section === "scale" && (
            <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
              {(["1", "0", "-1"] as const).map((score) => (
                <div key={score} className="contents">
                  <dt className="font-semibold tabular-nums">{t(`scale.${score}.label`)}</dt>
                  <dd>{t(`scale.${score}.text`)}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
      ))}
    </article>
  );
}
