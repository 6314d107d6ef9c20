import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { AlertError } from "./alert-error";

/**
 * The address's owner confirmed the alert. Changes from now on are sent; what happened
 * before is on the page already. Confirming twice changes nothing.
 */
export async function confirmAlert(prisma: PrismaClient, token: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.alertSubscription.findUnique({ where: { token }, select: { confirmedAt: true } });
    if (!row) throw new AlertError("alertNotFound");
    if (row.confirmedAt) return;
    const latest = await tx.historyEntry.aggregate({ _max: { id: true } });
    await tx.alertSubscription.update({ where: { token }, data: { confirmedAt: now, lastEntryId: latest._max.id ?? 0, lastSentAt: now } });
  });
}
