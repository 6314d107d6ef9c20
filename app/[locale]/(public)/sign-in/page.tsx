import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { SignInForm } from "@/components/forms/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeReturnPath } from "@/lib/auth/return-path";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { redirect as nextRedirect } from "next/navigation";
import { redirect } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "auth" }))("signInTitle") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  // Only a path on this site (lib/auth/return-path.ts); anything else signs in to the editor's desk.
  const next = safeReturnPath(firstParam((await searchParams).next));
  if (await getCurrentUser()) {
    if (next) nextRedirect(next);
    redirect({ href: "/editor", locale });
  }
  const t = await getTranslations("auth");
  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 id="sign-in-title" className="text-3xl font-bold">
        {t("signInTitle")}
      </h1>
      <p className="text-slate-700">{t("signInIntro")}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <ClientMessages namespaces={FORM_NAMESPACES}>
          <SignInForm locale={locale} next={next} />
        </ClientMessages>
      </div>
    </section>
  );
}
