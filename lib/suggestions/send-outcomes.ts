import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { getEnv } from "../env";
import { mailEnabled, sendMail } from "../alerts/mailer";
import { localized } from "../i18n/localized";
import { log } from "../log";
import { outcomeMail } from "./outcome-mail";

/**
 * Mails each answered suggestion's sender, when they left an e-mail, what became of it: once.
 * `outcomeSentAt` is claimed with compare-and-set before sending (two runs never mail twice) and
 * cleared again if the send fails (the next run retries). Once sent, the address is erased: it
 * was kept for this one mail. Off when SMTP_URL is unset.
 */
export async function sendSuggestionOutcomes(prisma: PrismaClient, now = new Date()): Promise<{ sent: number; failed: number }> {
  const report = { sent: 0, failed: 0 };
  if (!mailEnabled()) return report;
  const due = await prisma.suggestion.findMany({
    where: { state: { not: "open" }, email: { not: null }, outcomeSentAt: null },
    orderBy: { id: "asc" },
    take: 100,
    select: { id: true, email: true, locale: true, state: true, subject: true, subjectKey: true, text: true, resolution: true, resultPath: true },
  });
  for (const suggestion of due) {
    const claimed = await prisma.suggestion.updateMany({ where: { id: suggestion.id, outcomeSentAt: null }, data: { outcomeSentAt: now } });
    if (claimed.count === 0) continue;
    const locale = suggestion.locale === "en" ? "en" : "ru";
    try {
      const subjectName = await nameOf(prisma, suggestion.subject, suggestion.subjectKey, locale);
      await sendMail(
        await outcomeMail({
          email: suggestion.email!,
          locale,
          state: suggestion.state === "accepted" ? "accepted" : "declined",
          subjectName,
          subjectPath: suggestion.subject === "initiative" ? `/initiatives/${suggestion.subjectKey}` : `/sources/${suggestion.subjectKey}`,
          text: suggestion.text,
          resolution: suggestion.resolution ?? "",
          resultPath: suggestion.resultPath,
          base: getEnv().PUBLIC_URL,
        }),
      );
      await prisma.suggestion.update({ where: { id: suggestion.id }, data: { email: null } });
      report.sent += 1;
    } catch (error) {
      await prisma.suggestion.updateMany({ where: { id: suggestion.id, outcomeSentAt: now }, data: { outcomeSentAt: null } });
      log("error", "suggestion_outcome_failed", { suggestionId: suggestion.id, error });
      report.failed += 1;
    }
  }
  return report;
}

async function nameOf(prisma: PrismaClient, subject: "initiative" | "source", key: string, locale: "ru" | "en"): Promise<string> {
  if (subject === "initiative") {
    const initiative = await prisma.initiative.findUnique({ where: { slug: key }, select: { titleRu: true, titleEn: true } });
    return initiative ? (localized(locale, initiative.titleRu, initiative.titleEn) ?? key) : key;
  }
  const source = await prisma.source.findUnique({ where: { id: Number(key) }, select: { title: true, outlet: true } });
  return source?.title ?? source?.outlet ?? `#${key}`;
}
