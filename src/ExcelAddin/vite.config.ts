import { defineConfig, type Plugin } from "vite";
import { generate } from "selfsigned";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeMetadata } from "./src/functions/helpVi";

const functionsSource = "src/functions/functions.ts";

// Excel reads the custom functions' metadata (functions.json) from the URL in the manifest;
// it is generated from the JSDoc tags in the functions' source so the two never disagree.
function customFunctionsMetadata(): Plugin {
  const metadata = async () => {
    const result = await generateCustomFunctionsMetadata(functionsSource, false);
    if (result.errors.length > 0) throw new Error(result.errors.join("\n"));
    return result.metadataJson;
  };
  return {
    name: "healthfuncs-custom-functions-metadata",
    // functions.json in English (the JSDoc), functions.vi.json with the Vietnamese help.
    async generateBundle() {
      const json = await metadata();
      this.emitFile({ type: "asset", fileName: "functions.json", source: json });
      this.emitFile({ type: "asset", fileName: "functions.vi.json", source: localizeMetadata(json) });
    },
    configureServer(server) {
      const serve = (path: string, make: () => Promise<string>) => server.middlewares.use(path, (_req, res) => {
        make().then(
          (json) => { res.setHeader("Content-Type", "application/json"); res.end(json); },
          (error: unknown) => { res.statusCode = 500; res.end(String(error)); });
      });
      serve("/functions.json", metadata);
      serve("/functions.vi.json", async () => localizeMetadata(await metadata()));
    },
  };
}

// Office only loads add-ins over HTTPS; a certificate is made fresh at each start so no key is
// kept in the repository (the README says how to trust it for sideloading).
async function localCertificate() {
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] }],
  });
  return { key: pems.private, cert: pems.cert };
}

// The pane calls the API on its own origin: the dev server forwards /api to the HealthFuncs
// server, so an HTTPS page never calls plain HTTP and no CORS is needed.
const api = { "/api": { target: process.env.HEALTHFUNCS_API ?? "http://127.0.0.1:7071", changeOrigin: true } };

export default defineConfig(async ({ command }) => ({
  // Relative URLs: the server also hosts the built pane under /api/addin/.
  base: "./",
  plugins: [customFunctionsMetadata()],
  server: {
    port: 3000,
    strictPort: true,
    https: command === "serve" ? await localCertificate() : undefined,
    proxy: api,
  },
  preview: { port: 3000, strictPort: true, proxy: api },
  build: {
    target: "es2020",
    rollupOptions: {
      // signin.html: the sign-in page the pane opens in an Office dialog where Office cannot sign in for it.
      input: { taskpane: "taskpane.html", signin: "signin.html" },
      // The manifest names the custom functions' script by a fixed URL.
      output: {
        entryFileNames: "assets/[name].js", chunkFileNames: "assets/[name].js", assetFileNames: "assets/[name][extname]",
        // MSAL, which the pane and the sign-in page share, in a file named for it.
        manualChunks: (id: string) => (id.includes("@azure/msal") ? "msal" : undefined),
      },
    },
  },
}));
