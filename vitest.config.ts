import { defineConfig } from 'vitest/config';

/** Unit and integration tests of every package; e2e is Playwright's (see e2e/). */
export default defineConfig({
  test: {
    projects: ['packages/domain', 'packages/sip2', 'apps/bff', 'apps/web'],
  },
});
