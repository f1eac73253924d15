// The custom functions' help in Vietnamese. Excel shows a function's description and its
// parameters' while a formula is typed; functions.json (English, from the JSDoc) is turned into
// functions.vi.json with these texts at build time, and the manifest gives each locale its file.

export interface FunctionHelp { description: string; result: string; parameters: Record<string, string> }

const indicator = "Mã chỉ tiêu, ví dụ KCB.GIUONG_BENH.";
const unit = "Mã đơn vị, ví dụ SD.";
const period = "Mã kỳ báo cáo: 2021, 2021-Q1, 2021-M03, 2021-H1, 2021-9M.";

export const helpVi: Record<string, FunctionHelp> = {
  VALUE: {
    description: "Số liệu thực hiện của một chỉ tiêu, cho một đơn vị và một kỳ báo cáo.",
    result: "Số liệu thực hiện.",
    parameters: { indicator, unit, period },
  },
  TARGET: {
    description: "Chỉ tiêu kế hoạch năm của một chỉ tiêu cho một đơn vị: một số, hoặc lời văn của kế hoạch khi không phải một số.",
    result: "Chỉ tiêu kế hoạch.",
    parameters: { indicator, unit, year: "Năm kế hoạch, ví dụ 2021." },
  },
  ATTAINMENT: {
    description: "Đánh giá kết quả của một chỉ tiêu cho một đơn vị và một kỳ: Vượt, Đạt, Không đạt...",
    result: "Kết quả đánh giá.",
    parameters: { indicator, unit, period },
  },
};

interface Metadata { functions: { id: string; description?: string; result?: Record<string, unknown>; parameters?: { name: string; description?: string }[] }[] }

/** The metadata with every description in Vietnamese; fails on a function or parameter that has no translation. */
export function localizeMetadata(json: string, help: Record<string, FunctionHelp> = helpVi): string {
  const metadata = JSON.parse(json) as Metadata;
  for (const f of metadata.functions) {
    const text = help[f.id];
    if (!text) throw new Error(`No Vietnamese help for custom function ${f.id}.`);
    f.description = text.description;
    if (f.result) f.result.description = text.result;
    for (const p of f.parameters ?? []) {
      const described = text.parameters[p.name];
      if (!described) throw new Error(`No Vietnamese help for parameter ${p.name} of ${f.id}.`);
      p.description = described;
    }
  }
  return JSON.stringify(metadata, null, 4);
}
