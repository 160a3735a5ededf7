/**
 * The explorer's page: markup and styles only (the behaviour is the bundled script, /explorer.js, from src/serve/app/).
 * Everything is served by odc serve itself: no font, style or script from anywhere else.
 */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>odc explorer</title>
<style>
:root { --fg: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #fafbfc; --accent: #c0392b; font: 13px/1.4 system-ui, sans-serif; color: var(--fg); }
body { margin: 0; background: var(--bg); }
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 14px; border-bottom: 1px solid var(--line); background: #fff; }
header h1 { font-size: 15px; margin: 0 8px 0 0; }
.runs { display: flex; gap: 10px; flex-wrap: wrap; }
.answer-card { flex-basis: 100%; font-size: 12px; } .answer-card .lead { font-weight: 600; }
.answer-card table { width: auto; } .answer-card th, .answer-card td { padding: 0 6px 0 0; border: 0; text-align: left; white-space: normal; }
.answer-card th { color: var(--muted); font-weight: 600; } .answer-card ul { margin: 2px 0; }
.run-chip { display: inline-flex; gap: 4px; align-items: center; }
.swatch { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
.count { font-weight: 600; }
button, select { font: inherit; padding: 2px 8px; border: 1px solid var(--line); background: #fff; border-radius: 3px; cursor: pointer; }
button[aria-pressed="true"] { background: #1d2330; color: #fff; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 540px; gap: 10px; padding: 10px 14px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 8px; min-width: 0; }
section h2 { font-size: 13px; margin: 0 0 6px; color: var(--muted); font-weight: 600; }
#pc-section { grid-column: 1 / 3; }
#parcoords { position: relative; }
#parcoords canvas { display: block; }
.axis-bar { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.axis-bar label { white-space: nowrap; font-size: 11px; }
#scatter canvas { display: block; }
.scatter-bar { margin-bottom: 6px; } .scatter-bar select { max-width: 45%; }
#table-section { grid-column: 1 / 2; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 2px 6px; border-bottom: 1px solid #eef0f4; text-align: right; white-space: nowrap; }
td.l, th.l { text-align: left; }
th { background: #fff; font-weight: 600; }
.table-wrap { overflow-x: auto; }
.design-rows { display: inline-block; min-width: 100%; white-space: pre; font: 12px/1.6 "DejaVu Sans Mono", ui-monospace, monospace; }
.design-rows .head { font-weight: 600; border-bottom: 1px solid var(--line); }
.design-rows [data-key] { cursor: pointer; }
.design-rows [data-testid="design-row"] { cursor: pointer; border-bottom: 1px solid #eef0f4; }
.design-rows [data-testid="design-row"]:hover { background: #f2f5fa; }
.design-rows .selected { background: #fde8e6 !important; }
.design-rows .swatch { width: 1ch; height: 0.8em; vertical-align: -0.05em; }
.pager { display: flex; gap: 6px; align-items: center; margin-top: 6px; }
#budget-section { grid-column: 2 / 3; grid-row: 2 / 4; max-height: 1200px; overflow-y: auto; }
#budget table { margin-bottom: 8px; }
#budget td { white-space: normal; }
#budget h3 { font-size: 12px; margin: 8px 0 2px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
.muted { color: var(--muted); }
#sampled { display: none; } body[data-drawn="sample"] #sampled { display: inline; }
.bad { color: var(--accent); font-weight: 600; }
textarea { width: 100%; box-sizing: border-box; font: inherit; min-height: 60px; }
#messages { color: var(--accent); }
.axis-item { white-space: nowrap; font-size: 11px; } .axis-item select, .axis-item button { padding: 0 2px; font-size: 11px; }
.constant-note { font-size: 11px; }
.export { margin-left: auto; } .export button { padding: 0 5px; font-size: 11px; }
.front-count { cursor: help; } .info { vertical-align: -1px; }
#pick input[type="number"] { width: 5em; font: inherit; } #pick [data-testid="pick-result"] { flex-basis: 100%; }
.view-bar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 4px; }
.legend-item { display: inline-flex; gap: 3px; align-items: center; margin-right: 6px; font-size: 12px; }
#hover { position: absolute; z-index: 10; pointer-events: none; background: #fff; border: 1px solid var(--line); border-radius: 3px; padding: 4px 6px; font-size: 12px; box-shadow: 0 1px 4px rgba(0,0,0,0.15); }
#analysis-section { grid-column: 1 / 3; }
#analysis summary { cursor: pointer; font-weight: 600; }
#analysis h3 { font-size: 12px; margin: 10px 0 4px; }
#analysis h4 { font-size: 12px; margin: 6px 0 2px; } #analysis h5 { font-size: 12px; margin: 0; }
#analysis .plots, .analysis-slices { display: flex; flex-wrap: wrap; gap: 10px; }
#analysis figure { margin: 0; font-size: 11px; } #analysis svg text { font-size: 10px; fill: var(--muted); }
#analysis ol { margin: 2px 0; padding-left: 22px; font-size: 12px; }
.imp-name { display: inline-block; min-width: 150px; } .imp-bar { display: inline-block; height: 8px; background: #1f6fb4; margin-right: 4px; }
</style>
</head>
<body>
<header>
  <h1>odc explorer</h1>
  <div class="runs" id="runs"></div>
  <div><span class="count" data-testid="row-count" id="row-count">0</span> <span class="muted" id="row-total"></span></div>
  <div id="subset" role="group" aria-label="designs shown"></div>
  <button id="reset" type="button">clear brushes</button>
  <button type="button" data-export="csv" data-testid="export-csv" title="the kept designs' rows of evaluations.csv">export CSV</button>
  <span id="live" class="muted"></span>
  <span id="sampled" class="muted" data-testid="sampled" title="with most of a million designs to count afresh, the plots draw a sample of them first; the exact counts replace it as soon as they are counted">plots from a sample, counting the rest…</span>
  <span id="loading" class="muted" data-testid="loading" role="status"></span>
  <span id="messages"></span>
</header>
<main>
  <section id="pc-section"><h2>Parallel coordinates — drag along an axis to brush, click an axis to clear it; drag a label to move the axis</h2>
    <div class="view-bar"><span id="rescale" role="group" aria-label="rescale axes" title="designs beyond an axis's span are not drawn">axes span
      <button type="button" data-rescale="shown" aria-label="rescale axes to the designs shown" title="the subset shown: the front when all designs are">designs shown</button>
      <button type="button" data-rescale="data" aria-label="rescale axes to all data">all data</button>
      <button type="button" data-rescale="feasible" aria-label="rescale axes to the feasible designs">feasible</button>
      <button type="button" data-rescale="brushed" aria-label="rescale axes to the brushed designs">brushed</button>
      <button type="button" data-rescale="front" aria-label="rescale axes to the front">front</button></span>
      <label>colour by <select id="colour-by" data-testid="colour-by" aria-label="colour by"></select></label>
      <span id="colour-legend" data-testid="colour-legend"></span>
      <span class="export">export <button type="button" data-export="parcoords-svg" data-testid="export-parcoords-svg">SVG</button>
      <button type="button" data-export="parcoords-png" data-testid="export-parcoords-png">PNG</button></span></div>
    <div id="parcoords" data-testid="parcoords"></div><div class="axis-bar" id="axis-bar"></div></section>
  <section id="scatter-section"><h2>Scatter — the objectives pairwise, or any chosen pair; drag a box in a panel to brush both</h2>
    <div class="scatter-bar">x <select id="scatter-x" data-testid="scatter-x" aria-label="scatter x"></select>
      y <select id="scatter-y" data-testid="scatter-y" aria-label="scatter y"></select>
      <label id="band-bar" hidden>band <select id="scatter-band" data-testid="scatter-band" aria-label="attainment band"><option value="seeds">over the seeds</option><option value="draws">under the uncertain inputs</option><option value="none">none</option></select></label>
      <span class="export">export <button type="button" data-export="scatter-svg" data-testid="export-scatter-svg">SVG</button>
      <button type="button" data-export="scatter-png" data-testid="export-scatter-png">PNG</button></span></div>
    <div id="scatter" data-testid="scatter"></div><p id="spread" class="muted" data-testid="spread"></p></section>
  <section id="budget-section"><h2>Selected design</h2><div id="budget" data-testid="budget"><p class="muted">Click a design in the table or a line.</p></div></section>
  <section id="table-section"><h2>Designs</h2><div class="view-bar" id="pick" data-testid="pick"></div><div class="table-wrap" data-testid="design-table" id="design-table"></div>
    <div class="pager" id="pager"></div></section>
  <section id="analysis-section"><h2>Analysis</h2><div id="analysis"></div></section>
</main>
<div id="hover" data-testid="hover" hidden></div>
<script src="/explorer.js"></script>
</body>
</html>
`;
