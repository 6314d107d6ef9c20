import fc from "fast-check";

/**
 * Generators of hostile input for the property tests in tests/integration/property-*.test.ts:
 * wrong types, huge strings, control characters, Unicode edge cases, SQL / HTML / FTS fragments,
 * impossible dates and numbers, near-miss enum values. Plus small "oracles": independent, plain
 * checks of whether a value is certainly valid or certainly invalid for a field, written without
 * the schemas under test.
 */

// ---------------------------------------------------------------------------------------------
// Fragments

export const CONTROL_CHARS: readonly string[] = [...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)), "\u007f"];

export const SQL_FRAGMENTS = [
  `'; DROP TABLE "Initiative"; --`,
  `" OR 1=1`,
  `' OR '1'='1`,
  `1; DELETE FROM "User"`,
  `%`,
  `_`,
  `%_%`,
  `\\`,
  `' UNION SELECT "passwordHash" FROM "User" --`,
  `NULL`,
  `null`,
  `undefined`,
  `1) OR (1=1`,
  `'); INSERT INTO "Setting" VALUES ('reviewRequired','true'); --`,
] as const;

export const HTML_FRAGMENTS = [
  `<script>alert(1)</script>`,
  `javascript:alert(1)`,
  `" onmouseover="x`,
  `<img src=x onerror=alert(1)>`,
  `</textarea><svg/onload=alert(1)>`,
  `&lt;b&gt;`,
  `<![CDATA[x]]>`,
  `]]>`,
  `{{constructor.constructor('alert(1)')()}}`,
  `\${7*7}`,
] as const;

export const FTS_FRAGMENTS = [
  `" OR * NEAR(`,
  `title:*`,
  `-a`,
  `^b`,
  `NEAR(a b, 2)`,
  `a AND b OR NOT c`,
  `"unterminated`,
  `*`,
  `(((`,
  `body : (x`,
  `{title body}: x`,
  `a + b`,
] as const;

/** Unicode edge cases: lone surrogates, bidi overrides, zero-width characters, emoji, combining marks, NFKC changers. */
export const UNICODE_FRAGMENTS = [
  "\ud800",
  "\udfff",
  "a\ud83dz",
  "\udc00\ud800",
  "\u202e",
  "\u202egnp.exe",
  "\u2066\u2069",
  "\u200d",
  "\u200b",
  "\u200c",
  "\ufeff",
  "\u00ad",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇰🇿",
  "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
  "Z\u0351\u0352\u0353\u0354\u0355\u0356",
  "ﬁ",
  "ﬀ",
  "ß",
  "ı",
  "ſ",
  "ǅ",
  "Ｔｅｓｔ",
  "①②③",
  "ℌ",
  "\u212b",
  "\u2028",
  "\u2029",
  "\u00a0",
  "\u3000",
  "\ufffd",
  "\uffff",
  "𝕬",
  "Ⅻ",
] as const;

export const BAD_DATES = [
  "1900-01-01",
  "2999-12-31",
  "2024-02-30",
  "2023-02-29",
  "0000-00-00",
  "0000-01-01",
  "2025-13-01",
  "2025-00-10",
  "2025-04-31",
  "2025-11-17T00:00:00Z",
  "2025-11-17T09:30:00.000+05:00",
  "2025-11-17T09:30",
  "2025-11-17 09:30:00",
  "17.11.25",
  "11/17/2025",
  "2025/11/17",
  "20251117",
  "2025-1-7",
  "+002025-11-17",
  "-002025-11-17",
  "1990-12-31",
  "2101-01-01",
  "yesterday",
  "now",
  "Infinity",
  "1e10",
  "NaN",
] as const;

export const BAD_NUMBERS = [
  "-1",
  "0",
  "-0",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "-1e308",
  "1.5",
  "0.0001",
  "0x10",
  "0b101",
  "0o17",
  "1e3",
  "1_000",
  "1,5",
  "١٢",
  "１２",
  "12abc",
  "abc",
  "",
  " ",
  "--1",
  "+1",
  "2147483648",
  "3000000000",
  "4294967296",
  "9007199254740991",
  "9007199254740993",
  "99999999999999999999",
  "007",
] as const;

export const NUMBER_VALUES: readonly unknown[] = [-1, 0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, 1.5, 2 ** 31, 2 ** 53, Number.MIN_VALUE, 0x10];

/** Near misses of every vocabulary. */
export const BAD_ENUMS = [
  "finished",
  "PROPOSED",
  " proposed",
  "proposed ",
  "Proposed",
  "proposed\u0000",
  "propos\u0435d",
  "in-progress",
  "inProgress",
  "ADMIN",
  "Admin",
  " admin",
  "superuser",
  "root",
  "Editor",
  "approved",
  "Approve",
  "TRUE",
  "True",
  "1",
  "on",
  "yes",
  "QUOTE",
  "url",
  "Security",
  "digital-ai",
  "water",
  "RELEVANCE",
  "title ",
  "EN",
  "rus",
  "",
  "__proto__",
  "constructor",
  "toString",
] as const;

export const BAD_URLS = [
  "javascript:alert(1)",
  " javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\u0000script:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.org/x",
  "//example.org/x",
  "example.org",
  "www.example.org",
  "mailto:a@example.org",
  "about:blank",
  "chrome://settings",
  "ws://example.org",
  "\u202ehttps://example.org",
  "h\u0000ttps://example.org",
  "<script>alert(1)</script>",
  "",
  "   ",
] as const;

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** A single character from the whole range, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

export const controlString = fc.array(fc.constantFrom(...CONTROL_CHARS), { minLength: 1, maxLength: 8 }).map((chars) => chars.join(""));

export const unicodeString = fc
  .array(fc.oneof(fc.constantFrom(...UNICODE_FRAGMENTS), fc.string({ unit: "grapheme", maxLength: 3 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""));

/** 10k–200k characters of one repeated piece (letters, Cyrillic, emoji, NUL, spaces, markup). */
export const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom("a", "я", "😀", "\u0000", " ", "<b>", "e\u0301", "%", "'", "\ud800", "1", "ﬁ", "a@"))
  .map(([length, piece]) => piece.repeat(Math.ceil(length / piece.length)));

/** Strings that are hostile but short. */
export const shortHostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_FRAGMENTS),
  fc.constantFrom(...HTML_FRAGMENTS),
  fc.constantFrom(...FTS_FRAGMENTS),
  fc.constantFrom(...BAD_DATES),
  fc.constantFrom(...BAD_NUMBERS),
  fc.constantFrom(...BAD_ENUMS),
  fc.constantFrom(...BAD_URLS),
  controlString,
  unicodeString,
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: anyCodeUnit, maxLength: 12 }),
  // Mixtures: a fragment wrapped in others.
  fc
    .array(
      fc.oneof(fc.constantFrom(...SQL_FRAGMENTS, ...HTML_FRAGMENTS, ...FTS_FRAGMENTS, ...UNICODE_FRAGMENTS, ...CONTROL_CHARS), fc.string({ maxLength: 5 })),
      { minLength: 2, maxLength: 6 },
    )
    .map((parts) => parts.join("")),
);

/** Any hostile string, huge ones included (about one in eight). */
export const hostileString: fc.Arbitrary<string> = fc.oneof({ arbitrary: shortHostileString, weight: 7 }, { arbitrary: hugeString, weight: 1 });

/** Values of the wrong type, for places that expect a string (or a string that expect something else). */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(...NUMBER_VALUES),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 4 }),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
  fc.constant({ toString: () => "proposed", valueOf: () => 1 }),
  fc.constant(Object.create(null) as unknown),
  fc.constant(new Date("invalid")),
  fc.constant(new Date("2025-11-17T00:00:00Z")),
  fc.constant(Symbol("x")),
  fc.constant(() => "x"),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}}') as unknown),
);

/** Anything: a hostile string or a value of the wrong type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: hostileString, weight: 3 }, { arbitrary: wrongType, weight: 2 });

/** Names of fields nobody asked for. */
export const unknownFieldName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    "isAdmin",
    "role",
    "id",
    "authorId",
    "passwordHash",
    "active",
    "$ACTION_ID_abc",
    "$ACTION_REF_1",
    "themesPresent",
    "role.kz",
    "role.KAZ",
    "stage.XX",
    "countries",
    "countries[0][code]",
    "version[]",
    "slug ",
    "",
    "\u0000",
    "a".repeat(5000),
  ),
  shortHostileString,
);

// ---------------------------------------------------------------------------------------------
// Oracles (deliberately independent of the zod schemas under test)

/** Whether `value` is a real calendar day YYYY-MM-DD (any year). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Whether an editor's date field would accept `value` (after trimming): a real day in 1991–2100. */
export function isEditorDate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const trimmed = value.trim();
  return isCalendarDay(trimmed) && trimmed >= "1991-01-01" && trimmed <= "2100-12-31";
}

export const INT32_MAX = 2_147_483_647;

/** Whether `Number(value)` is an integer in [min, max] (what a lenient numeric field accepts at most). */
export function coercesToIntIn(value: unknown, min: number, max: number): boolean {
  if (typeof value === "symbol") return false;
  let number: number;
  try {
    number = Number(value);
  } catch {
    return false;
  }
  return Number.isInteger(number) && number >= min && number <= max;
}

/** Plain decimal digits without sign, spaces or leading zeros, in [min, max] (certainly valid). */
export function isPlainIntIn(value: string, min: number, max: number): boolean {
  return /^[1-9][0-9]{0,15}$/.test(value) && Number(value) >= min && Number(value) <= max;
}

/** Length in UTF-16 code units after String.prototype.trim (what zod's .trim().max() measures). */
export function trimmedLength(value: string): number {
  return value.trim().length;
}

/** A short printable description of a generated value for failure messages. */
export function show(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 80 ? `${value.slice(0, 40)}…(${value.length} chars)…${value.slice(-20)}` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "symbol" || typeof value === "function" || typeof value === "bigint") return String(value);
  try {
    const json = JSON.stringify(value);
    return json && json.length > 120 ? `${json.slice(0, 120)}…` : String(json);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** What a URL or FormData makes of a string: lone surrogates become U+FFFD (String.prototype.toWellFormed). */
export function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
