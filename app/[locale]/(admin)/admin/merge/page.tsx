import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { MergeForm } from "@/components/forms/merge-form";
import { INPUT } from "@/components/forms/form-kit";
import { Card } from "@/components/card";
import { StatusBadge } from "@/components/status-badge";
import { userForPage } from "@/lib/auth/page-access";
import { prisma } from "@/lib/db/prisma";
import { firstParam } from "@/lib/http/search-params";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { getMergeSide } from "@/lib/initiatives/merge-initiatives";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "merge" }))("title") };
}

/** Step 1 (GET): the admin names both initiatives and compares them; step 2: the merge form with their versions. */
export default async function MergePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { allowed } = await userForPage("initiative:merge", locale);
  if (!allowed) return <ForbiddenNotice />;
  const query = await searchParams;
  const duplicateSlug = (firstParam(query.duplicate) ?? "").trim().slice(0, 200);
  const keepSlug = (firstParam(query.keep) ?? "").trim().slice(0, 200);
  const [t, duplicate, keep] = await Promise.all([
    getTranslations("merge"),
    duplicateSlug ? getMergeSide(prisma, duplicateSlug) : null,
    keepSlug ? getMergeSide(prisma, keepSlug) : null,
  ]);
  const problems = (slug: string, side: typeof duplicate) => {
    if (!slug) return [];
    if (!side) return [t("notFoundSlug", { slug })];
    if (side.mergedInto) return [t("alreadyMergedInto", { slug: side.mergedInto.slug })];
    return [];
  };
  // After the merge the page re-renders with the same two names: say it is done, not "already merged".
  const done = Boolean(duplicate?.mergedInto && keep && duplicate.mergedInto.slug === keep.slug);
  const duplicateProblems = done ? [] : problems(duplicateSlug, duplicate);
  const keepProblems = problems(keepSlug, keep);
  const same = duplicateSlug !== "" && duplicateSlug === keepSlug;
  const keepErrors = [...keepProblems, ...(same ? [t("sameTwice")] : [])];
  // Once done, the comparison and its form give way to the one status that says so.
  const ready = !done && duplicate && keep && !same && duplicateProblems.length === 0 && keepProblems.length === 0;

  const side = (label: string, row: NonNullable<typeof duplicate>) => (
    <section aria-label={label} className="rounded border border-slate-200 p-3">
      <h3 className="text-sm font-semibold uppercase text-slate-600">{label}</h3>
      <p className="mt-1 font-medium">
        <Link href={`/initiatives/${row.slug}`} className="text-blue-800 underline">
          {localized(locale, row.titleRu, row.titleEn)}
        </Link>
      </p>
      <p className="mt-1 break-all text-sm text-slate-700">{row.slug}</p>
      <p className="mt-1">
        <StatusBadge status={row.status} />
      </p>
      <p className="mt-1 text-sm">{localized(locale, row.event.nameRu, row.event.nameEn)}</p>
      <p className="mt-1 text-sm">
        {t("counts", { quotes: row._count.quotes, metrics: row._count.metrics, countries: row._count.participations, history: row._count.history })}
      </p>
      {row._count.pendingChanges > 0 && <p className="mt-1 text-sm font-medium text-amber-900">{t("pending", { count: row._count.pendingChanges })}</p>}
      <p className="mt-1 text-sm text-slate-600">{t("version", { version: row.version })}</p>
    </section>
  );

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "merge"]}>
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("intro")}</p>
        {done && (
          <p role="status" className="rounded border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-950">
            {t("done", { duplicate: duplicateSlug, keep: keepSlug })}{" "}
            <Link href={`/initiatives/${keepSlug}`} className="underline">
              {t("openKept")}
            </Link>
          </p>
        )}
        <Card id="pick" title={t("pick")}>
          <form method="get" className="mt-3 grid gap-4 sm:grid-cols-2">
            <SlugField
              id="merge-duplicate"
              name="duplicate"
              label={t("duplicateSlug")}
              value={duplicateSlug}
              problems={duplicateProblems}
              focus={duplicateProblems.length > 0}
            />
            <SlugField
              id="merge-keep"
              name="keep"
              label={t("keepSlug")}
              value={keepSlug}
              problems={keepErrors}
              focus={duplicateProblems.length === 0 && keepErrors.length > 0}
            />
            <div>
              <button type="submit" className="rounded border border-blue-800 px-4 py-2 font-medium text-blue-800 hover:bg-blue-50">
                {t("compare")}
              </button>
            </div>
          </form>
        </Card>
        {ready && (
          <Card id="confirm" title={t("submit")}>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              {side(t("duplicate"), duplicate)}
              {side(t("keep"), keep)}
            </div>
            <div className="mt-4">
              <MergeForm duplicateSlug={duplicate.slug} duplicateVersion={duplicate.version} keepSlug={keep.slug} keepVersion={keep.version} />
            </div>
          </Card>
        )}
      </div>
    </ClientMessages>
  );
}

/** One slug of the pick form, its problems under it; `focus` when it is the first field with one. */
function SlugField({
  id,
  name,
  label,
  value,
  problems,
  focus,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  problems: string[];
  focus: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={value}
        required
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? `${id}-error` : undefined}
        className={INPUT}
        autoFocus={focus}
      />
      {problems.length > 0 && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {problems.join(" ")}
        </p>
      )}
    </div>
  );
}
