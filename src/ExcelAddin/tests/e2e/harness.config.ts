import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Bundles the page harness for the browser. office-addin-mock only needs the OfficeApp names
// from office-addin-manifest, whose main module also pulls in Node-only code.
export default defineConfig({
  resolve: {
    alias: { "office-addin-manifest": fileURLToPath(new URL("../../node_modules/office-addin-manifest/lib/officeApp.js", import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL("../../test-results/harness", import.meta.url)),
    emptyOutDir: true,
    lib: { entry: fileURLToPath(new URL("./harness.ts", import.meta.url)), formats: ["iife"], name: "HealthFuncsHarness", fileName: () => "harness.js" },
    minify: false,
  },
  logLevel: "warn",
});
