import type { Db } from "../db/types";
import { inTransaction } from "../db/in-transaction";
import type { SessionUser } from "../auth/sessions";
import type { MarkVerifiedInput } from "./edit-schemas";
import { checkCorrects, claimVersion, writeEditEntry, type EditOptions, type EditResult } from "./record-history";
import { dayOrNull } from "../dates";

/** Records that an editor checked the initiative against its sources today. */
export async function markVerified(db: Db, actor: SessionUser, input: MarkVerifiedInput, options: EditOptions & { now?: Date } = {}): Promise<EditResult> {
  const now = options.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const initiative = await claimVersion(tx, input.slug, input.version);
    const correctsId = await checkCorrects(tx, initiative.id, input.correctsId);
    await tx.initiative.updateMany({ where: { id: initiative.id }, data: { lastVerifiedOn: now } });
    const changes = [{ field: "lastVerifiedOn", from: dayOrNull(initiative.lastVerifiedOn), to: dayOrNull(now) }];
    return writeEditEntry(tx, initiative, actor, options, {
      kind: "verification",
      changes,
      note: input.note,
      correctsId,
    });
  });
}
