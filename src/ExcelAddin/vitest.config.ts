import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // The end-to-end test builds the pane, starts Azurite and the server, and drives Chromium.
    testTimeout: 30_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
