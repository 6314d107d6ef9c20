import path from "node:path";

/** The project's tsx, run directly: going through `npx` adds half a second to every command a test runs. */
export const TSX = path.resolve(import.meta.dirname, "..", "..", "node_modules", ".bin", "tsx");
