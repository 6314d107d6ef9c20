import type { Metadata } from "next";
import { publicData } from "@/lib/cache/public-data";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { FORM_NAMESPACES } from "@/lib/i18n/pick-messages";
import { EditorMessages } from "@/components/editor-messages";
import { CorrectSourceForm } from "@/components/forms/editor-forms-on-demand";
import { RecordHistoryList } from "@/components/record-history-list";
import { atomPath } from "@/lib/feeds/feed-page";
import { SuggestionDraft } from "@/components/suggestion-draft";
import { getOpenSuggestion } from "@/lib/suggestions/resolve-suggestion";
import { prisma } from "@/lib/db/prisma";
import { firstParam } from "@/lib/http/search-params";
import { SuggestSection } from "@/components/suggest-section";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { isOneOf, SOURCE_LANGUAGES } from "@/lib/domain/vocabulary";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { localePath } from "@/lib/i18n/locale-path";
import { dateToDay } from "@/lib/dates";
import { Card } from "@/components/card";
import { pageLocale } from "@/lib/i18n/page-locale";
import { passageAnchor } from "@/lib/sources/quote-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function parseId(raw: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const locale = await pageLocale(params);
  const sourceId = parseId(id);
  const source = sourceId ? await publicData.source(sourceId) : null;
  if (!source) return {};
  const t = await getTranslations({ locale, namespace: "source" });
  return {
    title: source.title ?? source.outlet ?? t("untitled"),
    alternates: { types: { "application/atom+xml": atomPath({ kind: "source", id: source.id }, locale) } },
  };
}

export default async function SourcePage({ params, searchParams }: Props) {
  const { id } = await params;
  const locale = await pageLocale(params);
  const sourceId = parseId(id);
  const [source, user] = await Promise.all([sourceId ? publicData.source(sourceId) : null, getCurrentUser()]);
  if (!source) notFound();
  const [t, tCommon, tExtra, tKind, tLanguage, tIntake, format] = await Promise.all([
    getTranslations("source"),
    getTranslations("common"),
    getTranslations("sourceExtra"),
    getTranslations("sourceKind"),
    getTranslations("sourceLanguage"),
    getTranslations("intake"),
    getFormatter(),
  ]);
  const unknown = <span className="italic text-slate-600">{tCommon("unknown")}</span>;
  const canCorrect = hasPermission(user, "source:add");
  // From the editors' queue: a reader's suggestion to make the correction from.
  const rawSuggestion = firstParam((await searchParams).suggestion);
  const suggestionId = rawSuggestion && /^[1-9][0-9]{0,9}$/.test(rawSuggestion) ? Number(rawSuggestion) : null;
  const suggestion =
    canCorrect && suggestionId && hasPermission(user, "suggestion:review") ? await getOpenSuggestion(prisma, suggestionId, "source", String(source.id)) : null;

  return (
    <article className="space-y-6" aria-labelledby="source-title">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("title")}</p>
        <h1 id="source-title" lang={source.title ? source.language : undefined} className="mt-1 text-3xl font-bold">
          {source.title ?? t("untitled")}
        </h1>
        <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("outlet")}</dt>
          <dd data-testid="source-outlet">{source.outlet ?? unknown}</dd>
          <dt className="font-medium text-slate-700">{t("published")}</dt>
          <dd data-testid="source-published">
            {source.publishedOn ? (
              <>
                <time dateTime={dateToDay(source.publishedOn)}>{format.dateTime(source.publishedOn, { dateStyle: "long" })}</time>
                {source.dateFromMetadata && <span className="text-slate-700"> — {t("dateFromMetadata")}</span>}
              </>
            ) : (
              unknown
            )}
          </dd>
          <dt className="font-medium text-slate-700">{t("language")}</dt>
          <dd>{isOneOf(SOURCE_LANGUAGES, source.language) ? tLanguage(source.language) : source.language}</dd>
          <dt className="font-medium text-slate-700">{tExtra("kind")}</dt>
          <dd data-testid="source-kind">{source.kind ? tKind(source.kind) : unknown}</dd>
          <dt className="font-medium text-slate-700">{tExtra("url")}</dt>
          <dd className="break-all" data-testid="source-url">
            {source.url ? (
              <a href={source.url} rel="noopener noreferrer nofollow" className="text-blue-800 underline">
                {source.url}
              </a>
            ) : (
              unknown
            )}
          </dd>
          <dt className="font-medium text-slate-700">{t("hash")}</dt>
          <dd className="break-all font-mono text-sm">{source.sha256}</dd>
          {source.file && (
            <>
              <dt className="font-medium text-slate-700">{tExtra("file")}</dt>
              <dd className="break-all" data-testid="source-file">
                {tExtra("fileDetails", { name: source.file.name, type: source.file.mediaType, size: source.file.size })}
              </dd>
              <dt className="font-medium text-slate-700">{tExtra("fileHash")}</dt>
              <dd className="break-all font-mono text-sm">{source.file.sha256}</dd>
            </>
          )}
        </dl>
        <p className="mt-2 text-sm text-slate-700">
          {t("length", { count: source.length })} · {t("quotes", { count: source.quoteCount })}
        </p>
      </header>

      {source.initiatives.length > 0 && (
        <Card id="source-initiatives" title={t("initiatives")}>
          <ul className="mt-3 grid gap-1 sm:grid-cols-2">
            {source.initiatives.map((initiative) => (
              <li key={initiative.slug}>
                <Link href={`/initiatives/${initiative.slug}`} className="text-blue-800 underline">
                  {localized(locale, initiative.titleRu, initiative.titleEn)}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card id="full-text" title={t("fullText")}>
        <p className="mt-1 text-sm text-slate-700">{t("fullTextIntro")}</p>
        {/* Plain markup: app/globals.css styles it by position (.source-text), and a quote's link is a plain
            <a> to the localized page, since this markup is sent twice, in the HTML and the RSC payload, and
            a client Link per quote is one more component to hydrate (decision 056). */}
        <div lang={source.language} className="source-text mt-4 whitespace-pre-wrap leading-relaxed" data-testid="source-text">
          {source.paragraphs.map((paragraph) => (
            // Each line is a passage /search can link to (#passage-<offset>); the linked one is marked while targeted.
            <span key={paragraph.start} id={paragraph.blank ? undefined : passageAnchor(paragraph.start)}>
              {paragraph.segments.map((segment) => {
                if (segment.spans.length === 0) return <Fragment key={segment.start}>{segment.text}</Fragment>;
                const outer = segment.spans[0]!;
                // Overlapping quotes nest as <mark> inside <mark>; each quote's anchor sits where it begins.
                const marked = segment.spans.reduceRight<ReactNode>(
                  (inner, span) => (
                    <mark key={span.id} id={span.start === segment.start ? `quote-${span.id}` : undefined} data-quote-id={span.id}>
                      {inner}
                    </mark>
                  ),
                  segment.text,
                );
                return outer.initiative ? (
                  <a
                    key={segment.start}
                    href={localePath(locale, `/initiatives/${outer.initiative.slug}`)}
                    title={t("quoteFor", { title: localized(locale, outer.initiative.titleRu, outer.initiative.titleEn) })}
                  >
                    {marked}
                  </a>
                ) : (
                  <Fragment key={segment.start}>{marked}</Fragment>
                );
              })}
            </span>
          ))}
        </div>
      </Card>

      <RecordHistoryList entries={source.history} feed={{ kind: "source", id: source.id }} />
      <SuggestSection subject="source" subjectKey={String(source.id)} locale={locale} />

      {canCorrect && (
        <p>
          <Link href={`/editor/sources/${source.id}/review`} className="inline-block rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
            {tIntake("review")}
          </Link>
        </p>
      )}

      {canCorrect && (
        <section aria-label={tIntake("correctTitle")} className="rounded-lg border border-blue-200 bg-blue-50/40 p-5">
          <EditorMessages namespaces={[...FORM_NAMESPACES, "intake", "create", "sourceKind", "sourceLanguage", "suggest"]}>
            {suggestion && <SuggestionDraft suggestion={suggestion} label={source.title ?? t("untitled")} />}
            <CorrectSourceForm
              note={suggestion?.text.slice(0, 2000) ?? ""}
              sourceId={source.id}
              version={source.version}
              initial={{
                title: source.title ?? "",
                outlet: source.outlet ?? "",
                url: source.url ?? "",
                publishedOn: source.publishedOn ? source.publishedOn.toISOString().slice(0, 10) : "",
                language: source.language,
                kind: source.kind ?? "",
              }}
            />
          </EditorMessages>
        </section>
      )}
    </article>
  );
}
