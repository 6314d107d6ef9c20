import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { STATUS_FILL } from "../charts/palette";
import type { InitiativeStatus } from "../domain/vocabulary";

export const PREVIEW_SIZE = { width: 1200, height: 630 };

// Noto Sans from @fontsource (OFL), Latin and Cyrillic: every glyph the titles use is here, so
// ImageResponse never falls back to downloading fonts from Google (it would for a missing glyph).
const FONT_DIR = path.join(process.cwd(), "node_modules/@fontsource/noto-sans/files");
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext"];
const FONT_FILES = SUBSETS.flatMap((subset) => ([400, 700] as const).map((weight) => ({ subset, file: `noto-sans-${subset}-${weight}-normal.woff`, weight })));
// One family per subset, listed as fallbacks: Satori looks for a glyph family by family.
const FONT_FAMILY = SUBSETS.map((subset) => `Noto Sans ${subset}`).join(", ");

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: "normal" }[]> | undefined;
function loadFonts() {
  fonts ??= Promise.all(
    FONT_FILES.map(async ({ subset, file, weight }) => ({
      name: `Noto Sans ${subset}`,
      data: await readFile(path.join(FONT_DIR, file)),
      weight,
      style: "normal" as const,
    })),
  );
  return fonts;
}

/** The 1200×630 preview shown when an initiative's link is shared: site, title, status and stage. */
export async function initiativePreview({
  site,
  title,
  status,
  statusLabel,
  stageLine,
}: {
  site: string;
  title: string;
  status: InitiativeStatus;
  statusLabel: string;
  stageLine: string;
}) {
  const { fill, text } = STATUS_FILL[status];
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 64,
        background: "#f8fafc",
        color: "#0f172a",
        fontFamily: FONT_FAMILY,
      }}
    >
      <div style={{ display: "flex", fontSize: 30, color: "#334155", fontWeight: 700, letterSpacing: 1 }}>{site}</div>
      <div style={{ display: "flex", fontSize: title.length > 90 ? 50 : 60, fontWeight: 700, lineHeight: 1.2 }}>{title}</div>
      <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
        <div style={{ display: "flex", background: fill, color: text, borderRadius: 999, padding: "8px 28px", fontSize: 34, fontWeight: 700 }}>
          {statusLabel}
        </div>
        <div style={{ display: "flex", fontSize: 32, color: "#334155" }}>{stageLine}</div>
      </div>
    </div>,
    { ...PREVIEW_SIZE, fonts: await loadFonts() },
  );
}
