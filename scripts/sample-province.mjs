// Sets up a sample province ("Số liệu mẫu") through the HTTP API, as an administrator onboarding a
// province would: its units with their annex-header names, populations, the province's indicator set,
// three district plans (the fourth district has none and reports the province's set), and a year of
// monthly figures for every district. Nothing here is real data: every name says "Số liệu mẫu" and the
// figures are generated from fixed formulas, so every start writes the same ones.
// Safe to run again: each step reads first and writes only what is missing.
// Usage: node scripts/sample-province.mjs <server-url> <admin-key>
const [server, key] = process.argv.slice(2);
if (!server || !key) throw new Error("usage: node scripts/sample-province.mjs <server-url> <admin-key>");
const api = `${server.replace(/\/+$/, "")}/api`;
const year = 2025;

async function call(method, path, body, ifMatch) {
  const headers = { "X-Api-Key": key };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  const response = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get("etag"), json: text ? JSON.parse(text) : null };
}

async function must(method, path, body, ifMatch, accepted = [200, 201]) {
  const r = await call(method, path, body, ifMatch);
  if (!accepted.includes(r.status)) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.json)}`);
  return r;
}

const province = { code: "MAU", name: "Tỉnh Mẫu (Số liệu mẫu)", governingBody: "UBND TỈNH MẪU (SỐ LIỆU MẪU)", issuingAgency: "SỞ Y TẾ" };
const districts = [
  { code: "MAU-A", place: "Mẫu An", people: 152_400, scale: 1.0, plan: true },
  { code: "MAU-B", place: "Mẫu Bình", people: 98_700, scale: 0.65, plan: true },
  { code: "MAU-C", place: "Mẫu Cường", people: 121_300, scale: 0.8, plan: true },
  { code: "MAU-D", place: "Mẫu Đông", people: 76_500, scale: 0.5, plan: false },
];

// The province's set: what every district reports, planned or not.
const provinceSet = ["KCB.GIUONG_BENH", "KCB.LUOT_KHAM", "DP.TIEM_CHUNG_DAY_DU", "BHYT.BAO_PHU", "SDD.THAP_COI"];

// "123.000": the plans' thousands dot.
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

function planOf(d) {
  const beds = Math.round(300 * d.scale);
  return [
    { indicatorCode: "KCB.GIUONG_BENH", text: String(beds) },
    { indicatorCode: "KCB.GIUONG_BENH.BV", text: String(Math.round(beds * 0.7)) },
    { indicatorCode: "KCB.GIUONG_BENH.TYT", text: String(beds - Math.round(beds * 0.7)) },
    { indicatorCode: "KCB.LUOT_KHAM", text: thousands(Math.round(190_000 * d.scale / 1000) * 1000) },
    { indicatorCode: "DP.TIEM_CHUNG_DAY_DU", text: "≥95%" },
    { indicatorCode: "BHYT.BAO_PHU", text: "trên 93%" },
    { indicatorCode: "SDD.THAP_COI", text: "dưới 20%" },
  ];
}

// Month m's figures for a district: stocks hold steady, flows follow a fixed seasonal curve.
function figuresOf(d, m) {
  const beds = Math.round(300 * d.scale) - (m < 4 ? 6 : 0);
  const hospital = Math.round(beds * 0.7);
  const visits = Math.round((190_000 * d.scale / 12) * (1 + 0.15 * Math.sin((m / 12) * 2 * Math.PI)));
  const infants = Math.round(d.people * 0.0014);
  const vaccinated = Math.min(infants, Math.round(infants * (0.9 + 0.007 * m)));
  const insured = Math.round(d.people * (0.9 + 0.0025 * m));
  const underFive = Math.round(d.people * 0.08);
  const stunted = Math.round(underFive * (0.21 - 0.001 * m));
  const pct = (n, of) => Math.round((n / of) * 1000) / 10;
  return [
    { indicatorCode: "KCB.GIUONG_BENH", value: beds },
    { indicatorCode: "KCB.GIUONG_BENH.BV", value: hospital },
    { indicatorCode: "KCB.GIUONG_BENH.TYT", value: beds - hospital },
    { indicatorCode: "KCB.LUOT_KHAM", value: visits },
    { indicatorCode: "DP.TIEM_CHUNG_DAY_DU", value: pct(vaccinated, infants), numerator: vaccinated, denominator: infants },
    { indicatorCode: "BHYT.BAO_PHU", value: pct(insured, d.people), numerator: insured, denominator: d.people },
    { indicatorCode: "SDD.THAP_COI", value: pct(stunted, underFive), numerator: stunted, denominator: underFive },
  ];
}

async function ensureUnit(unit) {
  const r = await must("POST", "/units", unit, undefined, [201, 409]);
  return r.status === 201 ? 1 : 0;
}

async function ensurePopulation(code, people) {
  const current = await must("GET", `/units/${code}/populations/${year}`);
  if (current.json.people === people) return 0;
  await must("PUT", `/units/${code}/populations/${year}`, { people }, current.etag);
  return 1;
}

let written = 0;
written += await ensureUnit({ ...province, level: "Province", parents: [{ fromYear: 2000, parentCode: null }] });
for (const d of districts) {
  written += await ensureUnit({
    code: d.code, name: `Huyện ${d.place} (Số liệu mẫu)`, level: "District", parents: [{ fromYear: 2000, parentCode: province.code }],
    governingBody: `UBND HUYỆN ${d.place.toUpperCase()} (SỐ LIỆU MẪU)`, issuingAgency: "PHÒNG Y TẾ",
  });
}
written += await ensurePopulation(province.code, districts.reduce((sum, d) => sum + d.people, 0));
for (const d of districts) written += await ensurePopulation(d.code, d.people);

const set = await must("GET", `/units/${province.code}/years/${year}/indicator-set`);
if (set.json.codes.length === 0) { await must("PUT", `/units/${province.code}/years/${year}/indicator-set`, { codes: provinceSet }, set.etag); written++; }

for (const d of districts.filter((x) => x.plan)) {
  const targets = await must("GET", `/units/${d.code}/targets?year=${year}`);
  if (targets.json.length === 0) { await must("PUT", `/units/${d.code}/targets/${year}`, { targets: planOf(d) }); written++; }
}

for (const d of districts) {
  for (let m = 1; m <= 12; m++) {
    const period = `${year}-M${String(m).padStart(2, "0")}`;
    const form = await call("GET", `/units/${d.code}/periods/${period}/values`);
    if (form.status === 200 && form.json.version > 0) continue;
    await must("POST", `/units/${d.code}/periods/${period}/values`, { values: figuresOf(d, m) }, form.etag ?? '"0"');
    written++;
  }
}
console.log(`Sample province ${province.code} (Số liệu mẫu, ${year}): ${written === 0 ? "already set up" : `${written} writes`}.`);
