import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, mergeConfig, preview, type InlineConfig, type PreviewServer } from "vite";
import { chromium, type BrowserContext } from "playwright-core";

// The parts of the end-to-end test: Azurite, the real server, the built task pane served by
// Vite's preview server (forwarding /api to the server), and headless Chromium.

export const addinRoot = fileURLToPath(new URL("../..", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface Running { stop(): Promise<void> }

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    child.once("exit", () => resolve());
    // The child was started in its own process group: end it and whatever it started.
    try { process.kill(-child.pid, "SIGTERM"); } catch { resolve(); }
  });
}

/** Waits until `ready` answers true, or fails with the process's output if it exits first. */
async function waitFor(child: ChildProcess, output: () => string, ready: () => Promise<boolean>, what: string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${output()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function start(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => { log = (log + d.toString()).slice(-20_000); });
  child.stderr?.on("data", (d: Buffer) => { log = (log + d.toString()).slice(-20_000); });
  return { child, output: () => log };
}

export interface Azurite extends Running { connectionString: string }

export async function startAzurite(): Promise<Azurite> {
  const [blob, queue, table] = [await freePort(), await freePort(), await freePort()];
  const folder = mkdtempSync(join(tmpdir(), "healthfuncs-azurite-"));
  const { child, output } = start(join(repoRoot, "node_modules/.bin/azurite"), [
    "--silent", "--location", folder, "--disableTelemetry", "--skipApiVersionCheck", "--loose",
    "--blobHost", "127.0.0.1", "--blobPort", String(blob), "--queueHost", "127.0.0.1", "--queuePort", String(queue),
    "--tableHost", "127.0.0.1", "--tablePort", String(table),
  ], { cwd: folder });
  await waitFor(child, output, async () => (await fetch(`http://127.0.0.1:${table}/devstoreaccount1/Tables`)).status > 0, "Azurite");
  const key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};`
      + `BlobEndpoint=http://127.0.0.1:${blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue}/devstoreaccount1;`
      + `TableEndpoint=http://127.0.0.1:${table}/devstoreaccount1;`,
    async stop() { await stopProcess(child); rmSync(folder, { recursive: true, force: true }); },
  };
}

export interface Server extends Running { url: string }

/** Builds the server once, so seeding and serving then run the same build without rebuilding. */
export async function buildServer(): Promise<void> {
  const { child, output } = start("dotnet", ["build", "src/Functions", "-c", "Release", "-nologo", "-v", "quiet"], { cwd: repoRoot });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`dotnet build failed:\n${output()}`);
}

// The built server itself: `dotnet run` would hand the project to the Functions host (Core Tools), as the
// isolated worker's SDK sets it up, and the server runs alone here.
const serverCommand = ["src/Functions/bin/Release/net10.0/HealthFuncs.Functions.dll"];

/** Loads the seed catalog (units, indicators, targets, users with their dev keys) with the server's own `seed` command. */
export async function seedStorage(env: Record<string, string>): Promise<void> {
  const { child, output } = start("dotnet", [...serverCommand, "seed", "--seeds", join(repoRoot, "seeds"), "--dev-keys"], {
    cwd: repoRoot, env: { DOTNET_NOLOGO: "1", ...env },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`seed failed with ${code}:\n${output()}`);
}

/** The real server (the built `HealthFuncs.Functions.dll`, run alone) on a free port against Azurite. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const { child, output } = start("dotnet", serverCommand, {
    cwd: repoRoot, env: { Server__Port: String(port), ASPNETCORE_ENVIRONMENT: "Development", DOTNET_NOLOGO: "1", ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(child, output, async () => (await fetch(`${url}/api/health`)).ok, "The server");
  return { url, async stop() { await stopProcess(child); } };
}

/**
 * Builds the task pane and the page harness, and serves the pane with /api forwarded to `apiUrl`;
 * `pane` adds to the pane's build (the sign-in test's environment and its MSAL).
 */
export async function servePane(apiUrl: string, pane: InlineConfig = {}): Promise<{ url: string; harness: string } & Running> {
  const out = mkdtempSync(join(tmpdir(), "healthfuncs-pane-"));
  await build(mergeConfig({ root: addinRoot, logLevel: "warn", build: { outDir: join(out, "dist"), emptyOutDir: true } }, pane));
  await build({
    configFile: false, root: addinRoot, logLevel: "warn", publicDir: false,
    resolve: { alias: { "office-addin-manifest": join(addinRoot, "node_modules/office-addin-manifest/lib/officeApp.js") } },
    build: {
      outDir: join(out, "harness"), emptyOutDir: true, minify: false,
      lib: { entry: join(addinRoot, "tests/e2e/harness.ts"), formats: ["iife"], name: "HealthFuncsHarness", fileName: () => "harness.js" },
    },
  });
  const port = await freePort();
  // Plain HTTP on 127.0.0.1: the project's config (HTTPS for Excel) is not loaded here.
  const server: PreviewServer = await preview({
    configFile: false, root: addinRoot, logLevel: "warn",
    build: { outDir: join(out, "dist") },
    preview: { port, strictPort: true, host: "127.0.0.1", proxy: { "/api": { target: apiUrl, changeOrigin: true } } },
  });
  return {
    url: `http://127.0.0.1:${port}/taskpane.html`, harness: join(out, "harness/harness.js"),
    async stop() { await server.close(); rmSync(out, { recursive: true, force: true }); },
  };
}

export async function launchChromium(): Promise<{ browser: BrowserContext } & Running> {
  // A fresh profile each run, so no earlier run's storage (saved connection, drafts) leaks in.
  const profile = mkdtempSync(join(tmpdir(), "healthfuncs-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium", headless: true, viewport: { width: 380, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  return { browser, async stop() { await browser.close(); rmSync(profile, { recursive: true, force: true }); } };
}
