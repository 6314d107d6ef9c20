import "server-only";
import type { Db } from "../db/types";
import { inTransaction } from "../db/in-transaction";
import type { SessionUser } from "../auth/sessions";
import type { EditCountriesInput } from "./edit-schemas";
import { checkCorrects, claimNextVersion, writeEditEntry, type EditOptions, type EditResult } from "./record-history";
import { EditError } from "./edit-errors";
import { countryField, type FieldChange } from "../history/field-changes";

/**
 * Sets each country's role and own stage. A row without a role removes the country;
 * every added, removed or changed value becomes a field in the entry's diff.
 */
export async function editCountries(db: Db, actor: SessionUser, input: EditCountriesInput, options: EditOptions = {}): Promise<EditResult> {
  return inTransaction(db, async (tx) => {
    const initiative = await claimNextVersion(tx, input.slug, input.version);
    const known = new Set((await tx.country.findMany({ select: { code: true } })).map((c) => c.code));
    const current = new Map(
      (await tx.participation.findMany({ where: { initiativeId: initiative.id }, select: { countryCode: true, role: true, stage: true } })).map((p) => [
        p.countryCode,
        p,
      ]),
    );
    const changes: FieldChange[] = [];
    const writes: (() => Promise<unknown>)[] = [];
    for (const row of input.countries) {
      if (!known.has(row.code)) throw new EditError("notFound", "countries");
      const before = current.get(row.code);
      const role = row.role;
      const stage = role ? row.stage : null;
      if ((before?.role ?? null) !== role) changes.push({ field: countryField(row.code, "role"), from: before?.role ?? null, to: role });
      if ((before?.stage ?? null) !== stage) changes.push({ field: countryField(row.code, "stage"), from: before?.stage ?? null, to: stage });
      const key = { initiativeId_countryCode: { initiativeId: initiative.id, countryCode: row.code } };
      if (!role && before) writes.push(() => tx.participation.delete({ where: key }));
      else if (role && (!before || before.role !== role || before.stage !== stage)) {
        writes.push(() =>
          tx.participation.upsert({
            where: key,
            create: { initiativeId: initiative.id, countryCode: row.code, role, stage },
            update: { role, stage },
          }),
        );
      }
    }
    if (changes.length === 0) throw new EditError("nothingChanged", "form");
    const correctsId = await checkCorrects(tx, initiative.id, input.correctsId);
    for (const write of writes) await write();
    return writeEditEntry(tx, initiative, actor, options, {
      changes,
      note: input.note,
      correctsId,
    });
  });
}
