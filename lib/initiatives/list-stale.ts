import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { InitiativeStatus } from "../domain/vocabulary";

export interface StaleItem {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
  version: number;
  lastVerifiedOn: Date | null;
  targetDate: Date | null;
  reasons: ("neverVerified" | "notVerifiedRecently" | "pastTarget")[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Initiatives for editors to review: not verified within `staleAfterDays`, or past
 * their target date while neither implemented nor dropped. Oldest check first.
 */
export async function listStale(prisma: PrismaClient, staleAfterDays: number, now = new Date()): Promise<StaleItem[]> {
  const cutoff = new Date(now.getTime() - staleAfterDays * DAY_MS);
  const rows = await prisma.initiative.findMany({
    where: {
      mergedIntoId: null,
      OR: [{ lastVerifiedOn: null }, { lastVerifiedOn: { lt: cutoff } }, { targetDate: { lt: now }, status: { notIn: ["implemented", "dropped"] } }],
    },
    orderBy: [{ lastVerifiedOn: { sort: "asc", nulls: "first" } }, { titleRu: "asc" }],
    select: { slug: true, titleRu: true, titleEn: true, status: true, version: true, lastVerifiedOn: true, targetDate: true },
  });
  return rows.map((row) => {
    const reasons: StaleItem["reasons"] = [];
    if (!row.lastVerifiedOn) reasons.push("neverVerified");
    else if (row.lastVerifiedOn < cutoff) reasons.push("notVerifiedRecently");
    if (row.targetDate && row.targetDate < now && row.status !== "implemented" && row.status !== "dropped") reasons.push("pastTarget");
    return { ...row, reasons };
  });
}
