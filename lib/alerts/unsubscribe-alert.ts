import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Ends an alert and forgets the address with it. Unsubscribing twice (a mail program's
 * one-click request, then the page) is not an error; returns whether a row was removed.
 */
export async function unsubscribeAlert(prisma: PrismaClient, token: string): Promise<boolean> {
  const removed = await prisma.alertSubscription.deleteMany({ where: { token } });
  return removed.count > 0;
}
