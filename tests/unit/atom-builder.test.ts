import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { ATOM_NAMESPACE, renderAtomFeed, rfc3339, type AtomFeed } from "../../lib/feeds/atom";
import { el, escapeXmlAttribute, escapeXmlText, renderNode, renderXmlDocument, stripIllegalXmlChars } from "../../lib/feeds/xml";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, trimValues: false });

describe("XML escaping", () => {
  it("escapes the five special characters in text and attributes", () => {
    expect(escapeXmlText(`a<b>&"c"'d'`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
    expect(escapeXmlAttribute(`x="1" & y='2' <z>`)).toBe("x=&quot;1&quot; &amp; y=&apos;2&apos; &lt;z&gt;");
    // Already escaped text is escaped again: data is never trusted to be markup.
    expect(escapeXmlText("&amp;")).toBe("&amp;amp;");
  });

  it("keeps whitespace in attributes as character references", () => {
    expect(escapeXmlAttribute("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
    expect(escapeXmlText("a\tb\nc")).toBe("a\tb\nc");
  });

  it("drops characters XML 1.0 cannot carry, keeps everything else", () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("");
    expect(stripIllegalXmlChars(controls)).toBe("\t\n\r");
    expect(stripIllegalXmlChars("a\u0001b\u001fc\u007fd\uFFFEe\uFFFFf")).toBe("abc\u007fdef");
    expect(stripIllegalXmlChars("lone \uD800 high, lone \uDC00 low")).toBe("lone  high, lone  low");
    expect(stripIllegalXmlChars("Ташкент 😀 «ИИ» — €")).toBe("Ташкент 😀 «ИИ» — €");
    expect(escapeXmlText("x\u0000y\u000bz")).toBe("xyz");
    expect(escapeXmlAttribute("x\u0000y\u000bz")).toBe("xyz");
  });
});

describe("element builder", () => {
  it("writes attributes in order, skips missing ones and missing children", () => {
    const node = el("a", { href: "http://x/?a=1&b=2", rel: undefined, title: null }, "t<", null, false, undefined);
    expect(renderNode(node)).toBe('<a href="http://x/?a=1&amp;b=2">t&lt;</a>');
    expect(renderNode(el("br", { class: "x" }))).toBe('<br class="x"/>');
  });

  it("indents element-only content and keeps text content exact", () => {
    const doc = renderXmlDocument(el("root", null, el("a", null, " spaced  text\n"), [el("b"), el("c", null, el("d"))]));
    expect(doc).toBe('<?xml version="1.0" encoding="utf-8"?>\n<root>\n  <a> spaced  text\n</a>\n  <b/>\n  <c>\n    <d/>\n  </c>\n</root>\n');
    expect(parser.parse(doc).root.a).toBe(" spaced  text\n");
  });

  it("refuses names that are not XML names", () => {
    expect(() => el("a b")).toThrow();
    expect(() => el("x", { 'y"': "1" })).toThrow();
    expect(() => el("<script>")).toThrow();
    expect(() => el("xml:lang")).not.toThrow();
  });

  it("round-trips hostile text through a parser", () => {
    const hostile = `</a><script>alert("x")</script> & 'q' ]]> <!-- --> <?pi?> \u0001\u0008 end`;
    const doc = renderXmlDocument(el("root", { title: hostile }, el("a", null, hostile)));
    expect(XMLValidator.validate(doc)).toBe(true);
    expect(doc).not.toContain("<script>");
    const parsed = parser.parse(doc);
    const expected = `</a><script>alert("x")</script> & 'q' ]]> <!-- --> <?pi?>  end`;
    expect(parsed.root.a).toBe(expected);
    expect(parsed.root["@_title"]).toBe(expected);
  });
});

describe("Atom documents", () => {
  const feed: AtomFeed = {
    id: "urn:test:feed",
    title: "Feed & <title>",
    subtitle: "Sub",
    updated: new Date("2026-03-01T12:00:00Z"),
    lang: "en",
    authors: [{ name: "Tracker", uri: "http://localhost/" }],
    links: [
      { rel: "self", type: "application/atom+xml", href: "http://localhost/feeds/history.atom?a=1&b=2" },
      { rel: "alternate", type: "text/html", href: "http://localhost/" },
    ],
    generator: { name: "Gen", uri: "http://localhost/" },
    entries: [
      {
        id: "urn:test:entry:1",
        title: "Entry <1>",
        updated: new Date("2026-03-01T12:00:00Z"),
        published: new Date("2026-03-01T12:00:00Z"),
        authors: [{ name: "A & B" }],
        links: [{ rel: "alternate", href: "http://localhost/x#entry-1" }],
        categories: [{ term: "edit", label: "Edit" }],
        content: "line 1\nline <2>",
      },
      { id: "urn:test:entry:2", title: "No author", updated: new Date("2026-02-01T00:00:00Z"), links: [{ href: "http://localhost/y" }] },
    ],
  };

  it("renders a well-formed Atom feed", () => {
    const xml = renderAtomFeed(feed);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      parseTagValue: false,
      isArray: (name) => ["entry", "link", "author"].includes(name),
    }).parse(xml);
    expect(doc.feed["@_xmlns"]).toBe(ATOM_NAMESPACE);
    expect(doc.feed["@_xml:lang"]).toBe("en");
    expect(doc.feed.id).toBe("urn:test:feed");
    expect(doc.feed.title["#text"]).toBe("Feed & <title>");
    expect(doc.feed.updated).toBe("2026-03-01T12:00:00.000Z");
    expect(doc.feed.link[0]).toEqual({ "@_rel": "self", "@_type": "application/atom+xml", "@_href": "http://localhost/feeds/history.atom?a=1&b=2" });
    expect(doc.feed.author[0]).toEqual({ name: "Tracker", uri: "http://localhost/" });
    expect(doc.feed.generator["#text"]).toBe("Gen");
    expect(doc.feed.entry).toHaveLength(2);
    const [first, second] = doc.feed.entry;
    expect(first.title["#text"]).toBe("Entry <1>");
    expect(first.author[0].name).toBe("A & B");
    expect(first.content).toEqual({ "#text": "line 1\nline <2>", "@_type": "text" });
    expect(first.published).toBe("2026-03-01T12:00:00.000Z");
    expect(second.author).toBeUndefined();
    expect(second.link[0]["@_href"]).toBe("http://localhost/y");
  });

  it("writes RFC 3339 dates and refuses invalid ones", () => {
    expect(rfc3339(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe("2026-01-02T03:04:05.006Z");
    expect(() => rfc3339(new Date("nope"))).toThrow(RangeError);
  });
});
