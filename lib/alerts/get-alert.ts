import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { AlertFrequency } from "../generated/prisma/enums";
import type { Locale } from "../i18n/routing";
import { alertTokenSchema } from "./alert-schemas";
import { describeAlertTarget, type AlertTargetView } from "./alert-target";

export interface AlertView {
  token: string;
  email: string;
  frequency: AlertFrequency;
  locale: Locale;
  confirmed: boolean;
  target: AlertTargetView;
}

/** The subscription a link's token names; null for a malformed or unknown token, or a target that is gone. */
export async function getAlert(prisma: PrismaClient, token: string): Promise<AlertView | null> {
  if (!alertTokenSchema.safeParse(token).success) return null;
  const row = await prisma.alertSubscription.findUnique({
    where: { token },
    select: { token: true, email: true, frequency: true, locale: true, confirmedAt: true, target: true, targetKey: true },
  });
  if (!row) return null;
  const target = await describeAlertTarget(prisma, row.target, row.targetKey);
  if (!target) return null;
  return {
    token: row.token,
    email: row.email,
    frequency: row.frequency,
    locale: row.locale === "en" ? "en" : "ru",
    confirmed: row.confirmedAt !== null,
    target,
  };
}
