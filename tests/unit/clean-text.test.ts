import { describe, expect, it } from "vitest";
import { cleanText } from "../../lib/forms/clean-text";
import { changeStatusSchema, editDetailsSchema, markVerifiedSchema } from "../../lib/initiatives/edit-schemas";
import { createUserSchema } from "../../lib/users/user-schemas";

const status = (note: string) =>
  changeStatusSchema.safeParse({
    slug: "x",
    version: "1",
    status: "proposed",
    effectiveOn: "2025-11-17",
    note,
    evidenceType: "link",
    evidenceUrl: "https://example.org/a",
    evidenceTitle: "A page",
    evidenceDate: "2025-11-17",
  });

describe("free text", () => {
  it("a note made only of NUL, control or invisible characters is missing, not a note", () => {
    for (const note of ["\u0000", "\u200b", "\u0000\u0001\u001f", "\u200b\u200d\u2060\ufeff", " \u00ad \u202e ", "\r\n\t"]) {
      const parsed = status(note);
      expect(parsed.success, JSON.stringify(note)).toBe(false);
      expect(parsed.error?.issues.find((issue) => issue.path[0] === "note")?.message).toBe("required");
    }
  });

  it("keeps visible text, line breaks and tabs; drops the invisible characters inside it", () => {
    expect(status("Подписано\u0000 в\u200b Ташкенте\r\nвторая строка").data?.note).toBe("Подписано в Ташкенте\nвторая строка");
    expect(cleanText("a\tb\nc\rd")).toBe("a\tb\nc\nd");
  });

  it("applies to every free-text field: titles, summaries, optional notes, account names", () => {
    const details = editDetailsSchema.safeParse({
      slug: "x",
      version: "1",
      titleRu: "\u200b",
      titleEn: "T\u0007",
      summaryRu: "S",
      summaryEn: "\u0000",
      themes: ["water_environment"],
      note: "n",
    });
    expect(details.success).toBe(false);
    expect(details.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["summaryEn", "titleRu"]);
    expect(markVerifiedSchema.parse({ slug: "x", version: "1", note: "\u0000ok\u200b" }).note).toBe("ok");
    expect(createUserSchema.safeParse({ email: "a@example.test", displayName: "\u200b\u200b", role: "editor", password: "long enough password" }).success).toBe(
      false,
    );
  });
});
