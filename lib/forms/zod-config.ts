import { z } from "zod";

// zod compiles object parsers with `new Function` after probing whether eval is allowed; our CSP
// forbids it, so the probe alone logged a violation on every page with a form. Imported first by
// every schema module, before any object schema is built (zod reads the flag at construction).
z.config({ jitless: true });
