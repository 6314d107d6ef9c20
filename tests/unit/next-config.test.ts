import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { describe, expect, it } from "vitest";
import config from "../../next.config";

// next-intl's plugin tells the bundler where lib/i18n/request.ts is; `next start` bundles nothing, and
// loading the plugin there keeps @swc/core and a file watcher in every app server (decision 054).
describe("next.config.ts", () => {
  it.each([PHASE_PRODUCTION_BUILD, PHASE_DEVELOPMENT_SERVER])("points the bundler at the i18n request config when it builds (%s)", async (phase) => {
    const built = await config(phase);
    expect(built.turbopack?.resolveAlias?.["next-intl/config"]).toBe("./lib/i18n/request.ts");
  });

  it("leaves next-intl's plugin out of the production server, with the same settings otherwise", async () => {
    const served = await config(PHASE_PRODUCTION_SERVER);
    const built = await config(PHASE_PRODUCTION_BUILD);
    expect(served.turbopack?.resolveAlias?.["next-intl/config"]).toBeUndefined();
    const { turbopack: _turbopack, webpack: _webpack, ...rest } = built;
    expect(served).toMatchObject(rest);
  });
});
