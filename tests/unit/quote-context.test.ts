import { describe, expect, it } from "vitest";
import { quoteInContext, segmentText } from "../../lib/sources/quote-context";

const TEXT = "Первое предложение. Казахстан предложил создать центр, сказал он. Третье предложение.";

describe("quoteInContext", () => {
  it("returns the sentence around the quote with the quote itself exact", () => {
    const start = TEXT.indexOf("создать центр");
    const context = quoteInContext(TEXT, start, start + "создать центр".length);
    expect(context).toEqual({ before: "Казахстан предложил ", quote: "создать центр", after: ", сказал он." });
  });

  it("works at the very start and end of a text", () => {
    expect(quoteInContext(TEXT, 0, 6)).toEqual({ before: "", quote: "Первое", after: " предложение." });
    const last = TEXT.indexOf("Третье");
    expect(quoteInContext(TEXT, last, TEXT.length).after).toBe("");
  });

  it("cuts very long context with an ellipsis", () => {
    const long = `${"а".repeat(1000)} цитата ${"б".repeat(1000)}`;
    const start = long.indexOf("цитата");
    const context = quoteInContext(long, start, start + 6);
    expect(context.before.startsWith("…")).toBe(true);
    expect(context.after.endsWith("…")).toBe(true);
    expect(context.before.length).toBeLessThanOrEqual(301);
  });
});

describe("segmentText", () => {
  it("rebuilds the text exactly and marks overlapping spans", () => {
    const spans = [
      { id: 1, start: 0, end: 10 },
      { id: 2, start: 5, end: 15 },
    ];
    const segments = segmentText("0123456789abcdefghij", spans);
    expect(segments.map((s) => s.text).join("")).toBe("0123456789abcdefghij");
    expect(segments.map((s) => s.spans.map((span) => span.id))).toEqual([[1], [1, 2], [2], []]);
  });

  it("leaves a text without spans whole", () => {
    expect(segmentText("abc", [])).toEqual([{ text: "abc", start: 0, spans: [] }]);
  });
});
