// The local console: two views over /_console/api (executions, one execution), refreshed by polling while
// anything runs. Everything is drawn with textContent except the graph, which the server renders as SVG
// (the graph command's MSAGL layout) with every name escaped.
"use strict";

const api = "/_console/api";
const pollMs = 1000;
const $ = (id) => document.getElementById(id);
let timer = null;
let selected = null;      // the state whose details are shown
let chosen = false;       // whether the reader picked it (else it follows the failed or running state)
let lastSvg = null;       // the graph drawn now: redrawn only when it changes, so focus stays put
let current = null;       // the execution shown (its ARN)
let currentData = null;   // and what the API said of it last
let graphMeasured = false;
let examples = [];
let lastList = null;      // the executions listed now, as JSON: the table is redrawn only when it changes

async function getJson(path) {
  const response = await fetch(api + path, { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

async function postJson(path, body) {
  const response = await fetch(api + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.message || response.statusText);
  return answer;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function badge(text, className) { return el("span", text, "badge " + className); }

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.round(seconds);
  if (s < 60) return (seconds < 10 && seconds % 1 !== 0 ? seconds.toFixed(1) : s) + " s";
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return (h ? h + " h " : "") + m + " min" + (r ? " " + r + " s" : "");
}

function elapsed(seconds) {
  const s = Math.round(seconds);
  const pad = (n) => String(n).padStart(2, "0");
  return "+" + pad(Math.floor(s / 3600)) + ":" + pad(Math.floor((s % 3600) / 60)) + ":" + pad(s % 60);
}

function time(iso) { return iso ? iso.replace("T", " ").replace(/\.\d+Z$/, " UTC") : "—"; }

function pretty(text) {
  if (text === null || text === undefined) return "—";
  try { return JSON.stringify(typeof text === "string" ? JSON.parse(text) : text, null, 2); } catch { return String(text); }
}

function live(message) { $("live").textContent = message; }

function schedule(fn) {
  clearTimeout(timer);
  timer = setTimeout(fn, pollMs);
}

// ---- executions list ----

async function showList() {
  $("execution-view").hidden = true;
  $("list-view").hidden = false;
  document.title = "Executions · OutpostServerless local console";
  current = null;
  lastList = null;
  await refreshList();
}

async function refreshList() {
  const status = $("status-filter").value;
  let data;
  try {
    data = await getJson("/executions" + (status ? "?status=" + encodeURIComponent(status) : ""));
  } catch (error) {
    live("Cannot list executions: " + error.message);
    schedule(refreshList);
    return;
  }
  if (location.hash.startsWith("#/executions/")) return; // the user moved on meanwhile
  fillMachines(data);
  const text = JSON.stringify(data.executions);
  if (text !== lastList) {
    lastList = text;
    keepFocus($("executions"), () => renderList(data));
  }
  const running = data.executions.filter((e) => e.status === "RUNNING").length;
  live(running ? running + " running" : "");
  schedule(refreshList);
}

function renderList(data) {
  const body = $("executions").tBodies[0];
  body.replaceChildren(...data.executions.map((e) => {
    const row = el("tr");
    row.dataset.status = e.status;
    const name = el("td");
    const link = el("a", e.name);
    link.href = "#/executions/" + encodeURIComponent(e.executionArn);
    link.dataset.key = e.executionArn;
    name.append(link);
    const status = el("td");
    status.append(badge(e.status, "s-" + e.status));
    row.append(name, el("td", e.stateMachineName), status, el("td", time(e.startDate)), el("td", duration(e.durationSeconds)));
    return row;
  }));
  $("no-executions").hidden = data.executions.length > 0;
}

// Polling redraws tables: whatever had the keyboard focus in one gets it back in the new rows (by its data-key).
function keepFocus(container, render) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  render();
  if (key !== undefined) {
    const again = [...container.querySelectorAll("[data-key]")].find((node) => node.dataset.key === key);
    if (again) again.focus({ preventScroll: true });
  }
}

function fillMachines(data) {
  const machine = $("machine");
  if (machine.options.length) return;
  for (const m of data.stateMachines) {
    const option = el("option", m.name);
    option.value = m.arn;
    option.selected = m.arn === data.provisionStateMachineArn;
    machine.append(option);
  }
}

async function loadExamples() {
  examples = await getJson("/examples");
  const select = $("example");
  select.replaceChildren(...examples.map((x, i) => { const o = el("option", x.name); o.value = String(i); return o; }));
  const preferred = examples.findIndex((x) => x.name === "web-service");
  if (preferred >= 0) select.value = String(preferred);
  fillExample();
}

function fillExample() {
  const example = examples[Number($("example").value)];
  if (example) $("request").value = JSON.stringify(example.request, null, 2);
}

async function start(event) {
  event.preventDefault();
  $("start-error").textContent = "";
  let input;
  try {
    input = JSON.parse($("request").value);
  } catch (error) {
    $("start-error").textContent = "Input: not JSON (" + error.message + "). Fix: paste a request such as an example.";
    $("request").focus();
    return;
  }
  const name = $("execution-name").value.trim();
  try {
    const started = await postJson("/executions", { stateMachineArn: $("machine").value, name: name || undefined, input });
    location.hash = "#/executions/" + encodeURIComponent(started.executionArn);
  } catch (error) {
    $("start-error").textContent = error.message;
  }
}

// ---- one execution ----

async function showExecution(arn) {
  $("list-view").hidden = true;
  $("execution-view").hidden = false;
  if (current !== arn) {
    current = arn;
    selected = null;
    chosen = false;
    lastSvg = null;
    $("graph").replaceChildren();
    $("execution-title").textContent = "Loading…";
  }
  performance.mark("execution-requested");
  await refreshExecution(arn);
  $("execution-title").focus({ preventScroll: true });
}

async function refreshExecution(arn) {
  let data;
  try {
    data = await getJson("/execution?arn=" + encodeURIComponent(arn));
  } catch (error) {
    $("execution-title").textContent = "Cannot show the execution: " + error.message;
    return;
  }
  if (current !== arn) return;
  renderExecution(data);
  if (data.execution.status === "RUNNING") schedule(() => refreshExecution(arn));
  else clearTimeout(timer);
}

function renderExecution(data) {
  const e = data.execution;
  document.title = e.name + " · OutpostServerless local console";
  const title = $("execution-title");
  title.textContent = e.name + " ";
  title.tabIndex = -1;
  title.append(badge(e.status, "s-" + e.status));
  live(e.status === "RUNNING" ? e.name + " is running" : e.name + " " + e.status.toLowerCase());

  const summary = [["State machine", e.stateMachineName], ["Execution ARN", e.executionArn], ["Started", time(e.startDate)],
    ["Stopped", time(e.stopDate)], ["Duration", duration(e.durationSeconds) + " on the world's clock"], ["Provisioning id", data.provisioningId]];
  if (e.error) summary.push(["Error", e.error]);
  if (e.cause) summary.push(["Cause", e.cause]);
  $("execution-summary").replaceChildren(...summary.flatMap(([k, v]) => [el("dt", k), el("dd", v)]));

  const teardown = $("teardown");
  teardown.hidden = !data.resources.length;
  teardown.textContent = "Tear down provisioning " + data.provisioningId;
  teardown.className = "danger";
  teardown.dataset.provisioningId = data.provisioningId;

  drawGraph(data);
  keepFocus($("states"), () => $("states").tBodies[0].replaceChildren(...data.states.map((s) => {
    const row = el("tr");
    row.dataset.state = s.name;
    if (s.name === selected) row.className = "selected";
    const name = el("td");
    const button = el("button", s.name, "link");
    button.type = "button";
    button.dataset.key = s.name;
    button.addEventListener("click", () => select(s.name));
    name.append(button);
    const outcome = el("td");
    outcome.append(badge(outcomeLabel(s.outcome), "o-" + s.outcome));
    row.append(name, el("td", s.type), outcome, el("td", s.retries), el("td", elapsed((Date.parse(s.enteredAt) - Date.parse(e.startDate)) / 1000)), el("td", duration(s.durationSeconds)));
    return row;
  })));

  $("resources-caption").textContent = "Resources tagged with provisioning id " + data.provisioningId + " (" + data.resources.length + ")";
  $("resources").tBodies[0].replaceChildren(...(data.resources.length ? data.resources.map((r) => {
    const row = el("tr");
    row.append(el("td", r.type), el("td", r.id, "id"), el("td", r.step || "—"));
    return row;
  }) : [(() => { const row = el("tr"); const cell = el("td", "None in the emulated account.", "muted"); cell.colSpan = 3; row.append(cell); return row; })()]));

  $("history-summary").textContent = "History events (" + data.history.length + ")";
  $("history").tBodies[0].replaceChildren(...data.history.map((h) => {
    const detail = Object.entries(h).find(([k]) => k.endsWith("EventDetails"));
    const details = detail ? detail[1] : {};
    const row = el("tr");
    row.append(el("td", h.id), el("td", h.type), el("td", details.name || ""), el("td", elapsed(h.elapsedSeconds)), el("td", details.error || ""));
    return row;
  }));

  currentData = data;
  if (!chosen) {
    // Until the reader picks a state, show where the execution failed or is now.
    const notable = data.states.find((s) => s.outcome === "Failed") || data.states.find((s) => s.outcome === "Waiting");
    if ((notable ? notable.name : null) !== selected) select(notable ? notable.name : null, false);
  }
  showStep();
}


function outcomeLabel(outcome) { return outcome === "NotRun" ? "not run" : outcome === "Waiting" ? "in progress" : outcome.toLowerCase(); }

function drawGraph(data) {
  const graph = $("graph");
  if (data.graphSvg === lastSvg) return;
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.state : null;
  lastSvg = data.graphSvg;
  graph.innerHTML = data.graphSvg || "";
  const svg = graph.querySelector("svg");
  if (svg) {
    // Scaled to the panel by its viewBox; a group, not an image, since its states are buttons.
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("role", "group");
  }
  const nodes = [...graph.querySelectorAll("g[data-state]")];
  nodes.forEach((node, index) => {
    const name = node.dataset.state;
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    // The accessible name starts with the words drawn in the box (WCAG 2.5.3, label in name), then the outcome.
    const drawn = [...node.querySelectorAll("text")].map((t) => t.textContent).join(" ");
    node.setAttribute("aria-label", drawn + ", " + outcomeLabel(node.dataset.outcome));
    node.setAttribute("aria-pressed", String(name === selected));
    node.addEventListener("click", () => select(name));
    node.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(name); }
      const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
      if (step) { event.preventDefault(); nodes[(index + step + nodes.length) % nodes.length].focus(); }
    });
    if (name === focused) node.focus({ preventScroll: true });
  });
  if (!graphMeasured && nodes.length) {
    graphMeasured = true;
    performance.mark("graph-rendered");
    performance.measure("graph-render", "execution-requested", "graph-rendered");
  }
}

function select(name, byReader = true) {
  selected = name;
  chosen = chosen || byReader;
  for (const node of $("graph").querySelectorAll("g[data-state]")) node.setAttribute("aria-pressed", String(node.dataset.state === name));
  for (const row of $("states").tBodies[0].rows) row.classList.toggle("selected", row.dataset.state === name);
  showStep();
}

function showStep() {
  const state = currentData && currentData.states.find((s) => s.name === selected);
  $("step-empty").hidden = !!state;
  $("step-body").hidden = !state;
  if (!state) {
    $("step-title").textContent = "Step details";
    return;
  }
  $("step-title").textContent = "Step details: " + state.name;
  const start = Date.parse(currentData.execution.startDate);
  $("step-summary").replaceChildren(...[["Type", state.type || "—"], ["Outcome", outcomeLabel(state.outcome)], ["Retries", state.retries], ["Visits", state.visits],
    ["Entered", elapsed((Date.parse(state.enteredAt) - start) / 1000)], ["Duration", duration(state.durationSeconds)]].flatMap(([k, v]) => [el("dt", k), el("dd", v)]));
  $("step-error-box").hidden = !state.error;
  $("step-error-title").textContent = state.outcome === "Retried" ? "Last failed attempt (retried)" : state.outcome === "Caught" ? "Error (caught)" : "Error";
  $("step-error").textContent = state.error || "";
  $("step-cause").textContent = pretty(state.cause);
  $("step-input").textContent = pretty(state.input);
  $("step-output").textContent = pretty(state.output);
}

async function tearDown() {
  const id = $("teardown").dataset.provisioningId;
  $("teardown-error").textContent = "";
  try {
    const started = await postJson("/teardowns", { provisioningId: id });
    location.hash = "#/executions/" + encodeURIComponent(started.executionArn);
  } catch (error) {
    $("teardown-error").textContent = error.message;
  }
}

function route() {
  clearTimeout(timer);
  const match = location.hash.match(/^#\/executions\/(.+)$/);
  if (match) showExecution(decodeURIComponent(match[1]));
  else showList();
}

document.addEventListener("DOMContentLoaded", () => {
  $("start-form").addEventListener("submit", start);
  $("example").addEventListener("change", fillExample);
  $("status-filter").addEventListener("change", () => { clearTimeout(timer); refreshList(); });
  $("teardown").addEventListener("click", tearDown);
  window.addEventListener("hashchange", route);
  loadExamples().catch((error) => { $("start-error").textContent = "Cannot read the examples: " + error.message; });
  route();
});
