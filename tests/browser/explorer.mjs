#!/usr/bin/env node
// The browser test of the career pathway explorer (run by ctest as "explorer").
//
// Renders each explorer page with the built CLI (`pathways render CATALOGUE -o NAME.html`), opens
// it from file:// in Debian's headless Chromium (playwright-core, never a downloaded browser) with
// the network off, and drives it like a careers adviser would, by mouse and by keyboard. It checks:
//   - no request leaves the page (any request but the file itself fails), no console error, no
//     Content-Security-Policy violation, and the page is under its size budget and quick to be usable;
//   - every role of the catalogue is a card in the list and a box on the map;
//   - search (with a typo), the setting and level filters (list and map together), selecting a role
//     from the list and from the map (card opens, map emphasises it and its neighbours), pan and zoom;
//   - the route finder's routes equal `pathways route --format json`'s for many pairs, in the page's
//     own rule and through its form; deep links (#role=, #route=, #story=); stories; ways in
//     (entry routes: listed, shown on the map, named on their roles' cards);
//   - a hostile catalogue displays as written and runs nothing;
//   - axe-core finds no serious or critical accessibility violation;
//   - screenshots at 390 and 1280 px and a printed route (PDF) are kept as artefacts.
//
// Usage: node tests/browser/explorer.mjs --pathways BUILD/pathways --source REPO --out DIR
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const started = Date.now();
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const source = path.resolve(args.source ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../..'));
const pathways = args.pathways ?? path.join(source, 'build/pathways');
const out = path.resolve(args.out ?? path.join(source, 'build/tests/explorer-artefacts'));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const kBudgetBytes = 300 * 1024;   // the NCL explorer
const kInteractiveMs = 1000;

let failures = 0, checks = 0;
function check(ok, what) {
  checks++;
  if (!ok) { failures++; console.error(`FAILED: ${what}`); }
  return ok;
}
const log = (m) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);
const figures = {};  // measured numbers, printed at the end

// ------------------------------------------------------------------ pages, made by the CLI
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const style = path.join(source, 'styles/nhs.yaml');
const explorers = [
  { name: 'ncl', catalogue: 'data/ncl-career-pathways.yaml' },
  { name: 'management', catalogue: 'data/nhs-management-careers.yaml' },
  { name: 'hostile', catalogue: 'tests/browser/hostile.yaml' },
];
for (const e of explorers) {
  e.file = path.join(out, `${e.name}.html`);
  e.catalogueFile = path.join(source, e.catalogue);
  execFileSync(pathways, ['render', e.catalogueFile, '--style', style, '-o', e.file], { stdio: ['ignore', 'ignore', 'inherit'] });
  const json = path.join(out, `${e.name}.json`);
  execFileSync(pathways, ['export', e.catalogueFile, '--format', 'json', '-o', json], { stdio: ['ignore', 'ignore', 'inherit'] });
  e.data = JSON.parse(fs.readFileSync(json, 'utf8'));
  e.bytes = fs.statSync(e.file).size;
  figures[`${e.name} size`] = `${(e.bytes / 1024).toFixed(1)} KB`;
}
check(explorers[0].bytes < kBudgetBytes, `the NCL explorer is under 300 KB (${explorers[0].bytes} bytes)`);
// Same inputs, same bytes.
{
  const again = path.join(out, 'ncl-again.html');
  execFileSync(pathways, ['render', explorers[0].catalogueFile, '--style', style, '--id-prefix', 'ncl', '-o', again], { stdio: 'ignore' });
  check(fs.readFileSync(again).equals(fs.readFileSync(explorers[0].file)), 'rendering the explorer twice gives the same bytes');
  fs.rmSync(again);
}
log('rendered the explorers with the CLI');

/** `pathways route CATALOGUE FROM TO --format json`'s routes, as lists of role ids. */
function libraryRoutes(catalogue, from, to) {
  const r = spawnSync(pathways, ['route', catalogue, from, to, '--format', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout);
  return { routes: report.routes.map((route) => route.roles.map((role) => role.id)), cut: report.cut };
}

// ------------------------------------------------------------------ the browser
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  console.error(`FAILED: cannot load playwright-core (run scripts/install-deps, which runs npm ci): ${e.message}`);
  process.exit(1);
}
const require = createRequire(import.meta.url);  // node_modules beside this file or in a folder above it
let axeSource;
try {
  axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
  console.error(`FAILED: cannot find axe-core (run scripts/install-deps, which runs npm ci): ${e.message}`);
  process.exit(1);
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-explorer-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  offline: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-extensions', '--font-render-hinting=none',
    '--host-resolver-rules=MAP * ~NOTFOUND'],
  viewport: { width: 1280, height: 900 },
  deviceScaleFactor: 1,
  timeout: 60000,
});
// Any request the page makes over the network fails (and is counted below).
await context.route(/^(https?|wss?|ftp):/, (route) => route.abort('internetdisconnected'));
// CSP violations, recorded before the page's own script runs (init scripts are not bound by the CSP).
await context.addInitScript(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
});
log('Chromium started, network off');

const page = context.pages()[0] ?? await context.newPage();
let requests = [], problems = [];
page.on('request', (r) => requests.push(r.url()));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push(String(e)));

/** Opens an explorer (optionally at a fragment) and waits until its script has run. */
async function open(e, fragment = '') {
  requests = [];
  problems = [];
  const url = `file://${e.file}${fragment}`;
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 5000 }).catch(() => {});
  const ready = await page.evaluate(() => document.documentElement.dataset.ready === 'true');
  check(ready, `${e.name}${fragment}: the page's script ran`);
  return url;
}
async function cleanLoad(e, url) {
  for (const r of requests) check(r === url.split('#')[0] || r === url, `${e.name}: no request beyond the file itself (${r})`);
  check(problems.length === 0, `${e.name}: no console errors or warnings (${problems.join(' | ')})`);
  const violations = await page.evaluate(() => window.__violations);
  check(violations.length === 0, `${e.name}: no Content-Security-Policy violation (${violations.join(' | ')})`);
}
const visibleCards = () => page.evaluate(() =>
  [...document.querySelectorAll('.card')].filter((c) => c.offsetParent !== null).map((c) => c.dataset.role));
const viewBox = () => page.evaluate(() => document.querySelector('#map svg').getAttribute('viewBox').split(' ').map(Number));

try {
  // ---------------------------------------------------------------- loads clean, quick, complete
  for (const e of explorers) {
    const url = await open(e);
    await cleanLoad(e, url);
    const seen = await page.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
      ready: performance.getEntriesByName('explorer-ready')[0]?.startTime ?? Infinity,
      cards: Object.fromEntries([...document.querySelectorAll('.card')].map((c) => [c.dataset.role, c.querySelector('.name').textContent])),
      nodes: [...document.querySelectorAll('#map svg g.node')].flatMap((g) => [...g.classList].filter((c) => c.startsWith('role-')).map((c) => c.slice(5))),
      styled: getComputedStyle(document.querySelector('#map svg g.node rect')).fill,
      landmarks: ['header', 'main', 'footer'].every((t) => document.querySelector(t)),
    }));
    check(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-/.test(seen.csp), `${e.name}: a strict CSP (${seen.csp.slice(0, 80)})`);
    check(seen.styled !== 'rgb(0, 0, 0)', `${e.name}: the map's own style sheet applies under the CSP (fill ${seen.styled})`);
    check(seen.landmarks, `${e.name}: header, main and footer landmarks`);
    // Time to interactive: from navigation to the end of the page's script, on the first (cold)
    // load and on a second one.
    await open(e);
    const warm = await page.evaluate(() => performance.getEntriesByName('explorer-ready')[0]?.startTime ?? Infinity);
    figures[`${e.name} interactive`] = `${seen.ready.toFixed(0)} ms first load, ${warm.toFixed(0)} ms again`;
    check(seen.ready < kInteractiveMs && warm < kInteractiveMs, `${e.name}: interactive in under 1 s (${seen.ready.toFixed(0)}, ${warm.toFixed(0)} ms)`);
    for (const role of e.data.roles) {
      check(seen.cards[role.id] === role.name, `${e.name}: ${role.id} has a card named as written ("${seen.cards[role.id]}")`);
      check(seen.nodes.includes(role.id), `${e.name}: ${role.id} is on the map`);
    }
    check(Object.keys(seen.cards).length === e.data.roles.length, `${e.name}: one card per role`);
  }
  log('each explorer loads from file:// with no request, no error, every role in list and map');

  const [ncl, management, hostile] = explorers;
  // ---------------------------------------------------------------- search and filters
  await open(ncl);
  const all = ncl.data.roles.length;
  await page.fill('#search', 'phlebotomy');
  let shown = await visibleCards();
  check(shown.includes('phlebotomist') && shown.length < all, `"phlebotomy" finds the phlebotomist (${shown.join(', ')})`);
  await page.fill('#search', 'nursing asociate');
  shown = await visibleCards();
  check(shown.includes('nursing-associate') || shown.some((id) => id.includes('nursing-associate')), `a typo ("asociate") still finds the nursing associate (${shown})`);
  await page.fill('#search', 'zzqx');
  check((await visibleCards()).length === 0 && await page.isVisible('#no-match'), 'a search that matches nothing says so');
  await page.click('#clear');
  check((await visibleCards()).length === all, 'clearing shows every role again');
  for (const s of ncl.data.settings) {
    // Keep only this setting: the list and the map show exactly its roles.
    for (const other of ncl.data.settings) await page.setChecked(`#setting-${other.id}`, other.id === s.id);
    const expected = ncl.data.roles.filter((r) => r.settings.includes(s.id)).map((r) => r.id).sort();
    shown = (await visibleCards()).sort();
    check(JSON.stringify(shown) === JSON.stringify(expected), `setting filter ${s.id}: the list shows its ${expected.length} roles (${shown.length})`);
    const dimmed = await page.evaluate(() => [...document.querySelectorAll('#map svg g.node.out')].map((g) => g.dataset.role));
    check(ncl.data.roles.every((r) => dimmed.includes(r.id) === !expected.includes(r.id)), `setting filter ${s.id}: the map dims the others`);
  }
  await page.click('#clear');
  for (const l of ncl.data.levels) {
    await page.selectOption('#level-filter', l.id);
    const expected = ncl.data.roles.filter((r) => r.levels.includes(l.id)).map((r) => r.id).sort();
    shown = (await visibleCards()).sort();
    check(JSON.stringify(shown) === JSON.stringify(expected), `level filter ${l.id}: the list shows its ${expected.length} roles (${shown.length})`);
  }
  await page.click('#clear');
  log('search and filters');

  // ---------------------------------------------------------------- selecting a role: list, map
  const withBoth = ncl.data.roles.find((r) => r.progresses_to?.length && ncl.data.roles.some((o) => o.progresses_to?.includes(r.id)));
  const emphasis = () => page.evaluate(() => ({
    on: document.querySelector('#map svg').classList.contains('emphasis'),
    self: [...document.querySelectorAll('#map svg g.node.em-self')].map((g) => g.dataset.role),
    em: [...new Set([...document.querySelectorAll('#map svg g.node.em')].map((g) => g.dataset.role))],
    edges: document.querySelectorAll('#map svg g.edge.em').length,
    hash: location.hash,
    open: [...document.querySelectorAll('.card[open]')].map((c) => c.dataset.role),
  }));
  const neighbours = (r) => new Set([r.id, ...(r.progresses_to ?? []), ...ncl.data.roles.filter((o) => o.progresses_to?.includes(r.id)).map((o) => o.id)]);
  const before = await viewBox();
  await page.click(`#card-${withBoth.id} > summary`);
  // The card's toggle event comes after the click, in its own task.
  await page.waitForFunction((id) => location.hash === `#role=${id}`, withBoth.id, { timeout: 3000 }).catch(() => {});
  let em = await emphasis();
  check(em.on && em.self.includes(withBoth.id) && em.open.includes(withBoth.id) && em.hash === `#role=${withBoth.id}`,
    `clicking ${withBoth.id}'s card opens it, emphasises it on the map and links to it (${JSON.stringify(em).slice(0, 200)})`);
  check(JSON.stringify(em.em.sort()) === JSON.stringify([...neighbours(withBoth)].sort()) && em.edges > 0,
    `the map emphasises where ${withBoth.id} leads and comes from (${em.em})`);
  check(JSON.stringify(await viewBox()) !== JSON.stringify(before), 'the map moves to the selected role');
  // Its card lists progressions as links; following one selects that role.
  const next = withBoth.progresses_to[0];
  await page.click(`#card-${withBoth.id} .links a[data-role="${next}"]`);
  await page.waitForFunction((id) => location.hash === `#role=${id}`, next);
  em = await emphasis();
  check(em.self.includes(next) && em.open.includes(next), `"Progression available to" ${next} selects it`);
  // Clicking a box on the map selects its role.
  await page.click('#zoom-fit');
  const target = ncl.data.roles.find((r) => r.url) ?? ncl.data.roles[0];
  const box = await page.locator(`#map svg g.node.role-${target.id} rect`).first().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((id) => location.hash === `#role=${id}`, target.id, { timeout: 3000 }).catch(() => {});
  // The hash changes first and the page redraws after it: on a loaded machine, give it up to 3 s.
  for (let i = 0; i < 30; i++) {
    em = await emphasis();
    if (em.self.includes(target.id) && em.open.includes(target.id)) break;
    await page.waitForTimeout(100);
  }
  check(em.self.includes(target.id) && em.open.includes(target.id) && page.url().startsWith('file:'),
    `clicking ${target.id} on the map selects it, and does not follow its link (${em.hash})`);
  // The card: settings as chips, and "Find out more" only with a safe url.
  const cardText = await page.evaluate((id) => {
    const c = document.getElementById(`card-${id}`);
    return { chips: [...c.querySelectorAll('.chip')].map((x) => x.textContent), more: c.querySelector('a.more')?.getAttribute('href') ?? null };
  }, target.id);
  check(cardText.chips.length === target.settings.length, `${target.id}'s card shows its settings as chips (${cardText.chips})`);
  check(cardText.more === (target.url ?? null), `${target.id}'s "Find out more" is its url (${cardText.more})`);
  // Pan and zoom by mouse.
  await page.click('#zoom-fit');
  const home = await viewBox();
  const mapBox = await page.locator('#map').boundingBox();
  await page.mouse.move(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
  await page.mouse.wheel(0, -400);
  let vb = await viewBox();
  check(vb[2] < home[2], `the mouse wheel zooms in (width ${home[2]} -> ${vb[2]})`);
  await page.mouse.move(mapBox.x + 100, mapBox.y + 100);
  await page.mouse.down();
  await page.mouse.move(mapBox.x + 250, mapBox.y + 180, { steps: 5 });
  await page.mouse.up();
  const dragged = await viewBox();
  check(dragged[0] < vb[0] && dragged[1] < vb[1], `dragging pans the map (${vb.slice(0, 2)} -> ${dragged.slice(0, 2)})`);
  // A pinch (two touch pointers moving apart) zooms in.
  await page.click('#zoom-fit');
  const pinched = await page.evaluate(() => {
    const map = document.getElementById('map');
    const r = map.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const fire = (type, id, x) => map.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: cy, bubbles: true }));
    const width = () => Number(map.querySelector('svg').getAttribute('viewBox').split(' ')[2]);
    const before = width();
    fire('pointerdown', 1, cx - 20); fire('pointerdown', 2, cx + 20);
    for (let d = 30; d <= 100; d += 10) { fire('pointermove', 1, cx - d); fire('pointermove', 2, cx + d); }
    fire('pointerup', 1, cx - 100); fire('pointerup', 2, cx + 100);
    return { before, after: width() };
  });
  check(pinched.after < pinched.before * 0.5, `a pinch zooms in (width ${pinched.before} -> ${pinched.after})`);
  log('selecting roles from list and map, pan and zoom by mouse and touch');

  // ---------------------------------------------------------------- keyboard only
  await open(ncl);
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.classList.contains('skip')), 'the first Tab reaches "Skip to the roles"');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.id === 'search'), 'the next Tab reaches the search box');
  await page.keyboard.type('phlebotomist');
  check((await visibleCards()).includes('phlebotomist'), 'typing searches');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.type === 'checkbox'), 'Tab reaches the setting filters');
  await page.keyboard.press('Space');
  check(await page.evaluate(() => !document.activeElement.checked), 'Space turns a setting filter off');
  await page.keyboard.press('Space');
  await page.focus('#map');
  await page.keyboard.press('0');
  const k0 = await viewBox();
  await page.keyboard.press('+');
  const k1 = await viewBox();
  await page.keyboard.press('ArrowRight');
  const k2 = await viewBox();
  await page.keyboard.press('0');
  check(k1[2] < k0[2] && k2[0] > k1[0] && JSON.stringify(await viewBox()) === JSON.stringify(k0), 'the map zooms (+), pans (arrows) and fits (0) by keyboard');
  await page.focus('#card-phlebotomist > summary');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#role=phlebotomist', null, { timeout: 3000 }).catch(() => {});
  em = await emphasis();
  check(em.self.includes('phlebotomist') && em.open.includes('phlebotomist'), 'Enter on a card opens it and selects the role');
  // Focus is visible: the focused element draws an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(outline !== 'none', `focus is visible (outline ${outline})`);
  log('keyboard: skip link, search, filters, map, cards');

  // ---------------------------------------------------------------- the route finder vs the library
  for (const e of [ncl, management]) {
    await open(e);
    // A deterministic spread of pairs: 30 the page finds routes for, 10 it finds none for (and
    // the library must agree on both), so the check covers one-step, long and many-route answers.
    const { withRoutes, without } = await page.evaluate(() => {
      const ids = JSON.parse(document.getElementById('data').textContent).roles.map((r) => r.id);
      const withRoutes = [], without = [];
      for (const a of ids) for (const b of ids) if (a !== b) (window.pathwaysExplorer.findRoutes(a, b).routes.length ? withRoutes : without).push([a, b]);
      return { withRoutes, without };
    });
    const spread = (list, n) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
    const pairs = [...spread(withRoutes, 30), ...spread(without, 10)];
    figures[`${e.name} pairs with a route`] = `${withRoutes.length} of ${withRoutes.length + without.length}`;
    let found = 0;
    for (const [from, to] of pairs) {
      const mine = await page.evaluate(([f, t]) => window.pathwaysExplorer.findRoutes(f, t), [from, to]);
      const theirs = libraryRoutes(e.catalogueFile, from, to);
      if (!check(JSON.stringify(mine.routes) === JSON.stringify(theirs.routes) && mine.cut === theirs.cut,
        `${e.name}: routes ${from} -> ${to} match pathways route (${JSON.stringify(mine.routes).slice(0, 120)} vs ${JSON.stringify(theirs.routes).slice(0, 120)})`)) continue;
      if (mine.routes.length) found++;
    }
    check(found >= 25, `${e.name}: at least 25 of the compared pairs have routes (${found} of ${pairs.length})`);
    figures[`${e.name} route pairs compared`] = `${pairs.length} (${found} with routes)`;
  }
  // Through the form, by keyboard: choose From and To, press the button.
  await open(ncl);
  const pair = (() => {
    for (const a of ncl.data.roles) for (const b of ncl.data.roles) {
      if (a === b) continue;
      const r = libraryRoutes(ncl.catalogueFile, a.id, b.id);
      if (r.routes.length && r.routes[0].length >= 4) return { from: a.id, to: b.id, routes: r.routes };
    }
    return null;
  })();
  if (check(pair, 'the NCL catalogue has a route of three steps or more')) {
    await page.focus('#route-from');
    await page.selectOption('#route-from', pair.from);
    await page.selectOption('#route-to', pair.to);
    await page.focus('#route-go');
    await page.keyboard.press('Enter');
    const listed = await page.evaluate(() => [...document.querySelectorAll('#route-result ol')].map((ol) => [...ol.querySelectorAll('li')].map((li) => li.dataset.role)));
    check(JSON.stringify(listed) === JSON.stringify(pair.routes), `the route finder lists the library's routes as numbered steps (${JSON.stringify(listed)})`);
    em = await emphasis();
    check(em.on && pair.routes.flat().every((id) => em.em.includes(id)) && em.edges >= pair.routes[0].length - 1,
      'the routes are emphasised on the map');
    check(em.hash === `#route=${pair.from},${pair.to}`, `the route has a link (${em.hash})`);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.screenshot({ path: path.join(out, `ncl-route-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // The print hand-out of the route: A4, no map.
    await page.evaluate(() => document.body.classList.add('print-route'));
    await page.emulateMedia({ media: 'print' });
    check(!(await page.isVisible('#map')) && await page.isVisible('#route-result ol'), 'printing a route shows the route and not the map');
    await page.pdf({ path: path.join(out, 'ncl-route-print.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('print-route'));
    // Deep links open the same state.
    await open(ncl, `#route=${pair.from},${pair.to}`);
    const deep = await page.evaluate(() => [...document.querySelectorAll('#route-result ol')].map((ol) => [...ol.querySelectorAll('li')].map((li) => li.dataset.role)));
    check(JSON.stringify(deep) === JSON.stringify(pair.routes), '#route=FROM,TO opens the same routes');
  }
  await open(ncl, '#role=phlebotomist');
  em = await emphasis();
  check(em.self.includes('phlebotomist') && em.open.includes('phlebotomist'), '#role=phlebotomist opens its card and emphasises it');
  // The print hand-out of one card: that card only.
  await page.evaluate(() => {
    document.body.classList.add('print-card');
    const card = document.getElementById('card-phlebotomist');
    card.classList.add('print-target');
    card.closest('.level').classList.add('print-target');
  });
  await page.emulateMedia({ media: 'print' });
  const printed = await visibleCards();
  check(JSON.stringify(printed) === '["phlebotomist"]' && !(await page.isVisible('#map')), `printing a card prints that card alone (${printed})`);
  await page.pdf({ path: path.join(out, 'ncl-card-print.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await open(ncl, '#role=phlebotomist');
    await page.screenshot({ path: path.join(out, `ncl-role-${width}.png`) });
    await open(ncl);
    await page.screenshot({ path: path.join(out, `ncl-${width}.png`) });
    await page.screenshot({ path: path.join(out, `ncl-${width}-full.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  log('route finder matches the library; deep links');

  // ---------------------------------------------------------------- stories
  await open(management);
  const storyIds = await page.evaluate(() => [...document.querySelectorAll('#story-list button')].map((b) => b.dataset.story));
  const storiesInYaml = (fs.readFileSync(management.catalogueFile, 'utf8').match(/^\s+- id: \S+\n\s+name: .*\n\s+title:/gm) ?? []).length;
  check(storyIds.length > 0 && storyIds.length === storiesInYaml, `management: the ${storiesInYaml} stories are listed (${storyIds})`);
  if (storyIds.length) {
    await page.click(`#story-list button[data-story="${storyIds[0]}"]`);
    const trail = await page.evaluate(() => ({
      steps: document.querySelectorAll('#story-result ol li').length,
      em: document.querySelectorAll('#map svg g.node.em').length,
      hash: location.hash,
    }));
    check(trail.steps > 1 && trail.em > 0 && trail.hash === `#story=${storyIds[0]}`, `choosing a story lists its steps and draws its trail (${JSON.stringify(trail)})`);
    await page.screenshot({ path: path.join(out, 'management-story-1280.png') });
    await open(management, `#story=${storyIds[1] ?? storyIds[0]}`);
    const deepStory = await page.evaluate(() => ({
      pressed: document.querySelector('#story-list button[aria-pressed=true]')?.dataset.story,
      steps: document.querySelectorAll('#story-result ol li').length,
    }));
    check(deepStory.pressed === (storyIds[1] ?? storyIds[0]) && deepStory.steps > 1, `#story=ID opens that story (${JSON.stringify(deepStory)})`);
  }
  log('stories');

  // ---------------------------------------------------------------- ways in (entry routes, #19)
  {
    await open(management);
    const expected = management.data.entry_routes ?? [];
    const listed = await page.evaluate(() => [...document.querySelectorAll('#entry-list > li')].map((li) => ({
      id: li.dataset.entry,
      into: [...li.querySelectorAll('a[data-role]')].map((a) => a.dataset.role),
      shown: !document.getElementById('ways-in').hidden,
    })));
    check(expected.length > 0 && listed.length === expected.length && listed.every((l, i) => l.shown &&
      l.id === expected[i].id && JSON.stringify(l.into) === JSON.stringify(expected[i].leads_to)),
      `management: the ways in are listed with the roles they lead into (${JSON.stringify(listed)})`);
    if (expected.length) {
      await page.click(`#entry-list li[data-entry="${expected[0].id}"] button`);
      const em = await page.evaluate(() => [...new Set([...document.querySelectorAll('#map svg g.node.em')]
        .map((g) => [...g.classList].find((c) => c.startsWith('role-'))))]);
      check(em.length === expected[0].leads_to.length, `'Show on the map' emphasises the roles a way in leads into (${em})`);
      const card = await page.evaluate((id) => document.querySelector(`#card-${id} .way-in`)?.textContent ?? '', expected[0].leads_to[0]);
      check(card.includes(expected[0].name), `a role's card names its way in (${card})`);
      const tags = await page.evaluate(() => document.querySelectorAll('#map svg .entry-tag').length);
      check(tags === expected[0].leads_to.length, `the map tags each role a way in leads into (${tags})`);
    }
  }
  log('ways in');

  // ---------------------------------------------------------------- hostile text
  {
    const url = await open(hostile);
    await cleanLoad(hostile, url);
    await page.click('#card-script-role > summary');
    await page.click('#route-go');
    const seen = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      scripts: document.querySelectorAll('script').length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      names: Object.fromEntries([...document.querySelectorAll('.card')].map((c) => [c.dataset.role, c.querySelector('.name').textContent])),
      summaries: Object.fromEntries([...document.querySelectorAll('.card')].map((c) => [c.dataset.role, c.querySelector('.body p').textContent])),
      title: document.querySelector('h1').textContent,
      levels: [...document.querySelectorAll('.level > h3')].map((h) => h.textContent),
      links: [...document.querySelectorAll('.card a.more')].map((a) => a.getAttribute('href')),
    }));
    check(seen.pwned === null, `no hostile string ran (window.__pwned = ${seen.pwned})`);
    check(seen.scripts === 2, `only the page's two script blocks (${seen.scripts})`);
    check(seen.handlers.length === 0, `no event-handler attributes (${seen.handlers})`);
    check(seen.title === hostile.data.title, `the hostile title reads as written ("${seen.title}")`);
    for (const r of hostile.data.roles) check(seen.names[r.id] === r.name, `${r.id}'s hostile name reads as written ("${seen.names[r.id]}")`);
    check(seen.summaries['script-role'].startsWith('</desc>'), `a hostile summary reads as written ("${seen.summaries['script-role']}")`);
    check(seen.links.every((h) => /^https?:|^mailto:/.test(h)), `only http(s) and mailto links (${seen.links})`);
    check(JSON.stringify(seen.levels) === JSON.stringify(hostile.data.levels.map((l) => l.name)), 'hostile level names read as written');
  }
  log('hostile catalogue: displayed as written, nothing ran');

  // ---------------------------------------------------------------- axe-core
  for (const [e, fragment, width] of [[ncl, '', 1280], [ncl, '#role=phlebotomist', 390], [management, '', 1280], [ncl, '#route=care-worker,nurse', 1280]]) {
    await page.setViewportSize({ width, height: 900 });
    await open(e, fragment);
    await page.evaluate(axeSource);  // evaluated by the test, not injected as a page script (the CSP forbids those)
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of result.violations) console.log(`  axe ${e.name}${fragment} ${width}px: ${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
    check(bad.length === 0, `${e.name}${fragment} at ${width}px: axe-core finds no serious or critical violation (${bad.map((v) => v.id)})`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  log('axe-core');
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

for (const [k, v] of Object.entries(figures)) console.log(`  ${k}: ${v}`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures) {
  console.error(`explorer test: ${failures} of ${checks} checks FAILED in ${seconds}s; artefacts in ${out}`);
  process.exit(1);
}
console.log(`explorer test: all ${checks} checks passed in ${seconds}s; screenshots in ${out}`);
