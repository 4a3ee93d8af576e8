// Drill-down: a click on a figure (table cell or chart bar, href "#ev=KEY") or on a directive's article count
// ("#dv=ID") opens the side panel with the sentences behind it, rendered by displaCy when the report was built.
// The evidence is one gzip+base64 JSON block, decompressed on the first click only: the page loads without it.
"use strict";
const META = JSON.parse(document.getElementById("report-meta").textContent);
let evidencePromise = null;

function loadEvidence() {
  if (!evidencePromise) {
    const b64 = document.getElementById("evidence-data").textContent.trim();
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    evidencePromise = new Response(stream).text().then(JSON.parse);
  }
  return evidencePromise;
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function formatNumber(value, unit) {
  if (unit === "vnd") {
    if (Math.abs(value) >= 1e9) return formatNumber(value / 1e9, "count") + " tỷ đồng";
    if (Math.abs(value) >= 1e6) return formatNumber(value / 1e6, "count") + " triệu đồng";
    return formatNumber(value, "count") + " đồng";
  }
  const text = value.toLocaleString("vi-VN", { maximumFractionDigits: 1 });
  return unit === "percent" ? text + "%" : text;
}

function mentionNode(evidence, mention) {
  const [docId, title, published, htmlIndex, qualifier, org] = mention;
  const box = el("div", "mention");
  const parts = [docId, title || "", published || ""].filter(Boolean);
  if (org) parts.push("tổ chức: " + org);
  if (qualifier) parts.push("từ ước lượng: " + qualifier);
  box.appendChild(el("div", "src", parts.join(" · ")));
  const sentence = el("div", "sentence");
  sentence.innerHTML = evidence.html[htmlIndex];  // displaCy markup, escaped by displaCy at build time
  box.appendChild(sentence);
  return box;
}

function showPanel(heading, fill) {
  const panel = document.getElementById("evidence");
  const body = document.getElementById("evidence-body");
  body.replaceChildren(el("h3", null, heading), el("p", "src", "đang mở…"));
  panel.hidden = false;
  return loadEvidence().then((evidence) => {
    body.replaceChildren(el("h3", null, heading));
    fill(evidence, body);
    panel.dataset.ready = "1";
  });
}

function showFacts(key) {
  const [scope, place, year, indicator, unit, status] = key.split("|");
  const heading = `${META.indicators[indicator] || indicator} · ${place} · ${year} · ${META.statuses[status] || status}`;
  return showPanel(heading, (evidence, body) => {
    const ids = evidence.cells[key] || [];
    if (!ids.length) body.appendChild(el("p", null, "Không tìm thấy câu nguồn cho ô này."));
    ids.map((id) => evidence.facts[id]).sort((a, b) => b.value - a.value).forEach((fact) => {
      const box = el("div", "fact");
      let line = (fact.hedged ? "≈ " : "") + formatNumber(fact.value, fact.unit) + " · kỳ " + (fact.period || "?");
      if (scope === "g") line += " · " + fact.province;
      line += ` · ${fact.n_articles} bài` + (fact.repeated ? " (số liệu lặp lại, chỉ tính một lần)" : "");
      box.appendChild(el("div", "fact-line", line));
      fact.mentions.forEach((m) => box.appendChild(mentionNode(evidence, m)));
      body.appendChild(box);
    });
  });
}

function showDirective(id) {
  return showPanel("Các câu trích dẫn " + id, (evidence, body) => {
    (evidence.directives[id] || []).forEach((m) => body.appendChild(mentionNode(evidence, m)));
  });
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a");
  if (!link) return;
  const href = link.getAttribute("href") || link.getAttribute("xlink:href") || "";
  if (href.startsWith("#ev=")) { event.preventDefault(); showFacts(decodeURIComponent(href.slice(4))); }
  else if (href.startsWith("#dv=")) { event.preventDefault(); showDirective(decodeURIComponent(href.slice(4))); }
});
document.getElementById("evidence-close").addEventListener("click", () => { document.getElementById("evidence").hidden = true; });
document.getElementById("group2025").addEventListener("change", (event) => {
  document.body.classList.toggle("g25", event.target.checked);
});
