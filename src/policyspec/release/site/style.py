"""The site's one stylesheet: calm, readable Chinese, system fonts only (nothing is fetched)."""

from __future__ import annotations

__all__ = ["STYLESHEET", "STYLESHEET_NAME"]

STYLESHEET_NAME = "site.css"

STYLESHEET = """\
:root {
  --ink: #24292f; --muted: #636c76; --line: #d8dee4; --paper: #fdfcf9; --panel: #f6f4ee;
  --goal: #3f8f5f; --principle: #8a4f9e; --measure: #3b6ea5; --indicator: #f3dc8a;
  --evidence: #b5651d; --excluded: #e4e2dc; --note: #b03a48; --section: #5f6b7a;
  --serif-zh: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", serif;
  --sans: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0; font: 16px/1.6 var(--sans); }
[lang="zh-Hans"] { font-family: var(--serif-zh); line-height: 1.8; }
[lang="en"] { font-family: var(--sans); }
a { color: #2f5f8f; text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
code {
  font: 0.85em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  color: var(--muted);
}
nav.top { padding: 0.6rem 1.5rem; border-bottom: 1px solid var(--line); background: #fff; }
nav.top a { font-weight: 600; color: var(--ink); }
main { max-width: 78rem; margin: 0 auto; padding: 1.5rem; }
footer {
  max-width: 78rem;
  margin: 2rem auto;
  padding: 0 1.5rem;
  color: var(--muted);
  font-size: 0.85rem;
}
h1 { font-size: 1.7rem; margin: 0.2rem 0; font-weight: 600; }
h1 .en, .title .en { display: block; font-size: 1rem; font-weight: 400; color: var(--muted); }
h2 { font-size: 1.2rem; margin: 1.8rem 0 0.6rem; font-weight: 600; }
h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; color: var(--muted); font-weight: 600; }
.lead { color: var(--muted); max-width: 48rem; }
.zh + .en { margin-left: 0.5em; color: var(--muted); font-size: 0.9em; }
h1 .zh + .en { margin-left: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; background: #fff; }
th, td {
  border-bottom: 1px solid var(--line);
  padding: 0.45rem 0.6rem;
  text-align: left;
  vertical-align: top;
}
th { font-weight: 600; color: var(--muted); background: var(--panel); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td .zh, td .en { display: block; margin: 0; }
table.documents th { font-size: 0.82rem; }
.about { display: block; color: var(--muted); font-size: 0.85rem; }
.topics .about { display: inline; }
.topics { columns: 18rem; padding-left: 1.2rem; }
.topics li { break-inside: avoid; }
.legend {
  list-style: none;
  padding: 0;
  display: flex;
  flex-wrap: wrap;
  gap: 0.4rem 1.4rem;
  font-size: 0.9rem;
}
svg.timeline {
  display: block;
  max-width: 100%;
  height: auto;
  background: #fff;
  border: 1px solid var(--line);
  border-radius: 6px;
}
svg.timeline text { font: 14px var(--sans); fill: var(--ink); }
svg.timeline text.year { font-weight: 700; text-anchor: end; fill: var(--muted); }
svg.timeline .due { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg.timeline .figure { fill: #2f5f8f; }
svg.timeline .axis { stroke: var(--line); stroke-width: 2; }
svg.timeline a:hover text { text-decoration: underline; }
dl.facts {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.25rem 1rem;
  margin: 1rem 0;
  font-size: 0.92rem;
}
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
dl.facts summary { color: var(--muted); font-size: 0.85rem; cursor: pointer; }
dl.facts ol.evidence { margin: 0.2rem 0 0.4rem; font-size: 0.88rem; }
.flag {
  margin-left: 0.5em;
  padding: 0 0.4em;
  border: 1px solid var(--evidence);
  border-radius: 3px;
  color: var(--evidence);
  font-size: 0.75rem;
}
.counts { color: var(--muted); font-size: 0.92rem; }
.key {
  display: flex;
  flex-wrap: wrap;
  gap: 0.3rem 1rem;
  font-size: 0.85rem;
  color: var(--muted);
  padding: 0;
  list-style: none;
}
.reading {
  display: grid;
  grid-template-columns: minmax(0, 44rem) minmax(0, 1fr);
  gap: 2rem;
  align-items: start;
}
.source {
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  font-size: 1.05rem;
  line-height: 1.9;
  background: #fff;
  padding: 1.5rem 1.8rem;
  border: 1px solid var(--line);
  border-radius: 6px;
}
.cards-pane {
  position: sticky;
  top: 0;
  max-height: 100vh;
  overflow-y: auto;
  padding: 0 0.3rem 40vh 0;
}
.cards-pane h2:first-child, .source-pane h2:first-child { margin-top: 0; }
@media (max-width: 60rem) {
  .reading { grid-template-columns: minmax(0, 1fr); }
  .cards-pane { position: static; max-height: none; overflow: visible; }
}
mark.hl {
  background: none;
  color: inherit;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
mark.hl-indicator { background: var(--indicator); border-radius: 2px; }
mark.hl-measure { border-bottom: 2px solid var(--measure); }
mark.hl-goal { border-bottom: 2px solid var(--goal); }
mark.hl-principle { border-bottom: 2px solid var(--principle); }
mark.hl-section { font-weight: 700; }
mark.hl-note {
  text-decoration: underline wavy var(--note);
  text-decoration-thickness: 1px;
  text-underline-offset: 0.35em;
}
mark.hl-evidence {
  text-decoration: underline dotted var(--evidence);
  text-decoration-thickness: 2px;
  text-underline-offset: 0.3em;
}
mark.hl-excluded { background: var(--excluded); color: #4a4f55; }
mark.hl:target { outline: 2px solid #e0a100; outline-offset: 1px; }
a.to-card { text-decoration: none; }
a.to-card::before {
  content: attr(data-label);
  font: 600 0.6rem/1 var(--sans);
  vertical-align: super;
  color: var(--muted);
  padding: 0 0.1em;
}
a.to-card:hover::before { color: #2f5f8f; }
.card {
  background: #fff;
  border: 1px solid var(--line);
  border-left: 4px solid var(--line);
  border-radius: 6px;
  padding: 0.6rem 0.9rem;
  margin: 0 0 0.8rem;
  font-size: 0.92rem;
}
.card:target { box-shadow: 0 0 0 3px #f0c75e; }
.card header { display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; }
.card .kind {
  text-transform: uppercase;
  letter-spacing: 0.05em;
  font-size: 0.7rem;
  color: var(--muted);
}
.card .back { margin-left: auto; font-size: 0.8rem; }
.card .missing { margin-left: auto; font-size: 0.8rem; color: var(--note); }
.card .what { margin: 0.3rem 0; }
.card .what .zh, .card .what .en { display: block; margin: 0; }
.card blockquote {
  margin: 0.4rem 0 0;
  padding: 0.2rem 0.7rem;
  border-left: 3px solid var(--line);
  color: var(--muted);
  font-size: 0.9rem;
}
.card dl {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.15rem 0.8rem;
  margin: 0.4rem 0;
}
.card dt { color: var(--muted); }
.card dd { margin: 0; }
.card .raw { display: block; color: var(--muted); font-size: 0.85em; }
.card ul.units, .card ol.evidence { margin: 0; padding-left: 1.1rem; }
.card-indicator { border-left-color: #e0b93a; }
.card-measure { border-left-color: var(--measure); }
.card-goal { border-left-color: var(--goal); }
.card-principle { border-left-color: var(--principle); }
.card-excluded { border-left-color: #b8b4aa; }
.card-note { border-left-color: var(--note); }
.card-section { border-left-color: var(--section); }
"""
