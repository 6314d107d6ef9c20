import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { Highlighted } from "@/components/highlighted";
import { AcceptPassageForm, RejectPassageForm } from "@/components/forms/passage-forms";
import { userForPage } from "@/lib/auth/page-access";
import { prisma } from "@/lib/db/prisma";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { getSourceReview } from "@/lib/matcher/review-source";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "review" }))("title") };
}

function NewInitiativeLink({ sourceId, start, end, label }: { sourceId: number; start: number; end: number; label: string }) {
  return (
    <p>
      <Link href={`/editor/sources/${sourceId}/new-initiative?start=${start}&end=${end}`} className="font-medium text-blue-800 underline">
        {label}
      </Link>
    </p>
  );
}

/** The editor's review of a source: what the matcher proposes, accepted one click at a time. */
export default async function ReviewSourcePage({ params }: Props) {
  const { id } = await params;
  const locale = await pageLocale(params);
  const { allowed } = await userForPage("source:add", locale);
  if (!allowed) return <ForbiddenNotice />;
  const sourceId = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
  const review = sourceId ? await getSourceReview(prisma, sourceId) : null;
  if (!review) notFound();
  const [t, tCommon] = await Promise.all([getTranslations("review"), getTranslations("common")]);
  const persons = review.persons.map((person) => ({ value: String(person.id), label: localized(locale, person.nameRu, person.nameEn) }));
  const lang = review.source.language;

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "review", "intake", "create"]}>
      <div className="space-y-8">
        <header>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-lg" lang={review.source.title ? lang : undefined}>
            {review.source.title ?? tCommon("unknown")}
          </p>
          <p className="mt-2 max-w-3xl text-slate-700">{t("intro", { sentences: review.sentences })}</p>
          <p className="mt-2">
            <Link href={`/sources/${review.source.id}`} className="text-blue-800 underline">
              {t("openSource")}
            </Link>
          </p>
        </header>

        <section aria-labelledby="review-initiatives" className="space-y-5">
          <h2 id="review-initiatives" className="text-2xl font-semibold">
            {t("initiatives")}
          </h2>
          {review.initiatives.length === 0 && <p className="text-slate-700">{t("none")}</p>}
          {review.initiatives.map((initiative) => {
            const title = localized(locale, initiative.titleRu, initiative.titleEn);
            return (
              <article
                key={initiative.id}
                aria-labelledby={`initiative-${initiative.id}`}
                className="rounded-lg border border-slate-200 bg-white p-5"
                data-testid={`review-${initiative.slug}`}
              >
                <h3 id={`initiative-${initiative.id}`} className="text-xl font-semibold">
                  <Link href={`/initiatives/${initiative.slug}`} className="text-blue-800 underline">
                    {title}
                  </Link>
                </h3>
                {initiative.accepted.length > 0 && (
                  <ul className="mt-3 space-y-2">
                    {initiative.accepted.map((quote) => (
                      <li key={quote.quoteId} className="border-l-4 border-emerald-600 pl-3">
                        <p lang={lang}>«{quote.text}»</p>
                        <Link
                          href={`/initiatives/${initiative.slug}?evidenceQuote=${quote.quoteId}#status-form-title`}
                          className="text-sm font-medium text-blue-800 underline"
                        >
                          {t("useForStatus")}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
                <ol className="mt-4 space-y-5">
                  {initiative.candidates.map((candidate) => (
                    <li key={`${candidate.start}-${candidate.end}`} className="space-y-3 border-l-4 border-amber-400 pl-3">
                      <p className="leading-relaxed">
                        <Highlighted parts={candidate.parts} lang={lang} />
                      </p>
                      <p className="text-xs text-slate-600">{t("score", { score: candidate.score ?? 0 })}</p>
                      <AcceptPassageForm
                        passage={{ sourceId: review.source.id, start: candidate.start, end: candidate.end }}
                        slug={initiative.slug}
                        version={initiative.version}
                        persons={persons}
                        events={review.events
                          .filter((event) => event.id !== initiative.eventId)
                          .map((event) => ({ value: String(event.id), label: localized(locale, event.nameRu, event.nameEn) }))}
                        label={t("candidateFor", { title })}
                      />
                      <RejectPassageForm
                        passage={{ sourceId: review.source.id, start: candidate.start, end: candidate.end }}
                        initiativeId={initiative.id}
                        label={t("candidateFor", { title })}
                      />
                      <NewInitiativeLink sourceId={review.source.id} start={candidate.start} end={candidate.end} label={t("newInitiative")} />
                    </li>
                  ))}
                </ol>
              </article>
            );
          })}
        </section>

        <section aria-labelledby="review-commitments" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="review-commitments" className="text-2xl font-semibold">
            {t("commitments")}
          </h2>
          <p className="text-slate-700">{t("commitmentsIntro")}</p>
          {review.newCommitments.length === 0 ? (
            <p className="text-slate-700">{t("noCommitments")}</p>
          ) : (
            <ol className="space-y-5" data-testid="new-commitments">
              {review.newCommitments.map((passage) => (
                <li key={`${passage.start}-${passage.end}`} className="space-y-3 border-l-4 border-violet-400 pl-3">
                  <p className="leading-relaxed">
                    <Highlighted parts={passage.parts} lang={lang} />
                  </p>
                  <RejectPassageForm
                    passage={{ sourceId: review.source.id, start: passage.start, end: passage.end }}
                    initiativeId={null}
                    label={passage.parts
                      .map((part) => part.text)
                      .join("")
                      .slice(0, 80)}
                    asCommitment
                  />
                  <NewInitiativeLink sourceId={review.source.id} start={passage.start} end={passage.end} label={t("newInitiative")} />
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
