import type { PrismaClient } from "../generated/prisma/client";
import type { SessionUser } from "../auth/sessions";
import type { MarkVerifiedInput } from "./edit-schemas";
import { checkCorrects, claimNextVersion, writeHistoryEntry } from "./record-history";
import { dayOrNull } from "../dates";

/** Records that an editor checked the initiative against its sources today. */
export async function markVerified(
  prisma: PrismaClient,
  actor: SessionUser,
  input: MarkVerifiedInput,
  now = new Date(),
): Promise<{ version: number; tags: string[] }> {
  return prisma.$transaction(async (tx) => {
    const initiative = await claimNextVersion(tx, input.slug, input.version);
    const correctsId = await checkCorrects(tx, initiative.id, input.correctsId);
    await tx.initiative.update({ where: { id: initiative.id }, data: { lastVerifiedOn: now } });
    const entry = await writeHistoryEntry(tx, initiative, {
      kind: "verification",
      changes: [{ field: "lastVerifiedOn", from: dayOrNull(initiative.lastVerifiedOn), to: dayOrNull(now) }],
      note: input.note,
      authorId: actor.id,
      correctsId,
    });
    return { version: entry.version, tags: entry.tags };
  });
}
