import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { signOutEverywhereAction } from "@/app/actions/auth-actions";
import { ChangePasswordForm } from "@/components/forms/password-forms";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { SuggestionQueue } from "@/components/suggestion-queue";
import { listOpenSuggestions } from "@/lib/suggestions/resolve-suggestion";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { ReviewForm } from "@/components/forms/review-form";
import { VerifyForm } from "@/components/forms/verify-form";
import { StatusBadge } from "@/components/status-badge";
import { userForPage } from "@/lib/auth/page-access";
import { prisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { listPendingChanges } from "@/lib/initiatives/list-pending-changes";
import { listStale } from "@/lib/initiatives/list-stale";
import { isReviewRequired } from "@/lib/settings/settings";
import { Card } from "@/components/card";
import { pageLocale } from "@/lib/i18n/page-locale";
import { lookUp } from "@/lib/i18n/look-up";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "editor" }))("homeTitle") };
}

/** Each stale initiative is listed once, under its first reason (lib/initiatives/list-stale.ts); a second one shows on its row. */
const STALE_GROUPS = ["neverVerified", "notVerifiedRecently", "pastTarget"] as const;

export default async function EditorHome({ params }: Props) {
  const locale = await pageLocale(params);
  const { user, allowed } = await userForPage("initiative:edit", locale);
  if (!allowed) return <ForbiddenNotice />;
  const staleAfterDays = getEnv().STALE_AFTER_DAYS;
  const [t, tIntake, tEvents, tImport, tStatus, tHistory, format, stale, pending, reviewRequired] = await Promise.all([
    getTranslations("editor"),
    getTranslations("intake"),
    getTranslations("events"),
    getTranslations("bulkImport"),
    getTranslations("status"),
    getTranslations("history"),
    getFormatter(),
    listStale(prisma, staleAfterDays),
    listPendingChanges(prisma),
    isReviewRequired(prisma),
  ]);
  const suggestions = await listOpenSuggestions(prisma);

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "intake", "create", "suggest"]}>
      <div className="space-y-8">
        <header>
          <h1 className="text-3xl font-bold">{t("homeTitle")}</h1>
          <p className="mt-2 text-slate-700">{t("homeIntro", { name: user.displayName })}</p>
          <p className="mt-1 text-sm text-slate-700">{reviewRequired ? t("reviewIsOn") : t("reviewIsOff")}</p>
          <p className="mt-3 flex flex-wrap gap-3">
            <Link href="/editor/sources/new" className="inline-block rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
              {tIntake("title")}
            </Link>
            <Link href="/editor/events/new" className="inline-block rounded border border-blue-800 px-4 py-2 font-medium text-blue-800 hover:bg-blue-50">
              {tEvents("add")}
            </Link>
            <Link href="/editor/import" className="inline-block rounded border border-blue-800 px-4 py-2 font-medium text-blue-800 hover:bg-blue-50">
              {tImport("deskLink")}
            </Link>
          </p>
        </header>

        <SuggestionQueue locale={locale} suggestions={suggestions} />

        <Card id="pending" title={t("pendingTitle")}>
          {pending.length === 0 ? (
            <p className="mt-3 text-slate-700">{t("noPending")}</p>
          ) : (
            <ul className="mt-4 space-y-5">
              {pending.map((change) => (
                <li key={change.id} className="border-l-4 border-amber-400 pl-3">
                  <Link href={`/initiatives/${change.initiativeSlug}`} className="font-medium text-blue-800 underline">
                    {localized(locale, change.titleRu, change.titleEn)}
                  </Link>
                  <p>
                    {change.kind === "status" ? `${tStatus(change.fromStatus)} → ${tStatus(change.toStatus)}` : t(`pendingKind.${change.kind}`)} ·{" "}
                    {t("proposedBy", { name: change.authorName })} · {format.dateTime(change.createdAt, { dateStyle: "medium" })}
                  </p>
                  {change.changes.length > 0 && (
                    <ul className="text-sm">
                      {change.changes.map((field, index) => (
                        <li key={index} className="break-words">
                          {lookUp(tHistory, `fields.${field.field}`) ?? field.field}: {field.from ?? "—"} → {field.to ?? "—"}
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="text-sm">{change.note}</p>
                  {change.overrideNote && (
                    <p className="text-sm">
                      {t("overrideNote")}: {change.overrideNote}
                    </p>
                  )}
                  {change.quoteText && (
                    <p lang="ru" className="text-sm">
                      «{change.quoteText}»
                    </p>
                  )}
                  {change.evidenceUrl && (
                    <p className="text-sm break-all">
                      {change.evidenceTitle}: {change.evidenceUrl}
                    </p>
                  )}
                  {change.authorId === user.id ? <p className="text-sm text-slate-700">{t("awaitingOther")}</p> : <ReviewForm pendingId={change.id} />}
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card id="stale" title={t("staleTitle")}>
          <p className="mt-1 text-sm text-slate-700">{t("staleIntro", { days: staleAfterDays })}</p>
          {stale.length === 0 ? (
            <p className="mt-3 text-slate-700">{t("noStale")}</p>
          ) : (
            // Grouped by why each is listed, so "never verified" is said once above its rows, not on each.
            <div className="mt-4 space-y-5" data-testid="stale-queue">
              {STALE_GROUPS.map((group) => {
                const items = stale.filter((item) => item.reasons[0] === group);
                if (items.length === 0) return null;
                return (
                  <section key={group} aria-labelledby={`stale-${group}`} data-stale-group={group}>
                    <h3 id={`stale-${group}`} className="font-semibold">
                      {t(`staleGroup.${group}`, { count: items.length })}
                    </h3>
                    <ul className="divide-y divide-slate-100">
                      {items.map((item) => {
                        const title = localized(locale, item.titleRu, item.titleEn);
                        return (
                          <li key={item.slug} className="flex flex-wrap items-center justify-between gap-3 py-3" data-slug={item.slug}>
                            <div>
                              <Link href={`/initiatives/${item.slug}`} className="font-medium text-blue-800 underline">
                                {title}
                              </Link>
                              <p className="text-sm text-slate-700">
                                <StatusBadge status={item.status} />
                                {group !== "pastTarget" && item.reasons.includes("pastTarget") && <> · {t("staleReason.pastTarget")}</>}
                                {item.lastVerifiedOn && <> · {t("lastVerified", { date: format.dateTime(item.lastVerifiedOn, { dateStyle: "medium" }) })}</>}
                              </p>
                            </div>
                            <VerifyForm slug={item.slug} version={item.version} title={title} compact />
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                );
              })}
            </div>
          )}
        </Card>

        <Card id="account" title={t("accountTitle")}>
          <p className="mt-1 text-sm text-slate-700">{t("signOutEverywhereIntro")}</p>
          <form action={signOutEverywhereAction} className="mt-3">
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="rounded border border-red-800 px-3 py-1.5 font-medium text-red-900 hover:bg-red-50">
              {t("signOutEverywhere")}
            </button>
          </form>
          <div className="mt-6 border-t border-slate-100 pt-4">
            <ChangePasswordForm />
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
