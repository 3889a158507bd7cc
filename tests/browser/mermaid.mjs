#!/usr/bin/env node
// The Mermaid test of `pathways export --format mermaid` (run by ctest as "mermaid").
//
// Mermaid's own parser is the judge, run where Mermaid runs: in headless Debian Chromium driven by
// playwright-core (never a downloaded browser), with the npm `mermaid` package's dist build.
// (In plain node, Mermaid cannot parse a labelled flowchart: its sanitiser needs a DOM.)
// For each export it checks that:
//   - mermaid.parse accepts it, as a flowchart;
//   - the parsed diagram has exactly the view's roles as vertices (with their names as labels),
//     its links as edges, one subgraph per level that holds a role, and one class per setting;
//   - mermaid.render draws it: an SVG with one node per role, showing hostile names as written
//     and running nothing;
// and, so this test can fail, that Mermaid rejects a broken flowchart.
//
// Usage: node tests/browser/mermaid.mjs --pathways BUILD/pathways --source REPO --out DIR
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const source = path.resolve(args.source ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../..'));
const pathways = args.pathways ?? path.join(source, 'build/pathways');
const out = path.resolve(args.out ?? path.join(source, 'build/tests/mermaid-artefacts'));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const mermaidJs = path.join(source, 'tests/browser/node_modules/mermaid/dist/mermaid.min.js');
fs.mkdirSync(out, { recursive: true });

let failures = 0, checks = 0;
function check(ok, what) {
  checks++;
  if (!ok) { failures++; console.error(`FAILED: ${what}`); }
  return ok;
}

/** The export, and what it must contain, from the JSON export of the same view. */
function exportCase(name, catalogue, view) {
  const run = (format) => execFileSync(pathways, ['export', path.join(source, catalogue), '--format', format,
    ...(view ? ['--view', view] : [])], { encoding: 'utf8' });
  const text = run('mermaid');
  fs.writeFileSync(path.join(out, `${name}.mmd`), text);
  const json = JSON.parse(run('json'));
  const levelIndex = new Map(json.levels.map((l, i) => [l.id, i]));
  const lowest = new Set(json.roles.map((r) => Math.min(...r.levels.map((l) => levelIndex.get(l)))));
  const settings = new Set(json.roles.flatMap((r) => r.settings));
  return {
    name, text,
    roles: json.roles.map((r) => r.name),
    links: json.roles.reduce((n, r) => n + r.progresses_to.length, 0),
    levels: lowest.size,
    settings: settings.size,
  };
}

const cases = [
  exportCase('minimal', 'tests/data/minimal-valid.yaml'),
  exportCase('ncl', 'data/ncl-career-pathways.yaml'),
  exportCase('ncl-primary', 'data/ncl-career-pathways.yaml', '{settings: [primary]}'),
  exportCase('ncl-from-hca', 'data/ncl-career-pathways.yaml', 'reachable_from: health-care-assistant'),
  exportCase('management', 'data/nhs-management-careers.yaml'),
  exportCase('hostile', 'tests/browser/hostile.yaml'),
];

if (!check(fs.existsSync(mermaidJs), `the npm mermaid package is installed (${mermaidJs}; scripts/install-deps runs npm ci)`) ||
    !check(fs.existsSync(chromiumPath), `Debian's Chromium is at ${chromiumPath}`)) process.exit(1);
const { chromium } = await import('playwright-core');
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-mermaid-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath, headless: true, timeout: 60000,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-extensions'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.setContent('<!doctype html><html><body><div id="box"></div></body></html>');
  await page.addScriptTag({ path: mermaidJs });
  await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));

  for (const c of cases) {
    const got = await page.evaluate(async (text) => {
      const result = {};
      try {
        result.type = (await window.mermaid.parse(text)).diagramType;
        const db = (await window.mermaid.mermaidAPI.getDiagramFromText(text)).db;
        const vertices = [...db.getVertices().values()];
        result.vertices = vertices.map((v) => v.text);
        result.edges = db.getEdges().length;
        result.subgraphs = db.getSubGraphs().length;
        result.classes = db.getClasses().size;
        const { svg } = await window.mermaid.render('diagram', text);
        document.querySelector('#box').innerHTML = svg;
        result.drawnNodes = document.querySelectorAll('#box g.node').length;
        result.drawnText = document.querySelector('#box').textContent;
        result.pwned = window.__pwned ?? null;
      } catch (e) {
        result.error = String(e.message ?? e);
      }
      return result;
    }, c.text);
    if (!check(!got.error, `${c.name}: Mermaid accepts the export (${got.error})`)) continue;
    check(got.type === 'flowchart-v2', `${c.name}: it is a flowchart (${got.type})`);
    check(got.vertices.length === c.roles.length, `${c.name}: ${c.roles.length} roles as vertices (${got.vertices.length})`);
    // Mermaid keeps entity codes (#quot; #35; ...) in the parsed text as its own placeholders
    // ("ﬂ°quot¶ß", "ﬂ°°35¶ß") and decodes them when drawing.
    const named = { quot: '"', amp: '&', lt: '<', gt: '>' };
    const decode = (t) => t.replace(/ﬂ°(°?)(\w+)¶ß/g, (m, numeric, e) => (numeric ? String.fromCodePoint(Number(e)) : named[e] ?? m));
    check(JSON.stringify(got.vertices.map(decode).sort()) === JSON.stringify([...c.roles].sort()),
      `${c.name}: the vertices' labels are the role names as written (${got.vertices.map(decode).filter((v) => !c.roles.includes(v)).join(" | ")})`);
    check(got.edges === c.links, `${c.name}: ${c.links} links as edges (${got.edges})`);
    check(got.subgraphs === c.levels, `${c.name}: one subgraph per level with roles: ${c.levels} (${got.subgraphs})`);
    check(got.classes === c.settings, `${c.name}: one class per setting: ${c.settings} (${got.classes})`);
    check(got.drawnNodes === c.roles.length, `${c.name}: the drawing has ${c.roles.length} nodes (${got.drawnNodes})`);
    check(c.roles.every((r) => got.drawnText.includes(r)), `${c.name}: every role name is drawn as written`);
    check(got.pwned === null, `${c.name}: nothing in the text ran (${got.pwned})`);
    console.log(`${c.name}: ${got.vertices.length} vertices, ${got.edges} edges, ${got.subgraphs} subgraphs, ${got.classes} classes`);
  }
  const broken = await page.evaluate(async () => {
    try { await window.mermaid.parse('flowchart LR\n  a["unclosed] --> b\n'); return 'accepted'; } catch (e) { return 'rejected'; }
  });
  check(broken === 'rejected', 'Mermaid rejects a broken flowchart (so this test can fail)');
  check(problems.length === 0, `no page errors (${problems.join('; ')})`);
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
if (failures) {
  console.error(`mermaid test: ${failures} of ${checks} checks FAILED; exports in ${out}`);
  process.exit(1);
}
console.log(`mermaid test: all ${checks} checks passed; exports in ${out}`);
