// meterbridge status page: renders /api/status (pushed by /events) and the consumption charts.
// Everything from the bridge is put in the page with textContent, never as HTML.
"use strict";

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}
function ago(iso, now) {
  if (!iso) return "never";
  const s = Math.round((Date.parse(now) - Date.parse(iso)) / 1000);
  if (s < 90) return s + " s ago";
  if (s < 5400) return Math.round(s / 60) + " min ago";
  return Math.round(s / 3600) + " h ago";
}
function table(rows) {
  const t = el("table");
  for (const r of rows) t.append(el("tr", {}, ...r.map((c, i) => el("td", { class: i > 0 ? "num" : "", text: String(c) }))));
  return t;
}

function renderMeters(state) {
  const box = document.getElementById("meters");
  box.replaceChildren();
  if (state.meters.length === 0) box.append(el("p", { class: "muted", text: "No meter has been polled yet." }));
  for (const m of state.meters) {
    const card = el("div", { class: "card meter", "data-key": m.key });
    card.append(el("h3", {}, el("span", { text: m.key }), el("span", { class: "pill " + m.availability, text: m.availability })));
    const id = [m.model, m.address != null ? "address " + m.address : null, m.source, m.route ? "route " + m.route : null]
      .filter(x => x).join(" · ");
    card.append(el("div", { class: "id muted", text: id }));
    const ids = Object.entries(m.ids || {}).map(([k, x]) => k.replace(/_/g, " ") + " " + x).join(" · ");
    if (ids) card.append(el("div", { class: "id muted ids", text: ids }));
    const v = m.values || {};
    if (v.power_import_kw !== undefined || v.power_export_kw !== undefined) {
      card.append(el("div", { class: "big live-power", text: (v.power_import_kw ?? 0) + " kW" }),
        el("div", { class: "muted", text: "import now" + (v.power_export_kw ? ", export " + v.power_export_kw + " kW" : "") }));
    }
    card.append(el("div", { class: "muted", text: "last read " + ago(m.lastReadAt, state.now) + " · " + m.polled + " polls, "
      + m.failed + " failed" }));
    for (const a of m.alarms || []) card.append(el("div", { class: "alarm", text: "⚠ " + a }));
    const strip = el("div", { class: "strip", title: "last polls, oldest first" });
    for (const p of m.polls) {
      strip.append(el("span", { class: p.ok ? "ok" : "failed",
        title: p.at + " · " + p.millis + " ms" + (p.error ? " · " + p.error : "") }));
    }
    card.append(strip);
    // named and with units by the server (KeyUnits), as the other outputs name them
    const rows = (m.fields || []).map(f => [f.name, f.value + (f.unit ? " " + f.unit : "")]);
    const t = table(rows);
    t.classList.add("values");
    card.append(t);
    box.append(card);
  }
}

function renderBridge(state) {
  const up = Math.round((Date.parse(state.now) - Date.parse(state.startedAt)) / 1000);
  document.getElementById("bridge").textContent = "version " + state.version + " · up " +
    (up < 3600 ? Math.round(up / 60) + " min" : (up / 3600).toFixed(1) + " h");
  const mqtt = document.getElementById("mqtt");
  mqtt.replaceChildren(state.mqtt == null ? el("p", { class: "muted", text: "MQTT off (mqtt.url not set)" })
    : el("p", {}, "MQTT " + state.mqtt.url + " ", el("span", { class: "pill " + (state.mqtt.connected ? "online" : "offline"),
      text: state.mqtt.connected ? "connected" : "not connected" }), state.mqtt.lastFailure ? " " + state.mqtt.lastFailure : ""));
  const cluster = document.getElementById("cluster");
  const c = state.cluster;
  cluster.replaceChildren(c == null ? "" : el("p", {}, "Instance " + c.instance + ": polls " +
    (c.polls.length ? c.polls.join(", ") : "no shared bus") + (c.waits.length ? "; another instance polls " + c.waits.join(", ") : "")));
  const buses = document.getElementById("buses");
  buses.replaceChildren();
  for (const b of state.buses) {
    buses.append(el("h4", { text: b.kind + " " + b.port }), table(Object.entries(b.counters).map(([k, x]) => [k, x])));
  }
  if (state.buses.length === 0) buses.append(el("p", { class: "muted", text: "No bus open." }));
  document.getElementById("journal").replaceChildren(state.journal.length === 0
    ? el("p", { class: "muted", text: "No output reads the journal." })
    : table(state.journal.map(j => [j.cursor + " (journal " + j.journal + ")", j.backlog + " to deliver"])));
  const errors = document.getElementById("errors");
  errors.replaceChildren(state.errors.length === 0 ? el("p", { class: "muted", text: "None." })
    : table(state.errors.map(e => [e.at.replace("T", " ").replace(/\.\d+Z$/, "Z"), e.meter, e.message])));
  const monitor = document.getElementById("monitor");
  monitor.replaceChildren();
  for (const bus of state.monitor || []) {
    monitor.append(el("h4", { text: (bus.kind === "mbus" ? "M-Bus " : "optical head ") + bus.port }));
    for (const f of bus.frames.slice().reverse()) {
      const row = el("div", { class: "frame" });
      row.append(el("div", { class: "muted", text: f.at.replace("T", " ").replace(/\.\d+Z$/, "Z") + " · " + f.requestMeaning
        + " → " + f.answerMeaning + " · " + f.millis.toFixed(1) + " ms" }),
        el("pre", { text: "→ " + f.request + (f.answer ? "\n← " + f.answer : "") }));
      monitor.append(row);
    }
  }
  if (!state.monitor || state.monitor.every(b => b.frames.length === 0)) {
    monitor.append(el("p", { class: "muted", text: "No frames yet." }));
  }
}

let lastState = null;
function render(state) {
  lastState = state;
  renderBridge(state);
  renderMeters(state);
  fillChartChoices(state);
}

// --- live updates: server-sent events, or asking every 10 s when the server has no stream free
const live = document.getElementById("live");
function poll() {
  fetch("api/status").then(r => r.json()).then(render).catch(() => {}).finally(() => setTimeout(poll, 10000));
}
function connect() {
  const source = new EventSource("events");
  source.addEventListener("status", e => { live.textContent = "live"; live.className = "pill live"; render(JSON.parse(e.data)); });
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) { live.textContent = "every 10 s"; live.className = "pill"; poll(); }
    else { live.textContent = "reconnecting"; live.className = "pill offline"; }
  };
}
connect();

// --- consumption charts
const form = document.getElementById("consumption-form");
let chart = null;
let chartKey = "";
function fillChartChoices(state) {
  const meterSel = document.getElementById("c-meter");
  const keys = state.meters.filter(m => (m.counters || []).length > 0).map(m => m.key);
  if (meterSel.options.length !== keys.length || keys.some((k, i) => meterSel.options[i].value !== k)) {
    const chosen = meterSel.value;
    meterSel.replaceChildren(...keys.map(k => el("option", { value: k, text: k })));
    if (keys.includes(chosen)) meterSel.value = chosen;
    fillCounters();
  }
  if (!chart && keys.length > 0) drawChart();
}
function fillCounters() {
  const meter = (lastState?.meters || []).find(m => m.key === document.getElementById("c-meter").value);
  const sel = document.getElementById("c-counter");
  const chosen = sel.value;
  // the registers the server says the charts know, named as the meter's card names them
  const present = meter ? meter.counters : [];
  const field = k => meter.fields.find(f => f.key === k);
  sel.replaceChildren(...present.map(k => el("option", { value: k,
    text: field(k) ? field(k).name + " (" + field(k).unit + ")" : k })));
  if (present.includes(chosen)) sel.value = chosen;
}
function query() {
  const p = new URLSearchParams({ meter: document.getElementById("c-meter").value,
    counter: document.getElementById("c-counter").value, resolution: document.getElementById("c-resolution").value,
    days: document.getElementById("c-days").value });
  return p.toString();
}
function drawChart() {
  const q = query();
  if (!document.getElementById("c-meter").value || !document.getElementById("c-counter").value) return;
  document.getElementById("c-csv").href = "consumption.csv?" + q;
  fetch("api/consumption?" + q).then(r => r.json()).then(data => {
    const box = document.getElementById("chart");
    const xs = data.intervals.map(i => Date.parse(i.start) / 1000);
    const ys = data.intervals.map(i => i.amount);
    document.getElementById("chart-note").textContent = data.intervals.length + " intervals"
      + (data.intervals.some(i => i.estimated) ? " (some estimated across a gap)" : "") + ", " + data.unit;
    const opts = { width: Math.max(280, box.clientWidth - 8), height: 300,
      series: [{}, { label: document.getElementById("c-counter").selectedOptions[0]?.text || data.counter, stroke: "#1565c0", fill: "rgba(21,101,192,0.35)",
        paths: uPlot.paths.bars({ size: [0.8, 64] }), points: { show: false } }],
      axes: [{}, { label: data.unit }], scales: { x: { time: true } } };
    if (chart) chart.destroy();
    chart = new uPlot(opts, [xs, ys], box);
    chartKey = q;
    box.dataset.intervals = String(data.intervals.length);
  }).catch(e => { document.getElementById("chart-note").textContent = "cannot draw: " + e; });
}
document.getElementById("c-meter").addEventListener("change", () => { fillCounters(); drawChart(); });
for (const id of ["c-counter", "c-resolution", "c-days"]) document.getElementById(id).addEventListener("change", drawChart);
window.addEventListener("resize", () => { if (chart) chart.setSize({ width: Math.max(280, document.getElementById("chart").clientWidth - 8), height: 300 }); });
setInterval(() => { if (chartKey) drawChart(); }, 60000);
