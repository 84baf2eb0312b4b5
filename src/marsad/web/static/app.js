/* marsad page: map, timeline with brushing, event panel, stories, entities, search.
 * No framework, no network beyond this server. Article text is untrusted: every piece of data
 * reaches the page through textContent / setAttribute, never innerHTML. */
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

const TYPE_COLORS = {
  "Battles": "#d7301f", "Explosions/Remote violence": "#fc8d59", "Violence against civilians": "#7b3294",
  "Protests": "#2c7fb8", "Riots": "#41b6c4", "Strategic developments": "#4d9221", "Diplomacy": "#8c6d31",
  "Statement": "#737373",
};
const FALLBACK_COLORS = ["#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1b9e77"];

const I18N = {
  ar: {
    title: "مرصد", subtitle: "سجلّ الأحداث من الأخبار العربية", search: "بحث", search_placeholder: "ابحث في المقالات",
    types: "أنواع الأحداث", outlet: "المصدر", all_outlets: "كل المصادر", disputed_only: "المتنازع عليها فقط",
    from: "من", to: "إلى", clear_dates: "كل التواريخ", fit: "⤢", timeline: "الخط الزمني", map: "خريطة الأحداث",
    footer: "البيانات مستخرجة آليًا: تحقّق دائمًا من الأدلة.", lang_button: "English",
    events: "الأحداث", no_events: "لا أحداث بهذه المرشحات", loading: "جارٍ التحميل…", back: "→ رجوع",
    date: "التاريخ", place: "المكان", actor1: "الطرف الأول", actor2: "الطرف الثاني", killed: "القتلى",
    injured: "الجرحى", source: "المصدر", modality: "الصيغة", type: "النوع", sub_type: "النوع الفرعي",
    attributed_to: "على لسان", evidence: "الأدلة في المقالات", versions: "روايات المصادر", disputes: "خلافات",
    disputed: "متنازع عليه", story: "القصة", open_story: "عرض القصة كاملة", mentions: "الإشارات",
    entity: "كيان", search_results: "نتائج البحث", entities: "الكيانات", documents: "المقالات",
    no_results: "لا نتائج", shown: "معروض", of: "من", events_on_map: "حدثًا على الخريطة", reports: "تقارير",
    denied: "نفي", reported: "مُبلَّغ عنه", planned: "مخطط", hypothetical: "افتراضي", cancelled: "ملغى",
    exact: "", at_least: "على الأقل", at_most: "على الأكثر", about: "نحو", range: "بين", unknown: "غير معروف",
    export: "تصدير", document: "مقال", all_dates: "كل التواريخ", disagree: "اختلاف بين المصادر",
    "Battles": "معارك", "Explosions/Remote violence": "انفجارات / عنف عن بُعد",
    "Violence against civilians": "عنف ضد المدنيين", "Protests": "احتجاجات", "Riots": "أعمال شغب",
    "Strategic developments": "تطورات استراتيجية", "Diplomacy": "دبلوماسية", "Statement": "تصريحات",
    PERS: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "أخرى",
  },
  en: {
    title: "marsad", subtitle: "a record of events from Arabic news", search: "Search", search_placeholder: "Search articles",
    types: "Event types", outlet: "Outlet", all_outlets: "All outlets", disputed_only: "Disputed only",
    from: "From", to: "To", clear_dates: "All dates", fit: "⤢", timeline: "Timeline", map: "Map of events",
    footer: "Machine-extracted data: always check the evidence.", lang_button: "العربية",
    events: "Events", no_events: "No events match these filters", loading: "Loading…", back: "← Back",
    date: "Date", place: "Place", actor1: "Actor 1", actor2: "Actor 2", killed: "Killed", injured: "Injured",
    source: "Source", modality: "Modality", type: "Type", sub_type: "Sub-type", attributed_to: "According to",
    evidence: "Evidence in the articles", versions: "The outlets' versions", disputes: "Disputes",
    disputed: "disputed", story: "Story", open_story: "Open the whole story", mentions: "Mentions", entity: "Entity",
    search_results: "Search results", entities: "Entities", documents: "Articles", no_results: "No results",
    shown: "shown", of: "of", events_on_map: "events on the map", reports: "reports", denied: "denied",
    reported: "reported", planned: "planned", hypothetical: "hypothetical", cancelled: "cancelled", exact: "",
    at_least: "at least", at_most: "at most", about: "about", range: "between", unknown: "unknown",
    export: "Export", document: "Article", all_dates: "all dates", disagree: "the outlets disagree",
    PERS: "person", ORG: "organisation", LOC: "place", MISC: "other",
  },
};

const state = {
  lang: "ar", stats: null, types: new Set(), outlet: "", disputed: false, dateFrom: "", dateTo: "",
  points: [], selected: null, view: { k: 1, tx: 0, ty: 0 }, panelStack: [], days: [],
};

// ------------------------------------------------------------------------------ small helpers

function t(key) { return (I18N[state.lang] && I18N[state.lang][key]) ?? I18N.en[key] ?? key; }

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

function typeColor(type) {
  if (TYPE_COLORS[type]) return TYPE_COLORS[type];
  const known = state.stats ? state.stats.types.indexOf(type) : 0;
  return FALLBACK_COLORS[Math.max(known, 0) % FALLBACK_COLORS.length];
}

/** Arabic and English names side by side, the interface language first. */
function bilingual(ar, en) {
  const first = state.lang === "ar" ? (ar || en) : (en || ar);
  const second = state.lang === "ar" ? (en && ar ? en : null) : (ar && en ? ar : null);
  const span = el("span", {}, el("bdi", { text: first || "—" }));
  if (second && second !== first) {
    span.append(" ", el("span", { class: "other-lang", lang: state.lang === "ar" ? "en" : "ar" }, "(", el("bdi", { text: second }), ")"));
  }
  return span;
}

function tollText(toll) {
  if (!toll || toll.value === null || toll.value === undefined) return null;
  const qualifier = t(toll.qualifier || "exact");
  const value = toll.qualifier === "range" && toll.high ? `${toll.value}–${toll.high}` : String(toll.value);
  return qualifier ? `${qualifier} ${value}` : value;
}

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(name, v));
    else if (value !== "" && value !== null && value !== undefined && value !== false) url.searchParams.set(name, value);
  }
  const response = await fetch(url);
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail; } catch (_) { /* not JSON */ }
    throw new Error(`${response.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return response.json();
}

function filterParams(withDates = true) {
  const params = { type: [...state.types], outlet: state.outlet, disputed: state.disputed ? "true" : "" };
  if (withDates) Object.assign(params, { date_from: state.dateFrom, date_to: state.dateTo });
  return params;
}

function updateStatus() {
  if (state.list) setStatus(`${state.points.length} ${t("events_on_map")} · ${state.list.total} ${t("events")}`);
}

function setStatus(text) { document.getElementById("status").textContent = text; }

/** Text with [start, end) code-point ranges wrapped in <mark>; offsets are Python's (code points). */
function markedText(text, ranges, markClass) {
  const chars = Array.from(text);
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out = el("span");
  let at = 0;
  for (const range of sorted) {
    const start = Math.max(range.start, at);
    if (start >= range.end) continue;
    if (start > at) out.append(chars.slice(at, start).join(""));
    const mark = el("mark", { class: range.cls || markClass, title: range.title || null },
      chars.slice(start, range.end).join(""));
    if (range.eventId) mark.dataset.eventId = range.eventId;
    out.append(mark);
    at = range.end;
  }
  if (at < chars.length) out.append(chars.slice(at).join(""));
  return out;
}

// ------------------------------------------------------------------------------ language

function applyLanguage() {
  const root = document.documentElement;
  root.lang = state.lang;
  root.dir = state.lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  document.querySelectorAll("[data-i18n-aria]").forEach((node) => { node.setAttribute("aria-label", t(node.dataset.i18nAria)); });
  const toggle = document.getElementById("lang-toggle");
  toggle.textContent = t("lang_button");
  toggle.lang = state.lang === "ar" ? "en" : "ar";
  document.title = `${t("title")} · ${state.lang === "ar" ? "marsad" : "مرصد"}`;
  buildTypeFilters();
  drawLegend();
  drawTimeline();
  rerenderPanel();
  updateStatus();
}

// ------------------------------------------------------------------------------ filters

function buildTypeFilters() {
  const box = document.getElementById("type-filters");
  box.querySelectorAll(".chip").forEach((chip) => chip.remove());
  for (const type of (state.stats?.types || [])) {
    const input = el("input", { type: "checkbox", "data-type": type, value: type });
    input.checked = state.types.has(type);
    input.addEventListener("change", () => {
      if (input.checked) state.types.add(type); else state.types.delete(type);
      refresh();
    });
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = typeColor(type);
    box.append(el("label", { class: "chip", title: type }, input, swatch, el("span", { text: t(type) })));
  }
}

function buildOutletFilter() {
  const select = document.getElementById("outlet-filter");
  for (const outlet of state.stats.outlets) select.append(el("option", { value: outlet, text: outlet }));
  select.addEventListener("change", () => { state.outlet = select.value; refresh(); });
  document.getElementById("disputed-filter").addEventListener("change", (event) => {
    state.disputed = event.target.checked; refresh();
  });
  const from = document.getElementById("date-from");
  const to = document.getElementById("date-to");
  from.addEventListener("change", () => setDates(from.value, state.dateTo));
  to.addEventListener("change", () => setDates(state.dateFrom, to.value));
  document.getElementById("clear-dates").addEventListener("click", () => setDates("", ""));
}

function setDates(from, to) {
  if (from && to && from > to) [from, to] = [to, from];
  state.dateFrom = from; state.dateTo = to;
  document.getElementById("date-from").value = from;
  document.getElementById("date-to").value = to;
  refresh({ timeline: false });
}

// ------------------------------------------------------------------------------ map

// Equirectangular projection, x stretched by cos(35°) so that Syria keeps its shape.
const LON_SCALE = Math.cos(35 * Math.PI / 180);
function project(lon, lat) { return [lon * LON_SCALE, -lat]; }

function ringPath(ring) {
  return ring.map(([lon, lat], i) => { const [x, y] = project(lon, lat); return `${i ? "L" : "M"}${x.toFixed(3)},${y.toFixed(3)}`; }).join("") + "Z";
}

function geometryPath(geometry) {
  if (!geometry) return "";
  if (geometry.type === "Polygon") return geometry.coordinates.map(ringPath).join("");
  if (geometry.type === "MultiPolygon") return geometry.coordinates.map((poly) => poly.map(ringPath).join("")).join("");
  return "";
}

// The base map lives in <g id="world"> under a translate/scale transform (world units are
// projected degrees); the event dots sit outside it in screen pixels, so that their size and
// outline stay the same at every zoom and nothing depends on stroke scaling.
async function drawBaseMap() {
  const map = document.getElementById("map");
  const world = svg("g", { id: "world" });
  const base = svg("g", { id: "base" });
  world.append(base);
  map.append(world, svg("g", { id: "dots" }));
  try {
    const countries = await api("/static/geo/world.geojson");
    for (const feature of countries.features) {
      const name = feature.properties.name_en || "";
      base.append(svg("path", { d: geometryPath(feature.geometry), class: name === "Syria" ? "country syria" : "country" }));
    }
  } catch (err) { setStatus(String(err)); }
  try {
    const syria = await api("/api/geo/syria_admin.geojson");
    const features = syria.features.sort((a, b) => (b.properties.level || 1) - (a.properties.level || 1));
    for (const feature of features) {
      const level = feature.properties.level === 2 ? "admin2" : "admin1";
      const path = svg("path", { d: geometryPath(feature.geometry), class: level });
      const title = svg("title");
      title.textContent = `${feature.properties.name_ar || ""} · ${feature.properties.name_en || ""}`;
      path.append(title);
      base.append(path);
    }
  } catch (_) { /* boundaries not installed: countries only */ }
}

function mapSize() {
  const map = document.getElementById("map");
  return [map.clientWidth || 600, map.clientHeight || 400];
}

/** screen = k * world + (tx, ty) */
function setView(k, tx, ty) {
  state.view = { k, tx, ty };
  document.getElementById("world").setAttribute("transform", `translate(${tx.toFixed(2)} ${ty.toFixed(2)}) scale(${k.toFixed(4)})`);
  placeDots();
}

function toScreen(lon, lat) {
  const [x, y] = project(lon, lat);
  return [state.view.k * x + state.view.tx, state.view.k * y + state.view.ty];
}

function fitTo(box) {
  const [width, height] = mapSize();
  const [x0, y0] = project(box[0], box[3]);
  const [x1, y1] = project(box[2], box[1]);
  const k = 0.9 * Math.min(width / Math.max(x1 - x0, 0.5), height / Math.max(y1 - y0, 0.5));
  setView(k, width / 2 - k * (x0 + x1) / 2, height / 2 - k * (y0 + y1) / 2);
}

function pointsBox(points) {
  // Syria's extent unless the events reach beyond it.
  const box = [35.6, 32.3, 42.4, 37.4];
  for (const p of points) { box[0] = Math.min(box[0], p.lon); box[1] = Math.min(box[1], p.lat); box[2] = Math.max(box[2], p.lon); box[3] = Math.max(box[3], p.lat); }
  return box;
}

function dotRadius(point) { return 4 + 2.2 * Math.sqrt(point.killed || 0); }

function placeDots() {
  document.querySelectorAll("#dots .event-dot").forEach((dot) => {
    const [x, y] = toScreen(Number(dot.dataset.lon), Number(dot.dataset.lat));
    dot.setAttribute("cx", x.toFixed(1));
    dot.setAttribute("cy", y.toFixed(1));
  });
}

function drawDots() {
  const layer = document.getElementById("dots");
  layer.replaceChildren();
  // Largest first, so that small events stay visible on top of big ones.
  const sorted = [...state.points].sort((a, b) => (b.killed || 0) - (a.killed || 0));
  for (const point of sorted) {
    const [x, y] = toScreen(point.lon, point.lat);
    const px = dotRadius(point);
    const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: px, fill: typeColor(point.type), "data-id": point.id,
      "data-px": px, "data-lon": point.lon, "data-lat": point.lat, "data-type": point.type,
      class: `event-dot${point.disputed ? " disputed" : ""}${point.id === state.selected ? " selected" : ""}`,
      tabindex: 0, role: "button" });
    const title = svg("title");
    title.textContent = `${t(point.type)} · ${point.date || "?"}${point.killed ? ` · ${t("killed")} ${point.killed}` : ""}`;
    dot.append(title);
    dot.addEventListener("click", (event) => { event.stopPropagation(); openEvent(point.id); });
    dot.addEventListener("keydown", (event) => { if (event.key === "Enter") openEvent(point.id); });
    layer.append(dot);
  }
}

function drawLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  const present = new Set(state.points.map((p) => p.type));
  for (const type of (state.stats?.types || []).filter((ty) => present.has(ty))) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = typeColor(type);
    legend.append(el("li", {}, swatch, el("span", { text: t(type) })));
  }
}

function enablePanZoom() {
  const map = document.getElementById("map");
  let drag = null;
  map.addEventListener("wheel", (event) => {
    event.preventDefault();
    const rect = map.getBoundingClientRect();
    zoomAt(event.deltaY < 0 ? 1.25 : 0.8, event.clientX - rect.left, event.clientY - rect.top);
  }, { passive: false });
  map.addEventListener("pointerdown", (event) => {
    if (event.target.classList.contains("event-dot")) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...state.view } };
    map.setPointerCapture(event.pointerId);
  });
  map.addEventListener("pointermove", (event) => {
    if (!drag) return;
    setView(drag.view.k, drag.view.tx + event.clientX - drag.x, drag.view.ty + event.clientY - drag.y);
  });
  map.addEventListener("pointerup", () => { drag = null; });
  const centre = () => mapSize().map((v) => v / 2);
  document.getElementById("zoom-in").addEventListener("click", () => zoomAt(1.4, ...centre()));
  document.getElementById("zoom-out").addEventListener("click", () => zoomAt(0.7, ...centre()));
  document.getElementById("zoom-fit").addEventListener("click", () => fitTo(pointsBox(state.points)));
  window.addEventListener("resize", () => fitTo(pointsBox(state.points)));
}

/** Zoom by `factor` keeping the screen point (sx, sy) in place. */
function zoomAt(factor, sx, sy) {
  const { k, tx, ty } = state.view;
  setView(k * factor, sx - (sx - tx) * factor, sy - (sy - ty) * factor);
}

// ------------------------------------------------------------------------------ timeline

const TIMELINE = { width: 800, height: 90, bottom: 16 };

function dayNumber(iso) { return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86400000); }
function isoDay(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

function drawTimeline() {
  const chart = document.getElementById("timeline");
  if (!chart) return;
  chart.replaceChildren();
  const days = state.days;
  chart.setAttribute("viewBox", `0 0 ${TIMELINE.width} ${TIMELINE.height}`);
  chart.setAttribute("preserveAspectRatio", "none");
  if (!days.length) return;
  const first = dayNumber(days[0].key); const last = dayNumber(days[days.length - 1].key);
  const span = Math.max(last - first + 1, 1);
  const max = Math.max(...days.map((d) => d.events));
  const barWidth = TIMELINE.width / span;
  const plot = TIMELINE.height - TIMELINE.bottom;
  // Time runs the reader's way: right to left in Arabic, left to right in English.
  const xOf = (n) => (state.lang === "ar" ? TIMELINE.width - (n - first + 1) * barWidth : (n - first) * barWidth);
  state.timeline = { first, last, barWidth, xOf };
  for (const day of days) {
    const n = dayNumber(day.key);
    const height = Math.max(2, (day.events / max) * (plot - 4));
    const inside = (!state.dateFrom || day.key >= state.dateFrom) && (!state.dateTo || day.key <= state.dateTo);
    const rect = svg("rect", { x: xOf(n) + barWidth * 0.1, y: plot - height, width: Math.max(barWidth * 0.8, 1), height,
      class: `bar-rect${inside ? " in" : ""}`, "data-day": day.key });
    const title = svg("title"); title.textContent = `${day.key}: ${day.events}`; rect.append(title);
    chart.append(rect);
  }
  for (const n of [first, last]) {
    const label = svg("text", { x: Math.min(Math.max(xOf(n) + barWidth / 2, 30), TIMELINE.width - 30), y: TIMELINE.height - 3, class: "axis", "text-anchor": "middle" });
    label.textContent = isoDay(n);
    chart.append(label);
  }
  if (state.dateFrom || state.dateTo) {
    const a = xOf(state.dateFrom ? dayNumber(state.dateFrom) : first);
    const b = xOf(state.dateTo ? dayNumber(state.dateTo) : last);
    const x0 = Math.min(a, b); const x1 = Math.max(a, b) + barWidth;
    chart.append(svg("rect", { x: x0, y: 0, width: Math.max(x1 - x0, 1), height: plot, class: "brush" }));
  }
  document.getElementById("range-label").textContent =
    state.dateFrom || state.dateTo ? `${state.dateFrom || "…"} — ${state.dateTo || "…"}` : t("all_dates");
}

function enableBrush() {
  const chart = document.getElementById("timeline");
  let start = null;
  const dayAt = (event) => {
    const rect = chart.getBoundingClientRect();
    const x = ((event.clientX - rect.left) / rect.width) * TIMELINE.width;
    const tl = state.timeline;
    if (!tl) return null;
    const offset = state.lang === "ar" ? Math.floor((TIMELINE.width - x) / tl.barWidth) : Math.floor(x / tl.barWidth);
    return isoDay(Math.min(Math.max(tl.first + offset, tl.first), tl.last));
  };
  chart.addEventListener("pointerdown", (event) => { start = dayAt(event); chart.setPointerCapture(event.pointerId); });
  chart.addEventListener("pointermove", (event) => {
    if (start === null) return;
    const day = dayAt(event);
    [state.dateFrom, state.dateTo] = start < day ? [start, day] : [day, start];
    drawTimeline();
  });
  chart.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const day = dayAt(event);
    const range = start < day ? [start, day] : [day, start];
    start = null;
    setDates(...range);
  });
}

// ------------------------------------------------------------------------------ data

let refreshToken = 0;
async function refresh({ timeline = true } = {}) {
  const token = ++refreshToken;
  setStatus(t("loading"));
  try {
    const [points, list, days] = await Promise.all([
      api("/api/events/points", { ...filterParams(), limit: 20000 }),
      api("/api/events", { ...filterParams(), view: "summary", limit: 100 }),
      timeline ? api("/api/events/counts", { ...filterParams(false), by: "day" }) : null,
    ]);
    if (token !== refreshToken) return; // a newer refresh is on its way
    state.points = points.rows.map((row) => Object.fromEntries(points.fields.map((f, i) => [f, row[i]])));
    state.list = list;
    if (days) state.days = days.groups.filter((g) => g.key);
    drawDots(); drawLegend(); drawTimeline();
    if (!state.panelStack.length) renderList();
    updateStatus();
  } catch (err) { setStatus(String(err.message || err)); }
}

// ------------------------------------------------------------------------------ panel

function panel() { return document.getElementById("panel"); }

function showView(render, push = true) {
  if (push) state.panelStack.push(render);
  rerenderPanel();
}

function rerenderPanel() {
  const box = panel();
  if (!box) return;
  const current = state.panelStack[state.panelStack.length - 1];
  if (!current) { renderList(); return; }
  box.replaceChildren(el("button", { class: "back", type: "button", text: t("back"), onclick: goBack }));
  current(box);
}

function goBack() {
  state.panelStack.pop();
  state.selected = null;
  document.querySelectorAll(".event-dot.selected").forEach((d) => d.classList.remove("selected"));
  rerenderPanel();
}

function renderList() {
  const box = panel();
  const list = state.list;
  box.replaceChildren(el("h2", { text: t("events") }));
  if (!list) return;
  if (!list.items.length) { box.append(el("p", { text: t("no_events") })); return; }
  const exportParams = new URLSearchParams();
  for (const [name, value] of Object.entries(filterParams())) {
    (Array.isArray(value) ? value : [value]).forEach((v) => { if (v) exportParams.append(name, v); });
  }
  box.append(el("p", { class: "meta" }, `${list.items.length} ${t("shown")} ${t("of")} ${list.total} · ${t("export")}: `,
    ...["jsonl", "csv", "geojson"].map((fmt) => [el("a", { href: `/api/export/events.${fmt}?${exportParams}`, text: fmt }), " "])));
  const ul = el("ul", { class: "event-list", id: "event-list" });
  for (const item of list.items) {
    const swatch = el("span", { class: "swatch" }); swatch.style.background = typeColor(item.type);
    const li = el("li", { tabindex: 0, "data-id": item.id }, swatch,
      el("div", {}, el("strong", { text: t(item.type) }), " ", item.disputed ? el("span", { class: "badge dispute", text: t("disputed") }) : null,
        el("div", { class: "meta" }, item.date_start || "?", " · ", bilingual(item.place_ar, item.place_en),
          item.killed ? ` · ${t("killed")} ${item.killed}` : "")));
    li.addEventListener("click", () => openEvent(item.id));
    li.addEventListener("keydown", (event) => { if (event.key === "Enter") openEvent(item.id); });
    ul.append(li);
  }
  box.append(ul);
}

async function openEvent(id) {
  state.selected = id;
  document.querySelectorAll(".event-dot").forEach((dot) => dot.classList.toggle("selected", dot.dataset.id === id));
  try {
    const detail = await api(`/api/events/${encodeURIComponent(id)}`);
    showView((box) => renderEvent(box, detail));
  } catch (err) { setStatus(String(err.message || err)); }
}

function actorNode(actor) {
  if (!actor) return null;
  const name = bilingual(actor.name_ar, actor.name_en);
  if (!actor.entity_id) return name;
  return el("button", { class: "linkish", type: "button", onclick: () => openEntity(actor.entity_id) }, name);
}

function facts(event) {
  const dl = el("dl", { class: "facts", id: "event-facts" });
  const add = (key, value) => { if (value !== null && value !== undefined && value !== "") dl.append(el("dt", { text: t(key) }), el("dd", {}, value)); };
  add("type", t(event.type));
  add("sub_type", event.sub_type);
  const date = event.date || {};
  add("date", date.start && date.end && date.end !== date.start ? `${date.start} — ${date.end}` : date.start);
  if (event.location) add("place", bilingual(event.location.name_ar, event.location.name_en));
  add("actor1", actorNode(event.actor1));
  add("actor2", actorNode(event.actor2));
  add("killed", tollText(event.killed));
  add("injured", tollText(event.injured));
  add("attributed_to", event.attributed_to);
  if (event.modality && event.modality !== "reported") add("modality", el("span", { class: "badge dispute", text: t(event.modality) }));
  return dl;
}

function renderEvent(box, detail) {
  const event = detail.event;
  box.append(el("h2", { id: "event-title" }, t(event.type), " ", (event.disputes || []).length ? el("span", { class: "badge dispute", text: t("disputed") }) : null));
  box.append(facts(event));
  if ((event.disputes || []).length) {
    box.append(el("h3", { text: t("disputes") }), el("ul", { class: "disputes" }, event.disputes.map((d) => el("li", { text: `${d.kind}: ${d.note || ""}` }))));
  }
  if (detail.story_id) {
    box.append(el("p", {}, el("button", { class: "linkish", type: "button", id: "open-story", text: t("open_story"), onclick: () => openStory(detail.story_id) })));
  }
  if (detail.versions && detail.versions.length > 1) {
    box.append(el("h3", { text: t("versions") }), versionsGrid(detail.versions, detail.disagreements || []));
  }
  box.append(el("h3", { text: t("evidence") }));
  for (const doc of detail.documents) {
    const ranges = (event.reports || []).filter((r) => (r.doc || event.doc) === doc.id).map((r) => ({ start: r.start, end: r.end, eventId: event.id }));
    box.append(el("article", { class: "article", "data-doc": doc.id },
      el("div", { class: "head" }, el("bdi", { text: doc.title || doc.id })),
      el("div", { class: "meta" }, doc.outlet || "", " · ", doc.published || ""),
      el("p", { class: "text", dir: "rtl", lang: "ar" }, markedText(doc.text || "", ranges, "evidence"))));
  }
}

const VERSION_FIELDS = ["type", "sub_type", "killed", "injured", "modality", "actor1", "actor2", "attributed_to"];

function versionValue(event, field) {
  const value = event[field];
  if (field === "killed" || field === "injured") return tollText(value);
  if (field === "actor1" || field === "actor2") return value ? bilingual(value.name_ar, value.name_en) : null;
  if (field === "type" || field === "modality") return value ? t(value) : null;
  return value;
}

/** The outlets' versions side by side; a field the versions disagree on is marked in each. */
function versionsGrid(versions, disagreements) {
  const grid = el("div", { class: "versions" });
  for (const version of versions) {
    const card = el("section", { class: "version", "data-doc": version.doc, "data-event": version.event.id },
      el("h4", {}, el("bdi", { text: version.outlet || version.doc }), " ", el("span", { class: "meta", text: version.published || "" })));
    for (const field of VERSION_FIELDS) {
      const value = versionValue(version.event, field);
      const disagree = disagreements.some((d) => d.field === field && (d.events || []).includes(version.event.id));
      if (value === null || value === undefined || value === "") continue;
      card.append(el("div", { class: `field${disagree ? " disagree" : ""}`, title: disagree ? t("disagree") : null, "data-field": field },
        el("span", { text: t(field) }), el("span", {}, disagree ? "⚠ " : "", value)));
    }
    for (const report of version.event.reports || []) card.append(el("p", { class: "evidence-text" }, el("mark", { class: "evidence", text: report.text })));
    grid.append(card);
  }
  return grid;
}

async function openStory(id) {
  try {
    const story = await api(`/api/stories/${encodeURIComponent(id)}`);
    showView((box) => {
      box.append(el("h2", { id: "story-title" }, `${t("story")}: `, el("bdi", { text: story.title || story.id })));
      for (const item of story.events) {
        box.append(el("h3", {}, t(item.event.type), " · ", item.event.date?.start || ""));
        if ((item.disputes || []).length) box.append(el("ul", { class: "disputes" }, item.disputes.map((d) => el("li", { text: `${d.kind}: ${d.note || ""}` }))));
        box.append(versionsGrid(item.versions, item.disagreements));
      }
    });
  } catch (err) { setStatus(String(err.message || err)); }
}

async function openEntity(id) {
  try {
    const entity = await api(`/api/entities/${encodeURIComponent(id)}`);
    showView((box) => {
      box.append(el("h2", { id: "entity-title" }, bilingual(entity.name_ar, entity.name_en), " ", el("span", { class: "badge", text: t(entity.type) })));
      if ((entity.variants || []).length) box.append(el("p", { class: "meta" }, entity.variants.join(" · ")));
      box.append(el("h3", { text: `${t("events")} (${entity.events.length})` }));
      const ul = el("ul", { class: "event-list" });
      for (const event of entity.events) {
        const li = el("li", { tabindex: 0 }, el("strong", { text: t(event.type) }), " ", el("span", { class: "meta", text: event.date?.start || "" }));
        li.addEventListener("click", () => openEvent(event.id));
        ul.append(li);
      }
      box.append(ul, el("h3", { text: `${t("mentions")} (${entity.mentions.length})` }));
      const mentions = el("ul", { class: "event-list" });
      for (const mention of entity.mentions) {
        const li = el("li", { tabindex: 0 }, el("bdi", { text: mention.text }), " ", el("span", { class: "meta" }, el("bdi", { text: mention.title || mention.doc }), ` · ${mention.outlet || ""}`));
        li.addEventListener("click", () => openDocument(mention.doc));
        mentions.append(li);
      }
      box.append(mentions);
    });
  } catch (err) { setStatus(String(err.message || err)); }
}

const SPAN_CLASSES = { entity: "k-entity", time: "k-time", place: "k-place", evidence: "k-evidence" };

async function openDocument(id) {
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
    showView((box) => {
      box.append(el("h2", { id: "document-title" }, el("bdi", { text: doc.title || doc.id })));
      box.append(el("p", { class: "meta" }, doc.outlet || "", " · ", doc.published?.date || ""));
      // Evidence sentences first so that names, dates and places inside them are marked on top.
      // A place is also an entity mention: show it as the place (the more specific layer).
      const places = new Set(doc.spans.filter((s) => s.kind === "place").map((s) => `${s.start}:${s.end}`));
      const spans = doc.spans.filter((s) => SPAN_CLASSES[s.kind] && s.kind !== "evidence")
        .filter((s) => s.kind !== "entity" || !places.has(`${s.start}:${s.end}`)).map((s) => ({ start: s.start, end: s.end, cls: SPAN_CLASSES[s.kind], title: s.label || s.kind }));
      box.append(el("p", { class: "text article", dir: "rtl", lang: "ar" }, markedText(doc.text, spans)));
      const events = doc.events || [];
      if (events.length) {
        box.append(el("h3", { text: t("events") }));
        const ul = el("ul", { class: "event-list" });
        for (const event of events) {
          const li = el("li", { tabindex: 0 }, el("strong", { text: t(event.type) }), " ", el("span", { class: "meta", text: event.date?.start || "" }));
          li.addEventListener("click", () => openEvent(event.id));
          ul.append(li);
        }
        box.append(ul);
      }
    });
  } catch (err) { setStatus(String(err.message || err)); }
}

async function runSearch(query) {
  if (!query.trim()) return;
  try {
    const [found, entities] = await Promise.all([api("/api/search", { q: query, limit: 30 }), api("/api/entities", { q: query, limit: 10 })]);
    showView((box) => {
      box.append(el("h2", { id: "search-title" }, `${t("search_results")}: `, el("bdi", { text: query })));
      if (entities.items.length) {
        box.append(el("h3", { text: t("entities") }));
        const ul = el("ul", { class: "event-list" });
        for (const entity of entities.items) {
          const li = el("li", { tabindex: 0 }, bilingual(entity.name_ar, entity.name_en), " ", el("span", { class: "badge", text: t(entity.type) }));
          li.addEventListener("click", () => openEntity(entity.id));
          ul.append(li);
        }
        box.append(ul);
      }
      box.append(el("h3", { text: `${t("documents")} (${found.total})` }));
      if (!found.items.length) box.append(el("p", { text: t("no_results") }));
      const ul = el("ul", { class: "event-list", id: "search-results" });
      for (const item of found.items) {
        const ranges = item.highlights.map(([start, end]) => ({ start, end }));
        const li = el("li", { tabindex: 0, "data-id": item.id }, el("div", {}, el("strong", {}, el("bdi", { text: item.title || item.id })),
          el("div", { class: "meta" }, item.outlet || "", " · ", item.published || ""), el("div", { dir: "rtl", lang: "ar" }, markedText(item.snippet, ranges, "hit"))));
        li.addEventListener("click", () => openDocument(item.id));
        ul.append(li);
      }
      box.append(ul);
    });
  } catch (err) { setStatus(String(err.message || err)); }
}

// ------------------------------------------------------------------------------ start

async function start() {
  document.getElementById("lang-toggle").addEventListener("click", () => {
    state.lang = state.lang === "ar" ? "en" : "ar";
    try { localStorage.setItem("marsad-lang", state.lang); } catch (_) { /* private mode */ }
    applyLanguage();
    drawDots();
  });
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runSearch(document.getElementById("search-input").value);
  });
  try { state.lang = localStorage.getItem("marsad-lang") || "ar"; } catch (_) { state.lang = "ar"; }
  state.stats = await api("/api/stats");
  buildOutletFilter();
  applyLanguage();
  await drawBaseMap();
  enablePanZoom();
  enableBrush();
  fitTo(pointsBox([]));
  await refresh();
  fitTo(pointsBox(state.points));
  document.body.dataset.ready = "true"; // the browser tests wait for this
}

document.addEventListener("DOMContentLoaded", () => { start().catch((err) => setStatus(String(err.message || err))); });
