import { pullConsolidated } from "../forms/reports";
import { t } from "./i18n";
import { reportPulled } from "./reportChart";
import { pane, requireApi, selectedPeriod, selectedUnit, year } from "./state";
import { renderMissing, say } from "./view";

// The province's part of the pane: the consolidated matrix, its workbook, and who has reported
// (the server's completeness report, the same rule the server's reminders use).

export async function consolidated(): Promise<void> {
  const api = requireApi(), unit = selectedUnit(), period = selectedPeriod();
  if (!unit || !period) return;
  const result = await pullConsolidated(api, unit, period, year());
  pane.missing = await requireApi().completeness(unit.code, period.code);
  renderMissing(pane.missing);
  const redrawn = await reportPulled(result);
  say([t("pulledReport", { sheet: result.range }), ...(redrawn ? [t("chartRedrawn")] : [])].join("\n"), "ok");
}

export async function download(): Promise<void> {
  const api = requireApi(), unit = selectedUnit(), period = selectedPeriod();
  if (!unit || !period) return;
  const file = `tong-hop-${unit.code}-${period.code}.xlsx`;
  const url = URL.createObjectURL(await api.consolidatedWorkbook(unit.code, period.code));
  const link = Object.assign(document.createElement("a"), { href: url, download: file });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  say(t("downloaded", { file }), "ok");
}

export async function missing(): Promise<void> {
  const unit = selectedUnit(), period = selectedPeriod();
  if (!unit || !period) return;
  pane.missing = await requireApi().completeness(unit.code, period.code);
  renderMissing(pane.missing);
  say("");
}
