#!/usr/bin/env node
// The browser test of the embeddable SVG (run by ctest as "browser").
//
// Renders the embeddable SVGs with the built CLI, puts them in a small leaflet page
// (tests/browser/leaflet.html: two inline, one as <img>), serves it from 127.0.0.1 and drives
// Debian's headless Chromium through playwright-core (never a downloaded browser). It checks that:
//   - the page loads nothing from anywhere else, and logs no errors;
//   - each figure renders (screenshots that are not blank) at two widths, and scales to its column;
//   - every role's name is in the DOM, and no two elements on the page share an id;
//   - hovering a role lands on its group, whose <title> (the tooltip) names the role;
//   - each role with a url is a link with exactly that href, and no other role is;
//   - the page's CSS override of a custom property re-colours a fill (and only in that figure);
//   - the accessibility tree shows each inline figure as one image named by its title and desc.
// It also renders each embeddable SVG with rsvg-convert, a second, non-browser renderer.
// Screenshots and the page are kept in --out as test artefacts.
//
// Usage: node tests/browser/run.mjs --pathways BUILD/pathways --source REPO --out DIR
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const started = Date.now();
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const source = path.resolve(args.source ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../..'));
const pathways = args.pathways ?? path.join(source, 'build/pathways');
const out = path.resolve(args.out ?? path.join(source, 'build/tests/browser-artefacts'));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let failures = 0;
let checks = 0;
function check(ok, what) {
  checks++;
  if (!ok) {
    failures++;
    console.error(`FAILED: ${what}`);
  }
  return ok;
}
function log(message) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

// ------------------------------------------------------------------ PNG (for "not blank")

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG into {width, height, channels, data}. */
function decodePng(buffer) {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8, width = 0, height = 0, depth = 0, type = 0, interlace = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const kind = buffer.toString('ascii', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (kind === 'IHDR') {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4);
      depth = body[8]; type = body[9]; interlace = body[12];
    } else if (kind === 'IDAT') idat.push(body);
    else if (kind === 'IEND') break;
    offset += 12 + length;
  }
  if (depth !== 8 || (type !== 2 && type !== 6) || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, type ${type})`);
  const channels = type === 6 ? 4 : 3, stride = width * channels;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[y * stride + x - channels] : 0;
      const b = y > 0 ? data[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels] : 0;
      let v = row[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      data[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** Share of pixels that are painted and not near-white, and how many distinct colours there are. */
function inkOf(png) {
  let ink = 0;
  const colours = new Set();
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const o = i * png.channels;
    const [r, g, b] = [png.data[o], png.data[o + 1], png.data[o + 2]];
    const alpha = png.channels === 4 ? png.data[o + 3] : 255;
    if (alpha > 0 && (r < 235 || g < 235 || b < 235)) ink++;
    if (colours.size < 1000) colours.add((r << 16) | (g << 8) | b);
  }
  return { share: ink / Math.max(1, n), colours: colours.size };
}

function notBlank(pngBuffer, what) {
  const ink = inkOf(decodePng(pngBuffer));
  check(ink.share > 0.1 && ink.colours >= 8,
    `${what} is not blank (${(ink.share * 100).toFixed(1)}% ink, ${ink.colours} colours)`);
}

// ------------------------------------------------------------------ inputs, made by the CLI

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const style = path.join(source, 'styles/nhs.yaml');
const figures = [
  { name: 'ncl', catalogue: 'data/ncl-career-pathways.yaml' },
  { name: 'management', catalogue: 'data/nhs-management-careers.yaml' },
  { name: 'hostile', catalogue: 'tests/browser/hostile.yaml' },  // text that tries to break out
];
for (const f of figures) {
  const catalogue = path.join(source, f.catalogue);
  f.svgPath = path.join(out, `${f.name}.embed.svg`);
  execFileSync(pathways, ['render', catalogue, '--style', style, '--embed', '--id-prefix', f.name, '-o', f.svgPath],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  f.svg = fs.readFileSync(f.svgPath, 'utf8');
  const json = path.join(out, `${f.name}.json`);
  execFileSync(pathways, ['export', catalogue, '--format', 'json', '-o', json], { stdio: ['ignore', 'ignore', 'inherit'] });
  f.data = JSON.parse(fs.readFileSync(json, 'utf8'));
}
log('rendered the embeddable SVGs with the CLI');

// A second renderer: librsvg draws each one, at its own size and at a fixed width.
for (const f of figures) {
  for (const width of [null, 480]) {
    const png = path.join(out, `${f.name}.rsvg${width ? '-' + width : ''}.png`);
    execFileSync('rsvg-convert', [...(width ? ['--width', String(width), '--keep-aspect-ratio'] : []), '-o', png, f.svgPath]);
    const buffer = fs.readFileSync(png);
    if (width) check(buffer.readUInt32BE(16) === width, `rsvg-convert drew ${f.name} ${width} px wide`);
    notBlank(buffer, `rsvg-convert's ${path.basename(png)}`);
  }
}
log('rsvg-convert drew each figure');

const template = fs.readFileSync(path.join(source, 'tests/browser/leaflet.html'), 'utf8');
const leaflet = template.replace('{{NCL_SVG}}', () => figures[0].svg).replace('{{MANAGEMENT_SVG}}', () => figures[1].svg)
  .replace('{{HOSTILE_SVG}}', () => figures[2].svg);
fs.writeFileSync(path.join(out, 'leaflet.html'), leaflet);

// ------------------------------------------------------------------ the browser

const server = http.createServer((req, res) => {
  const file = path.join(out, path.normalize(decodeURIComponent(req.url.split('?')[0])).replace(/^(\.\.[/\\])+/, ''));
  if (req.url === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  if (!file.startsWith(out) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  const type = file.endsWith('.svg') ? 'image/svg+xml' : file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type }).end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  console.error(`FAILED: cannot load playwright-core (run scripts/install-deps, which runs npm ci): ${e.message}`);
  process.exit(1);
}
if (!fs.existsSync(chromiumPath)) {
  console.error(`FAILED: no Chromium at ${chromiumPath} (Debian package "chromium"; scripts/install-deps installs it)`);
  process.exit(1);
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pathways-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-extensions', '--font-render-hinting=none'],
  viewport: { width: 1280, height: 900 },
  deviceScaleFactor: 1,
  timeout: 60000,
});
log('Chromium started');

try {
  const page = context.pages()[0] ?? await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));

  const cdp = await context.newCDPSession(page);
  await page.goto(`${origin}/leaflet.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('#figure-img img').complete);

  // Nothing fetched from anywhere but the leaflet and its image; no errors.
  const allowed = new Set([`${origin}/leaflet.html`, `${origin}/ncl.embed.svg`, `${origin}/favicon.ico`]);
  for (const url of requests) check(allowed.has(url), `no request beyond the leaflet and its image: ${url}`);
  check(problems.length === 0, `no console errors: ${problems.join(' | ')}`);
  check(await page.evaluate(() => document.querySelector('#figure-img img').naturalWidth > 0), 'the <img> SVG loads');

  // Ids: unique on the whole page, though two figures share it.
  const duplicateIds = await page.evaluate(() => {
    const seen = new Map();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  check(duplicateIds.length === 0, `no id appears twice on the page: ${duplicateIds.join(', ')}`);

  // Renders and scales, at two widths.
  for (const width of [1280, 420]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(50);
    for (const [figure, name] of [['#figure-inline', 'ncl-inline'], ['#figure-links', 'management-inline'],
      ['#figure-hostile', 'hostile-inline'], ['#figure-img', 'ncl-img']]) {
      const sized = await page.evaluate((sel) => {
        const fig = document.querySelector(sel), el = fig.querySelector('svg, img');
        const box = el.getBoundingClientRect();
        const vb = el.tagName === 'svg' ? el.viewBox.baseVal : { width: el.naturalWidth, height: el.naturalHeight };
        return { width: box.width, height: box.height, column: fig.getBoundingClientRect().width, ratio: vb.width / vb.height };
      }, figure);
      check(Math.abs(sized.width - sized.column) < 1.5, `${name} at ${width}px fills its column (${sized.width} of ${sized.column})`);
      check(Math.abs(sized.width / sized.height - sized.ratio) < 0.02, `${name} at ${width}px keeps its aspect ratio`);
      const shot = await page.locator(`${figure} :is(svg, img)`).screenshot({ path: path.join(out, `${name}-${width}.png`) });
      notBlank(shot, `${name} at ${width}px`);
    }
    await page.screenshot({ path: path.join(out, `leaflet-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  log('figures render and scale at 1280 and 420 px');

  for (const f of figures) {
    const root = `#${f.name}`;
    // Every role's name is in the DOM, drawn in its own group, and in that group's title.
    const groups = await page.evaluate((root) => [...document.querySelectorAll(`${root} g.node`)].map((g) => ({
      classes: [...g.classList],
      text: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' ').replace(/\s+/g, ' ').trim(),
      title: g.querySelector(':scope > title')?.textContent ?? '',
      hrefs: [...g.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    })), root);
    for (const role of f.data.roles) {
      const mine = groups.filter((g) => g.classes.includes(`role-${role.id}`));
      const name = role.name.replace(/\s+/g, ' ');
      if (!check(mine.length >= 1, `${f.name}: a group for ${role.id}`)) continue;
      for (const g of mine) {
        check(g.text.startsWith(name), `${f.name}: ${role.id}'s name is drawn ("${g.text}")`);
        check(g.title.startsWith(name + '\n'), `${f.name}: ${role.id}'s title names it`);
        // Links: exactly the catalogue's url, and none where it has none.
        if (role.url) check(g.hrefs.length === 1 && g.hrefs[0] === role.url, `${f.name}: ${role.id} links to ${role.url} (${g.hrefs})`);
        else check(g.hrefs.length === 0, `${f.name}: ${role.id} is not a link`);
      }
    }
    const linked = f.data.roles.filter((r) => r.url).length;
    log(`${f.name}: ${f.data.roles.length} role names in the DOM, ${linked} links checked`);

    // Hovering each role shows its title: the element under the pointer belongs to the role's
    // group, whose <title> child (the tooltip Chromium shows outside the DOM) names the role.
    let hovered = 0;
    for (const role of f.data.roles) {
      const box = page.locator(`${root} g.node.role-${role.id}`).first();
      await box.scrollIntoViewIfNeeded();
      const rect = await box.locator('rect').first().boundingBox();
      const all = await box.boundingBox();
      if (!rect || !all) { check(false, `${f.name}: ${role.id} has a box on screen`); continue; }
      const x = all.x + all.width / 2, y = all.y + all.height / 2;
      await page.mouse.move(x, y);
      const seen = await page.evaluate(({ x, y, root }) => {
        const el = document.elementFromPoint(x, y);
        const g = el?.closest('g.node');
        return {
          inFigure: !!el?.closest(root),
          classes: g ? [...g.classList] : [],
          title: g?.querySelector(':scope > title')?.textContent ?? '',
          hover: g ? g.matches(':hover') : false,
        };
      }, { x, y, root });
      const ok = check(seen.inFigure && seen.classes.includes(`role-${role.id}`) && seen.hover &&
        seen.title.startsWith(role.name.replace(/\s+/g, ' ') + '\n'),
        `${f.name}: hovering ${role.id} shows its title (got ${seen.classes.join(' ')}: "${seen.title.split('\n')[0]}")`);
      if (ok) hovered++;
    }
    log(`${f.name}: hovered ${hovered} of ${f.data.roles.length} roles`);

    // Chromium's own accessibility tree (what a screen reader is given): the figure is an image
    // named by its title and description, and its links stay reachable as links.
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const image = nodes.find((n) => n.role?.value === 'image' && (n.name?.value ?? '').startsWith(f.data.title));
    if (check(!!image, `${f.name}: the accessibility tree has an image named "${f.data.title} ..."`)) {
      const name = image.name.value;
      check(name.includes(`${f.data.roles.length} job roles`) && (f.name === 'hostile' || name.includes('Main routes up the levels')),
        `${f.name}: the image's accessible name says what the figure shows ("${name.slice(0, 120)}...")`);
      let links = 0;
      const walk = (id) => {
        const n = byId.get(id);
        if (!n) return;
        if (n.role?.value === 'link' && !n.ignored) links++;
        (n.childIds ?? []).forEach(walk);
      };
      (image.childIds ?? []).forEach(walk);
      check(links === linked, `${f.name}: ${linked} links reachable inside the image (found ${links})`);
    }
  }

  // Hostile text: displayed exactly as written, and nothing in it ran or became markup.
  {
    const f = figures[2];
    const seen = await page.evaluate(() => {
      const root = document.querySelector('#hostile');
      const elements = [...root.querySelectorAll('*')];
      return {
        pwned: window.__pwned ?? null,
        foreign: elements.filter((e) => !(e instanceof SVGElement)).map((e) => e.tagName),
        scripts: elements.filter((e) => /^(script|foreignObject|image|use|iframe)$/i.test(e.tagName)).length,
        handlers: elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
        title: root.querySelector(':scope > title').textContent,
        texts: [...root.querySelectorAll('text')].map((t) => t.textContent),
        descs: Object.fromEntries([...root.querySelectorAll('g.node')].map((g) => [
          [...g.classList].find((c) => c.startsWith('role-')), g.querySelector(':scope > desc')?.textContent ?? ''])),
      };
    });
    check(seen.pwned === null, `no hostile string ran (window.__pwned = ${seen.pwned})`);
    check(seen.foreign.length === 0, `no HTML elements inside the hostile figure (${seen.foreign})`);
    check(seen.scripts === 0, 'no script, foreignObject, image, use or iframe in the hostile figure');
    check(seen.handlers.length === 0, `no event-handler attributes in the hostile figure (${seen.handlers})`);
    check(seen.title === f.data.title, `the hostile title reads as written ("${seen.title}")`);
    for (const level of f.data.levels) check(seen.texts.includes(level.name), `level "${level.name}" reads as written`);
    for (const setting of f.data.settings) check(seen.texts.includes(setting.name), `setting "${setting.name}" reads as written`);
    const catalogue = fs.readFileSync(path.join(source, 'tests/browser/hostile.yaml'), 'utf8');
    for (const role of f.data.roles) {
      // The summary as the YAML wrote it (the JSON export leaves summaries out).
      const m = catalogue.match(new RegExp(`id: ${role.id}\\n(?:.*\\n)*?\\s+summary: "((?:[^"\\\\]|\\\\.)*)"`));
      const summary = m ? JSON.parse(`"${m[1]}"`) : '';
      check(summary !== '' && (seen.descs[`role-${role.id}`] ?? '').startsWith(summary),
        `${role.id}'s hostile summary reads as written ("${seen.descs[`role-${role.id}`]}")`);
    }
    log('hostile text displays as written and nothing in it runs');
  }

  // The page's CSS re-colours the inline figure through the custom properties, and only it.
  const fills = () => page.evaluate(() => ({
    stripe: getComputedStyle(document.querySelector('#ncl rect.setting-primary')).fill,
    link: getComputedStyle(document.querySelector('#ncl .edge.up path')).stroke,
    other: getComputedStyle(document.querySelector('#management g.node rect')).fill,
  }));
  const before = await fills();
  check(before.stripe === 'rgb(65, 182, 230)', `primary care starts NHS light blue (${before.stripe})`);
  await page.evaluate(() => document.querySelector('#figure-inline').classList.add('themed'));
  const after = await fills();
  check(after.stripe === 'rgb(255, 0, 255)', `--setting-primary-fill re-colours primary care (${after.stripe})`);
  check(after.link === 'rgb(0, 160, 0)', `--link-up-colour re-colours upward links (${after.link})`);
  check(after.other === before.other, 'the other figure keeps its colours');
  // And on screen: a primary-care stripe is now drawn magenta.
  const stripe = page.locator('#ncl rect.setting-primary').first();
  await stripe.scrollIntoViewIfNeeded();
  const sb = await stripe.boundingBox();
  const pixel = decodePng(await page.screenshot({ clip: { x: sb.x + 2, y: sb.y + 2, width: 1, height: 1 } }));
  check(pixel.data[0] === 255 && pixel.data[1] === 0 && pixel.data[2] === 255,
    `the re-coloured stripe is drawn magenta (${[...pixel.data.subarray(0, 3)]})`);
  await page.locator('#figure-inline svg').screenshot({ path: path.join(out, 'ncl-inline-themed-1280.png') });
  log('a page CSS override re-colours the figure');
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures) {
  console.error(`browser test: ${failures} of ${checks} checks FAILED in ${seconds}s; artefacts in ${out}`);
  process.exit(1);
}
console.log(`browser test: all ${checks} checks passed in ${seconds}s; screenshots in ${out}`);
