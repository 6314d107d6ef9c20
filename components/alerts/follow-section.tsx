import { getTranslations } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { mailEnabled } from "@/lib/alerts/mailer";
import type { AlertTarget } from "@/lib/domain/vocabulary";
import { DeferredFollowForm } from "./follow-form-deferred";

/** "Follow by e-mail" on an initiative, country or theme page; absent when the site sends no mail. */
export async function FollowSection({ target, targetKey, locale }: { target: AlertTarget; targetKey: string; locale: string }) {
  if (!mailEnabled()) return null;
  const t = await getTranslations("alerts");
  return (
    <section aria-labelledby="follow-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="follow-title" className="text-xl font-semibold">
        {t("followTitle")}
      </h2>
      <p className="mt-2 text-slate-700">
        {t(`followIntro.${target}`)} {t("followHow")}
      </p>
      <DeferredFollowForm target={target} targetKey={targetKey} locale={locale} messages={await pickMessages(["alerts", "errors"])} />
    </section>
  );
}
