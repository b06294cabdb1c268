import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'sip2', environment: 'node', include: ['src/**/*.test.ts'], testTimeout: 20_000 },
});
