import "server-only";
import { createTranslator } from "use-intl/core";
import { assemble, pageUrl } from "../alerts/alert-mail";
import type { OutgoingMail } from "../alerts/mailer";
import { loadMessages } from "../i18n/load-messages";
import type { Locale } from "../i18n/routing";

export interface Outcome {
  email: string;
  locale: Locale;
  state: "accepted" | "declined";
  /** The initiative's or the source's title (or the source's number) the suggestion was about. */
  subjectName: string;
  subjectPath: string;
  text: string;
  resolution: string;
  resultPath: string | null;
  /** PUBLIC_URL, without a trailing slash. */
  base: string;
}

/** The longest part of the sender's own text the mail repeats, so they know which suggestion it was. */
const QUOTED = 300;

/** The one mail that tells a sender what became of their suggestion, in the language they wrote in. */
export async function outcomeMail(outcome: Outcome): Promise<OutgoingMail> {
  const messages = await loadMessages(outcome.locale);
  const t = createTranslator({ locale: outcome.locale, messages: messages as never, namespace: "suggestMail" as never }) as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  const quoted = outcome.text.length > QUOTED ? `${outcome.text.slice(0, QUOTED)}…` : outcome.text;
  const link = outcome.resultPath ?? outcome.subjectPath;
  return assemble(
    outcome,
    t(`subject_${outcome.state}`, { subject: outcome.subjectName }),
    [
      { text: t("intro", { subject: outcome.subjectName }) },
      { text: `«${quoted}»` },
      { text: `${t(`outcome_${outcome.state}`)}\n${outcome.resolution}` },
      { text: t(outcome.resultPath ? "seeChange" : "seePage"), link: { href: pageUrl(outcome.base, outcome.locale, link), label: t("open") } },
    ],
    [t("whySent")],
  );
}
