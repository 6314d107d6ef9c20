import { describe, expect, it } from "vitest";
import { parseQueryForPage, parseQueryStrict, splitValues, toSearchParams } from "../../lib/initiatives/query-initiatives";

describe("the list's URL parameters", () => {
  it("takes several values repeated (as a form sends checkboxes) or comma-separated (as the API takes them)", () => {
    expect(parseQueryForPage({ country: ["kz", "UZ"], theme: "water_environment,tourism" }).query).toMatchObject({
      country: ["KZ", "UZ"],
      theme: ["water_environment", "tourism"],
    });
    expect(splitValues("agreed,,agreed,proposed")).toEqual(["agreed", "proposed"]);
    expect(parseQueryStrict({ status: " agreed" }).success).toBe(false);
    // A form's "any" (an empty value) is no filter on a page; the API refuses it, as it refuses any bad value.
    expect(parseQueryForPage({ theme: "", relation: ["", ""], status: "agreed" })).toEqual({
      query: expect.objectContaining({ status: ["agreed"] }),
      ignored: [],
    });
    expect(parseQueryForPage({ theme: "" }).query.theme).toBeUndefined();
    expect(parseQueryStrict({ theme: "" }).success).toBe(false);
  });

  it("keeps the valid values of a filter and reports each one it drops, and every other bad value", () => {
    const { query, ignored } = parseQueryForPage({
      status: "agreed,bogus",
      notStatus: "dropped",
      page: "abc",
      announcedFrom: "2025-02-30",
      changedTo: "2026-01-31",
      event: "Not A Slug",
    });
    expect(query).toMatchObject({ status: ["agreed"], notStatus: ["dropped"], changedTo: "2026-01-31", page: 1 });
    expect(query.announcedFrom).toBeUndefined();
    expect(query.event).toBeUndefined();
    expect(ignored).toEqual(
      expect.arrayContaining([
        { parameter: "status", value: "bogus" },
        { parameter: "page", value: "abc" },
        { parameter: "announcedFrom", value: "2025-02-30" },
        { parameter: "event", value: "Not A Slug" },
      ]),
    );
    expect(ignored).toHaveLength(4);
    // Parameters the list does not have at all (tracking tags and the like) are not the reader's mistake.
    expect(parseQueryForPage({ utm_source: "x" }).ignored).toEqual([]);
  });

  it("refuses in the API what a page drops, naming the parameter", () => {
    const bad = parseQueryStrict({ status: "agreed,bogus" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path[0]).toBe("status");
    expect(parseQueryStrict({ changedFrom: "yesterday" }).success).toBe(false);
    const good = parseQueryStrict({ status: "proposed,in_preparation", notStatus: "agreed", country: "kz,uz", announcedFrom: "2025-01-01" });
    expect(good.data).toMatchObject({ status: ["proposed", "in_preparation"], notStatus: ["agreed"], country: ["KZ", "UZ"], announcedFrom: "2025-01-01" });
  });

  it("writes several values back comma-separated, so links and exports round-trip", () => {
    const { query } = parseQueryForPage({ country: ["KZ", "UZ"], notStatus: "agreed", changedFrom: "2026-01-01", page: "2" });
    const search = toSearchParams(query);
    expect(search.toString()).toBe("notStatus=agreed&country=KZ%2CUZ&changedFrom=2026-01-01&page=2");
    expect(parseQueryForPage(Object.fromEntries(search)).query).toEqual(query);
  });
});
