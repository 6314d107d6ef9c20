import { describe, expect, it } from "vitest";
import { keepSent, sentValues } from "../../lib/forms/form-data";

describe("what a refused form sent, to show again", () => {
  const form = () => {
    const data = new FormData();
    data.append("$ACTION_REF_1", "");
    data.append("$ACTION_1:0", '{"id":"abc"}');
    data.append("note", "A note typed before the page's script loaded");
    data.append("themes", "tourism");
    data.append("themes", "water_environment");
    data.append("password", "secret-1");
    data.append("newPassword", "secret-2");
    data.append("file", new File(["a,b"], "rows.csv", { type: "text/csv" }));
    data.append("__proto__", "x");
    data.append("constructor", "y");
    return data;
  };

  it("keeps every text field, repeats in order, never a password, a file, React's action fields or a prototype", () => {
    const sent = sentValues(form());
    expect(sent).toEqual({ note: ["A note typed before the page's script loaded"], themes: ["tourism", "water_environment"], constructor: ["y"] });
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
  });

  it("comes back with a refusal only", () => {
    expect(keepSent(form(), { status: "error", message: "fixFields" }).values?.note).toEqual(["A note typed before the page's script loaded"]);
    expect(keepSent(form(), { status: "success", message: "saved" })).toEqual({ status: "success", message: "saved" });
  });
});
