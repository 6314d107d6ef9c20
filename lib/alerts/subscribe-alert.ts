import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { getEnv } from "../env";
import { localized } from "../i18n/localized";
import { alreadySubscribedMail, confirmationMail } from "./alert-mail";
import { AlertError } from "./alert-error";
import type { SubscribeAlertInput } from "./alert-schemas";
import { describeAlertTarget } from "./alert-target";
import { mailEnabled, sendMail } from "./mailer";

export function newAlertToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Records a wish to follow something and mails the address a link to confirm it (double
 * opt-in): nothing is sent to an address until its owner clicks. Asking again for a
 * confirmed alert mails its management link instead, so the answer on the page never
 * tells a stranger whether an address is subscribed.
 */
export async function subscribeAlert(prisma: PrismaClient, input: SubscribeAlertInput): Promise<{ token: string; confirmed: boolean }> {
  if (!mailEnabled()) throw new AlertError("alertsOff");
  const target = await describeAlertTarget(prisma, input.target, input.targetKey);
  if (!target) throw new AlertError("alertTargetNotFound");
  const where = { email_target_targetKey: { email: input.email, target: target.target, targetKey: target.key } };
  const row = await prisma.$transaction(async (tx) => {
    const existing = await tx.alertSubscription.findUnique({ where, select: { token: true, confirmedAt: true, frequency: true } });
    if (existing?.confirmedAt) return existing;
    // An unconfirmed request takes the latest choices; its token stays, so an earlier mail's link still works.
    return tx.alertSubscription.upsert({
      where,
      create: { email: input.email, target: target.target, targetKey: target.key, frequency: input.frequency, locale: input.locale, token: newAlertToken() },
      update: { frequency: input.frequency, locale: input.locale },
      select: { token: true, confirmedAt: true, frequency: true },
    });
  });
  const recipient = {
    locale: input.locale,
    email: input.email,
    token: row.token,
    targetName: localized(input.locale, target.nameRu, target.nameEn),
    frequency: row.frequency,
    base: getEnv().PUBLIC_URL,
  };
  try {
    await sendMail(row.confirmedAt ? await alreadySubscribedMail(recipient) : await confirmationMail(recipient));
  } catch (error) {
    throw Object.assign(new AlertError("mailFailed"), { cause: error });
  }
  return { token: row.token, confirmed: row.confirmedAt !== null };
}
