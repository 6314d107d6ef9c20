import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { AlertFrequency } from "../generated/prisma/enums";
import { getEnv } from "../env";
import { localized } from "../i18n/localized";
import { historySelect, toHistoryItem } from "../history/list-history";
import { log } from "../log";
import { digestMail, type DigestEntry } from "./alert-mail";
import { alertEntryFilter, describeAlertTarget } from "./alert-target";
import { mailEnabled, sendMail } from "./mailer";

const DIGEST_SELECT = historySelect("id", "kind", "fromStatus", "toStatus", "fromStage", "toStage", "changes", "note", "recordedAt", "initiative");

/** A digest lists at most this many changes; the rest follow in the next one. */
const MAX_ENTRIES = 50;
/** Daily digests go out when the last one is at least this old (an hourly or daily job both work). */
const DAILY_GAP_MS = 20 * 60 * 60 * 1000;

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/**
 * Sends every confirmed alert of the given frequencies the changes it has not yet had. The
 * cursor (`lastEntryId`) is moved with compare-and-set before sending, so two runs at once
 * never send the same changes twice; a failed send moves it back, to be retried next run.
 */
export async function deliverAlerts(
  prisma: PrismaClient,
  { frequencies, now = new Date() }: { frequencies: AlertFrequency[]; now?: Date },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  if (!mailEnabled()) return report;
  const dailyBefore = new Date(now.getTime() - DAILY_GAP_MS);
  const due = await prisma.alertSubscription.findMany({
    where: {
      confirmedAt: { not: null },
      OR: [
        ...(frequencies.includes("immediate") ? [{ frequency: "immediate" as const }] : []),
        ...(frequencies.includes("daily") ? [{ frequency: "daily" as const, OR: [{ lastSentAt: null }, { lastSentAt: { lte: dailyBefore } }] }] : []),
      ],
    },
    orderBy: { id: "asc" },
    select: { id: true, email: true, token: true, locale: true, frequency: true, target: true, targetKey: true, lastEntryId: true, lastSentAt: true },
  });
  for (const subscription of due) {
    const rows = await prisma.historyEntry.findMany({
      where: { id: { gt: subscription.lastEntryId }, ...alertEntryFilter(subscription.target, subscription.targetKey) },
      orderBy: { id: "asc" },
      take: MAX_ENTRIES,
      select: DIGEST_SELECT,
    });
    if (rows.length === 0) continue;
    const target = await describeAlertTarget(prisma, subscription.target, subscription.targetKey);
    if (!target) continue;
    const lastId = rows.at(-1)!.id;
    const claimed = await prisma.alertSubscription.updateMany({
      where: { id: subscription.id, lastEntryId: subscription.lastEntryId },
      data: { lastEntryId: lastId, lastSentAt: now },
    });
    if (claimed.count === 0) continue;
    const entries: DigestEntry[] = rows.map((row) => toHistoryItem(row));
    const locale = subscription.locale === "en" ? "en" : "ru";
    try {
      const mail = await digestMail(
        {
          locale,
          email: subscription.email,
          token: subscription.token,
          frequency: subscription.frequency,
          targetName: localized(locale, target.nameRu, target.nameEn),
          base: getEnv().PUBLIC_URL,
        },
        entries,
      );
      await sendMail(mail);
      report.sent += 1;
    } catch (error) {
      report.failed += 1;
      log("error", "alert_delivery_failed", { subscriptionId: subscription.id, error });
      await prisma.alertSubscription.updateMany({
        where: { id: subscription.id, lastEntryId: lastId },
        data: { lastEntryId: subscription.lastEntryId, lastSentAt: subscription.lastSentAt },
      });
    }
  }
  return report;
}
