import type { InitiativeStatus } from "../domain/vocabulary";

/**
 * Fills for statuses in the SVG charts, with the text colour that keeps a 4.5:1 contrast on
 * them. Colour is never the only carrier: segments carry numbers, and a legend and a data
 * table sit next to every chart.
 */
export const STATUS_FILL: Record<InitiativeStatus, { fill: string; text: string }> = {
  proposed: { fill: "#0369a1", text: "#ffffff" },
  in_preparation: { fill: "#4338ca", text: "#ffffff" },
  agreed: { fill: "#7e22ce", text: "#ffffff" },
  in_progress: { fill: "#fbbf24", text: "#0f172a" },
  implemented: { fill: "#047857", text: "#ffffff" },
  stalled: { fill: "#c2410c", text: "#ffffff" },
  dropped: { fill: "#64748b", text: "#ffffff" },
};
