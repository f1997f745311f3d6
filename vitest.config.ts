import { defineConfig } from 'vitest/config';

// Unit and integration tests of the main-process core and the sandbox, in plain Node (no Electron).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores here: keep files in parallel but bounded so loopback timing stays honest.
    maxWorkers: 2,
  },
});
