import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { OfficeAddinManifest } from "office-addin-manifest";
import { ManifestHandlerXml } from "office-addin-manifest/lib/manifestHandler/manifestHandlerXml.js";
import { getXmlElement, getXmlElements, getXmlAttributeValue, type Xml } from "office-addin-manifest/lib/xml.js";

const manifestPath = fileURLToPath(new URL("../manifest.xml", import.meta.url));
const origin = "https://localhost:3000";

describe("manifest", () => {
  it("The_manifest_names_the_add_in_its_https_urls_and_permission", async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.id).toBe("6f1c2b7e-4d1a-4c8e-9b5e-3a7d2f0c9e41");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultLocale).toBe("vi-VN");
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe(`${origin}/taskpane.html`);
    expect(info.appDomains).toEqual([origin]);
    for (const url of [info.iconUrl, info.highResolutionIconUrl, info.supportUrl]) expect(url?.startsWith(`${origin}/`)).toBe(true);
  });

  it("The_manifest_requires_the_api_sets_the_add_in_uses", async () => {
    const xml = (await new ManifestHandlerXml(manifestPath).parseXmlAsync()) as Xml;
    const sets = getXmlElements(getXmlElement(getXmlElement(xml.OfficeApp, "Requirements"), "Sets"), "Set");
    const required = Object.fromEntries(sets.map((s: Xml) => [getXmlAttributeValue(s, "Name"), getXmlAttributeValue(s, "MinVersion")]));
    // ExcelApi 1.9 (suspendScreenUpdatingUntilNextSync; custom XML parts, events, data validation and
    // calculation mode are older), so Office 2021 and 2024 load the add-in; notes (1.18) are checked at run time.
    expect(required).toEqual({ ExcelApi: "1.9", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" });
    const sources = ["src/excel/markCells.ts", "src/excel/support.ts"].map((f) => readFileSync(fileURLToPath(new URL(`../${f}`, import.meta.url)), "utf8")).join("\n");
    expect(sources).toContain('isSetSupported("ExcelApi", "1.18")');
  });

  it("The_ribbon_has_refresh_refresh_all_send_and_submit_commands_run_by_functions_the_shared_runtime_associates", async () => {
    const xml = (await new ManifestHandlerXml(manifestPath).parseXmlAsync()) as Xml;
    const host = getXmlElement(getXmlElement(getXmlElement(xml.OfficeApp, "VersionOverrides"), "Hosts"), "Host");
    const desktop = getXmlElement(host, "DesktopFormFactor");
    expect(getXmlAttributeValue(getXmlElement(desktop, "FunctionFile"), "resid")).toBe("Taskpane.Url");
    const group = getXmlElement(getXmlElement(getXmlElement(desktop, "ExtensionPoint"), "OfficeTab"), "Group");
    const controls = getXmlElements(group, "Control");
    const functions = controls.map((c: Xml) => getXmlElement(getXmlElement(c, "Action"), "FunctionName")).filter(Boolean).map((f: unknown) => String(f));
    expect(functions).toEqual(["refreshForm", "refreshAllForms", "sendForm", "submitForm"]);
    const pane = readFileSync(fileURLToPath(new URL("../src/taskpane/commands.ts", import.meta.url)), "utf8");
    for (const name of functions) expect(pane).toContain(`"${name}"`);
    const labels = getXmlElements(getXmlElement(getXmlElement(getXmlElement(xml.OfficeApp, "VersionOverrides"), "Resources"), "bt:ShortStrings"), "bt:String")
      .map((s: Xml) => getXmlAttributeValue(s, "id"));
    for (const c of controls) expect(labels).toContain(getXmlAttributeValue(getXmlElement(c, "Label"), "resid"));

    // Keyboard shortcuts: the same four actions, each with its own key.
    const extended = getXmlAttributeValue(getXmlElement(xml.OfficeApp, "ExtendedOverrides"), "Url") as string;
    expect(extended).toBe(`${origin}/shortcuts.json`);
    const shortcuts = JSON.parse(readFileSync(fileURLToPath(new URL(`../public${extended.slice(origin.length)}`, import.meta.url)), "utf8")) as {
      actions: { id: string; type: string }[]; shortcuts: { action: string; key: { default: string } }[];
    };
    expect(shortcuts.actions.map((a) => [a.id, a.type])).toEqual(functions.map((f: string) => [f, "ExecuteFunction"]));
    expect(shortcuts.shortcuts.map((s) => s.action)).toEqual(functions);
    expect(new Set(shortcuts.shortcuts.map((s) => s.key.default)).size).toBe(functions.length);
  });

  it("Custom_functions_share_the_task_pane_runtime_and_every_resource_url_is_served_by_the_build", async () => {
    const xml = (await new ManifestHandlerXml(manifestPath).parseXmlAsync()) as Xml;
    const overrides = getXmlElement(xml.OfficeApp, "VersionOverrides");
    const host = getXmlElement(getXmlElement(overrides, "Hosts"), "Host");
    const runtime = getXmlElement(getXmlElement(host, "Runtimes"), "Runtime");
    expect(getXmlAttributeValue(runtime, "resid")).toBe("Taskpane.Url");
    expect(getXmlAttributeValue(runtime, "lifetime")).toBe("long");

    const resources = getXmlElement(overrides, "Resources");
    const urls = Object.fromEntries(getXmlElements(getXmlElement(resources, "bt:Urls"), "bt:Url")
      .map((u: Xml) => [getXmlAttributeValue(u, "id"), getXmlAttributeValue(u, "DefaultValue")]));
    expect(urls).toMatchObject({
      "Taskpane.Url": `${origin}/taskpane.html`,
      "Functions.Script.Url": `${origin}/assets/taskpane.js`,
      "Functions.Metadata.Url": `${origin}/functions.vi.json`,
    });
    // The custom functions' help: Vietnamese by default, English for en-US.
    const metadataUrl = getXmlElements(getXmlElement(resources, "bt:Urls"), "bt:Url").find((u: Xml) => getXmlAttributeValue(u, "id") === "Functions.Metadata.Url");
    const override = getXmlElement(metadataUrl, "bt:Override");
    expect([getXmlAttributeValue(override, "Locale"), getXmlAttributeValue(override, "Value")]).toEqual(["en-US", `${origin}/functions.json`]);
    const namespace = getXmlElements(getXmlElement(resources, "bt:ShortStrings"), "bt:String")
      .find((s: Xml) => getXmlAttributeValue(s, "id") === "Functions.Namespace");
    expect(getXmlAttributeValue(namespace, "DefaultValue")).toBe("HEALTH");

    // Icons and the help page are files of the build; the task pane and script are its entries.
    const images = getXmlElements(getXmlElement(resources, "bt:Images"), "bt:Image").map((i: Xml) => getXmlAttributeValue(i, "DefaultValue") as string);
    for (const url of [...images, urls["GetStarted.LearnMoreUrl"] as string]) {
      expect(() => readFileSync(fileURLToPath(new URL(`../public${url.slice(origin.length)}`, import.meta.url)))).not.toThrow();
    }
    const config = readFileSync(fileURLToPath(new URL("../vite.config.ts", import.meta.url)), "utf8");
    expect(config).toContain('entryFileNames: "assets/[name].js"');
    // The pane, and the sign-in page the pane opens in a dialog where Office cannot sign in for it.
    expect(config).toContain('input: { taskpane: "taskpane.html", signin: "signin.html" }');
  });
});
