import { existsSync } from 'node:fs';

/** Debian's package (CI and this team's machines, which cannot download browsers). */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const NO_CHROMIUM_MESSAGE =
  "e2e: no Chromium found — install Debian's chromium (apt-get install chromium), point CHROMIUM_PATH at a Chromium, or run npx playwright install chromium";

export type ChromiumChoice =
  | { kind: 'system'; executablePath: string }
  | { kind: 'playwright'; executablePath: string }
  | { kind: 'none'; looked: string[] };

/**
 * Which Chromium the e2e tests run in: CHROMIUM_PATH (or, unset, Debian's /usr/bin/chromium)
 * if it exists, else Playwright's own browser if it is installed (`playwrightExecutable` is
 * what `chromium.executablePath()` of @playwright/test says, under PLAYWRIGHT_BROWSERS_PATH),
 * else none.
 */
export function findChromium(options: {
  env?: Record<string, string | undefined>;
  playwrightExecutable: string | undefined;
  exists?: (path: string) => boolean;
}): ChromiumChoice {
  const exists = options.exists ?? existsSync;
  const system = options.env?.CHROMIUM_PATH || SYSTEM_CHROMIUM;
  if (exists(system)) return { kind: 'system', executablePath: system };
  const own = options.playwrightExecutable;
  if (own && exists(own)) return { kind: 'playwright', executablePath: own };
  return { kind: 'none', looked: own ? [system, own] : [system] };
}
