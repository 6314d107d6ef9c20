import { describe, expect, it } from "vitest";
import { formatDuration, progress, progressLine, timeLeft } from "../../scripts/cli/progress";

describe("progress of long command-line work", () => {
  it("estimates the time left from the pace so far", () => {
    // 250 of 1,000 in 5 s: 50 per second, 750 to go.
    expect(progressLine("Indexed documents", 250, 1_000, 5)).toBe("Indexed documents: 250 of 1,000 (25%) in 5.0 s, about 15 s left");
    expect(timeLeft(1, 3_601, 1)).toBe("about 1 h 00 min left");
    expect(timeLeft(10, 100, 20)).toBe("about 3 min 00 s left");
  });

  it("gives no estimate before the first item or once done", () => {
    expect(progressLine("history", 0, 500, 0.2)).toBe("history: 0 of 500 (0%) in 0.2 s");
    expect(progressLine("history", 500, 500, 12.34)).toBe("history: 500 of 500 (100%) in 12.3 s");
    expect(progressLine("nothing to do", 0, 0, 0)).toBe("nothing to do: 0 of 0 (100%) in 0.0 s");
  });

  it("writes durations as people read them", () => {
    expect([0, 0.2, 59, 60, 65.5, 3599, 3600, 7322].map(formatDuration)).toEqual([
      "0 s",
      "1 s",
      "59 s",
      "1 min 00 s",
      "1 min 06 s",
      "59 min 59 s",
      "1 h 00 min",
      "2 h 02 min",
    ]);
  });

  it("prints at most once a second, and always the last step", () => {
    let clock = 0;
    const lines: string[] = [];
    const report = progress(
      "rows",
      4_000,
      (line) => lines.push(line),
      () => clock,
    );
    for (let done = 1; done <= 4_000; done++) {
      clock += 1; // a millisecond a row
      report(done);
    }
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe("rows: 1 of 4,000 (0%) in 0.0 s, about 4 s left");
    expect(lines.at(-1)).toBe("rows: 4,000 of 4,000 (100%) in 4.0 s");
  });
});
