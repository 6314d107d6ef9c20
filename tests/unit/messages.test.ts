import { describe, expect, it } from "vitest";
import { openApiDocument, parameterDescriptionKey } from "../../lib/api/openapi";
import { loadMessages } from "../../lib/i18n/load-messages";
import { COUNTRY_ROLES, INITIATIVE_KINDS, INITIATIVE_STATUSES, MEETING_RELATIONS, SPEAKER_KINDS, STAGES, THEMES } from "../../lib/domain/vocabulary";

const en = await loadMessages("en");
const ru = await loadMessages("ru");

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("interface messages", () => {
  it("describe every parameter of every API operation on the API page", () => {
    const all = new Set(keys(en));
    const missing = Object.values(openApiDocument().paths)
      .flatMap((path) => Object.values(path))
      .flatMap((operation) =>
        operation.parameters.map((parameter) => `apiDocs.parameterDescriptions.${parameterDescriptionKey(operation.operationId, parameter.name)}`),
      )
      .filter((key) => !all.has(key));
    expect(missing).toEqual([]);
  });

  it("exist in both Russian and English", () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it("name every value of every validated set", () => {
    const all = new Set(keys(en));
    const sets = {
      status: INITIATIVE_STATUSES,
      stage: STAGES,
      kind: INITIATIVE_KINDS,
      theme: THEMES,
      role: COUNTRY_ROLES,
      meetingRelation: MEETING_RELATIONS,
      speakerKind: SPEAKER_KINDS,
    };
    for (const [namespace, values] of Object.entries(sets)) {
      for (const value of values) expect(all.has(`${namespace}.${value}`), `${namespace}.${value}`).toBe(true);
    }
  });

  it("are never empty", () => {
    const leaves = (messages: object): string[] => Object.values(messages).flatMap((value) => (typeof value === "object" ? leaves(value) : [value as string]));
    for (const text of [...leaves(ru), ...leaves(en)]) expect(text.trim()).not.toBe("");
  });
});
