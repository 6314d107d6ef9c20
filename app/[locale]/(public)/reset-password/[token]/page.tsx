import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { ResetPasswordForm } from "@/components/forms/password-forms";
import { prisma } from "@/lib/db/prisma";
import { findPasswordReset } from "@/lib/users/password-reset";
import { resetTokenSchema } from "@/lib/users/user-schemas";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  // The token stays out of search engines and of other sites' referrers (Referrer-Policy is set too).
  return { title: (await getTranslations({ locale, namespace: "auth" }))("resetTitle"), robots: { index: false } };
}

export default async function ResetPasswordPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, tErrors] = await Promise.all([getTranslations("auth"), getTranslations("errors")]);
  const valid = resetTokenSchema.safeParse(token).success ? await findPasswordReset(prisma, token) : null;
  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 id="reset-title" className="text-3xl font-bold">
        {t("resetTitle")}
      </h1>
      {valid ? (
        <>
          <p className="text-slate-700">{t("resetIntro", { email: valid.email })}</p>
          <div className="rounded-lg border border-slate-200 bg-white p-5">
            <ClientMessages namespaces={FORM_NAMESPACES}>
              <ResetPasswordForm token={token} />
            </ClientMessages>
          </div>
        </>
      ) : (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-950">
          <p className="font-medium">{tErrors("resetLinkInvalid")}</p>
        </div>
      )}
    </section>
  );
}
