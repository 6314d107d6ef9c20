import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { AlertFrequency } from "../generated/prisma/enums";
import { AlertError } from "./alert-error";

/** Switches a confirmed alert between a mail per change and a daily digest. */
export async function changeAlertFrequency(prisma: PrismaClient, token: string, frequency: AlertFrequency): Promise<void> {
  const changed = await prisma.alertSubscription.updateMany({ where: { token, confirmedAt: { not: null } }, data: { frequency } });
  if (changed.count === 0) {
    const exists = await prisma.alertSubscription.count({ where: { token } });
    throw new AlertError(exists ? "alertNotConfirmed" : "alertNotFound");
  }
}
