// Vigil web UI: ingest progress and review buttons. Everything shown comes back from the API
// and is inserted with textContent, never as HTML.
"use strict";

function apiHeaders(extra) {
  const h = Object.assign({}, extra || {});
  const key = sessionStorage.getItem("vigil-api-key");
  if (key) h["X-Api-Key"] = key;
  return h;
}

async function problemText(res) {
  try { const p = await res.json(); return p.detail || p.title || res.statusText; } catch { return res.statusText; }
}

function addProgress(label) {
  const li = document.createElement("li");
  li.textContent = label;
  document.getElementById("progress").appendChild(li);
  return li;
}

async function follow(job, li, label) {
  for (;;) {
    const res = await fetch("/api/jobs/" + encodeURIComponent(job.id));
    if (!res.ok) { li.textContent = label + ": " + await problemText(res); return; }
    const j = await res.json();
    li.textContent = label + ": " + j.status + (j.progress ? " (" + j.progress + ")" : "") + (j.result ? " — " + j.result : "") + (j.error ? " — " + j.error : "");
    li.dataset.status = j.status;
    if (j.status === "done" || j.status === "failed") return;
    await new Promise(r => setTimeout(r, 500));
  }
}

async function submit(url, init, label) {
  const li = addProgress(label + ": sending");
  const res = await fetch(url, init);
  if (!res.ok) { li.textContent = label + ": " + await problemText(res); li.dataset.status = "error"; return; }
  await follow(await res.json(), li, label);
}

document.addEventListener("DOMContentLoaded", () => {
  const key = document.getElementById("api-key");
  if (key) {
    key.value = sessionStorage.getItem("vigil-api-key") || "";
    key.addEventListener("change", () => sessionStorage.setItem("vigil-api-key", key.value));
  }

  const upload = document.getElementById("upload-form");
  if (upload) upload.addEventListener("submit", e => {
    e.preventDefault();
    const files = document.getElementById("upload-files").files;
    if (!files.length) { addProgress("Choose one or more files first."); return; }
    const data = new FormData();
    for (const f of files) data.append("files", f, f.name);
    submit("/api/ingest/files", { method: "POST", body: data, headers: apiHeaders() }, "Upload of " + files.length + " file(s)");
  });

  const urls = document.getElementById("url-form");
  if (urls) urls.addEventListener("submit", e => {
    e.preventDefault();
    const list = document.getElementById("urls").value.split(/\s+/).filter(u => u.length > 0);
    if (!list.length) { addProgress("Paste at least one URL."); return; }
    submit("/api/ingest/urls", { method: "POST", body: JSON.stringify({ urls: list }), headers: apiHeaders({ "Content-Type": "application/json" }) }, "Ingest of " + list.length + " URL(s)");
  });

  const analyze = document.getElementById("analyze-form");
  if (analyze) analyze.addEventListener("submit", e => {
    e.preventDefault();
    submit("/api/analyze", { method: "POST", headers: apiHeaders() }, "Analysis");
  });

  for (const button of document.querySelectorAll("button.review")) {
    button.addEventListener("click", async () => {
      const reviewer = (document.getElementById("reviewer") || {}).value || "";
      if (!reviewer.trim()) { alert("Enter your name as reviewer first."); return; }
      const body = {
        entity: button.dataset.entity, list: button.dataset.list, list_id: button.dataset.listId,
        verdict: button.dataset.verdict, reviewer: reviewer, note: (document.getElementById("review-note") || {}).value || null,
      };
      const res = await fetch("/api/reviews", { method: "POST", body: JSON.stringify(body), headers: apiHeaders({ "Content-Type": "application/json" }) });
      if (!res.ok) { alert(await problemText(res)); return; }
      location.reload();
    });
  }
});
