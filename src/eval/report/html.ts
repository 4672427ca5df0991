// report.html: one self-contained page (styles, charts and the trajectory browser inline; opens
// with no network): summary, per-task accuracy across runs, code use and code calls, and a
// browser of every episode's reasoning, code, outputs, verdict and stop reason.
import { escapeHtml, horizontalBars, RUN_COLOURS, verticalBars } from './svg.js';
import type { RunSummary } from './types.js';

const MAX_EPISODES_EMBEDDED = 3000;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Embeds JSON in a <script> safely (no `</script>` or `<!--` can end it early). */
function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function slimEpisodes(run: RunSummary): unknown[] {
  return run.episodes.slice(0, MAX_EPISODES_EMBEDDED).map((e) => ({
    id: e.id,
    taskId: e.taskId,
    correct: e.verdict.correct,
    outcome: e.verdict.outcome,
    detail: e.verdict.detail ?? null,
    stopReason: e.stopReason,
    codeCalls: e.codeCalls,
    answer: e.answer,
    question: e.question,
    error: e.error ?? null,
    turns: e.turns.map((t) => ({
      text: t.text,
      code: t.code ?? null,
      status: t.exec?.status ?? null,
      output: t.feedback ?? (t.exec ? t.exec.stdout + t.exec.stderr : null),
      discarded: t.discarded ?? null,
    })),
  }));
}

function summaryTable(runs: readonly RunSummary[]): string {
  const rows = runs.map((run, i) => {
    const m = run.metrics;
    const swatch = `<span class="swatch" style="background:${RUN_COLOURS[i % RUN_COLOURS.length]}"></span>`;
    const stops = escapeHtml(
      Object.entries(m.stopReasons)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    );
    return (
      `<tr><td>${swatch}${escapeHtml(run.label)}</td><td>${pct(m.meanAccuracy)}</td>` +
      `<td>${pct(m.meanPassAtK)} (k=${m.k})</td><td>${m.episodes}</td><td>${pct(m.codeUseRate)}</td>` +
      `<td>${m.meanCodeCalls.toFixed(2)}</td><td>${pct(m.selfCheckRate)}</td><td>${stops}</td></tr>`
    );
  });
  return (
    `<table class="summary"><thead><tr><th>run</th><th>mean accuracy over ` +
    `tasks</th><th>pass@k</th><th>episodes</th><th>code use</th><th>code calls</th><th>self-check</th><th>stop ` +
    `reasons</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function charts(runs: readonly RunSummary[]): string {
  const taskIds = [...new Set(runs.flatMap((run) => run.metrics.tasks.map((t) => t.taskId)))].sort();
  const accuracy = horizontalBars(
    taskIds,
    runs.map((run) => ({
      name: run.label,
      values: taskIds.map((id) => run.metrics.tasks.find((t) => t.taskId === id)?.accuracy ?? null),
    })),
    { max: 1, format: pct, title: 'accuracy per task' },
  );
  const codeUse = horizontalBars(
    taskIds,
    runs.map((run) => ({
      name: run.label,
      values: taskIds.map((id) => run.metrics.tasks.find((t) => t.taskId === id)?.codeUseRate ?? null),
    })),
    { max: 1, format: pct, title: 'code use per task' },
  );
  const maxCalls = Math.max(1, ...runs.map((run) => run.metrics.codeCallHistogram.length));
  const calls = verticalBars(
    Array.from({ length: maxCalls }, (_, i) => String(i)),
    runs.map((run) => ({
      name: run.label,
      values: Array.from({ length: maxCalls }, (_, i) => run.metrics.codeCallHistogram[i] ?? 0),
    })),
    { title: 'episodes by number of code calls', format: (v) => String(v) },
  );
  return (
    `<section><h2>Accuracy per task</h2>${accuracy}</section><section><h2>Code use per ` +
    `task</h2>${codeUse}</section><section><h2>Episodes by number of code calls</h2>${calls}</section>`
  );
}

const STYLE = `body{font:14px/1.45 \
system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}h1{font-size:22px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px \
8px;text-align:left}.swatch{display:inline-block;width:10px;height:10px;margin-right:6px}
#browser{display:grid;grid-template-columns:360px 1fr;gap:16px}#list{max-height:640px;overflow:auto;border:1px solid \
#ddd}#list div{padding:4px 8px;cursor:pointer;border-bottom:1px solid #eee;font-size:12px}
#list div.sel{background:#e8effc}.ok{color:#197a3a}.bad{color:#b3261e}pre{background:#f6f6f6;padding:8px;\
white-space:pre-wrap;word-break:break-word;max-height:400px;overflow:auto}
.turn{border-left:3px solid #3b6fd8;padding-left:10px;margin:10px \
0}.out{border-left-color:#888}.meta{color:#555;font-size:12px}`;

const SCRIPT = `(function(){var runs=JSON.parse(document.getElementById('episodes').textContent);\
var run=document.getElementById('run'),task=document.getElementById('task'),\
verdict=document.getElementById('verdict'),list=document.getElementById('list'),view=document.getElementById('view');
function esc(s){return \
String(s==null?'':s).replace(/[&<>"]/g,function(c){return{'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
runs.forEach(function(r,i){var o=document.createElement('option');o.value=i;o.textContent=r.label;run.appendChild(o);});
function episodes(){return runs[run.value].episodes;}
function fillTasks(){var ids={};episodes().forEach(function(e){ids[e.taskId]=1;});task.innerHTML='<option \
value="">all tasks</option>'+Object.keys(ids).sort().map(function(t){return '<option>'+esc(t)+'</option>';}).join('');}
function show(e,el){Array.prototype.forEach.call(list.children,function(c){c.classList.remove('sel');});\
if(el)el.classList.add('sel');
var h='<h3>'+esc(e.id)+'</h3><p class="meta">verdict: <b \
class="'+(e.correct?'ok':'bad')+'">'+esc(e.outcome)+'</b>'+(e.detail?' ('+esc(e.detail)+')':'')+' · stop reason: \
<b>'+esc(e.stopReason)+'</b> · code calls: '+e.codeCalls+' · answer: <code>'+esc(e.answer)+'</code></p>'+(e.error?'<p \
class="bad">error: '+esc(e.error)+'</p>':'')+'<h4>Question</h4><pre>'+esc(e.question)+'</pre>';
e.turns.forEach(function(t,i){h+='<div class="turn"><div class="meta">model, turn \
'+(i+1)+'</div><pre>'+esc(t.text)+'</pre>'+(t.discarded?'<div class="meta">discarded after the closed \
block:</div><pre>'+esc(t.discarded)+'</pre>':'')+'</div>';if(t.code!=null)h+='<div class="turn out"><div \
class="meta">execution: '+esc(t.status)+'</div><pre>'+esc(t.output)+'</pre></div>';});
view.innerHTML=h;}
function fill(){var t=task.value,v=verdict.value;list.innerHTML='';var shown=episodes().filter(function(e){return \
(!t||e.taskId===t)&&(!v||(v==='correct')===e.correct);});
shown.forEach(function(e){var d=document.createElement('div');d.innerHTML='<span \
class="'+(e.correct?'ok':'bad')+'">'+(e.correct?'✓':'✗')+'</span> '+esc(e.id)+' <span \
class="meta">'+esc(e.stopReason)+', '+e.codeCalls+' \
calls</span>';d.onclick=function(){show(e,d);};list.appendChild(d);});
document.getElementById('count').textContent=shown.length+' \
episodes';if(shown.length)show(shown[0],list.firstChild);else view.innerHTML='<p>No episodes match.</p>';}
run.onchange=function(){fillTasks();fill();};task.onchange=fill;verdict.onchange=fill;fillTasks();fill();})();`;

export type HtmlReportExtras = { title?: string; sectionsBefore?: string };

export function renderHtmlReport(runs: readonly RunSummary[], extras: HtmlReportExtras = {}): string {
  const title = extras.title ?? 'r1ci evaluation report';
  const data = runs.map((run) => ({ label: run.label, episodes: slimEpisodes(run) }));
  const truncated = runs.some((run) => run.episodes.length > MAX_EPISODES_EMBEDDED)
    ? `<p class="meta">Only the first ${MAX_EPISODES_EMBEDDED} episodes of each run are embedded; all are in ` +
      `episodes.jsonl.</p>`
    : '';
  return `<!doctype html><html lang="en"><head><meta \
charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(title)}</h1>${summaryTable(runs)}${extras.sectionsBefore ?? ''}${charts(runs)}
<section><h2>Trajectories</h2><p><label>run <select id="run"></select></label> <label>task <select \
id="task"></select></label> <label>verdict <select id="verdict"><option value="">all</option><option \
value="correct">correct</option><option value="wrong">wrong</option></select></label> <span id="count" \
class="meta"></span></p>${truncated}
<div id="browser"><div id="list"></div><div id="view"></div></div></section>
<script type="application/json" id="episodes">${embedJson(data)}</script><script>${SCRIPT}</script></body></html>
`;
}
