// The career pathway explorer's script (embedded into each page at build time; no framework, no
// network). It reads the catalogue from the page's JSON block and builds everything with DOM calls
// and textContent: catalogue text is data, never markup.
'use strict';
(function explorer() {
  const data = JSON.parse(document.getElementById('data').textContent);
  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ the catalogue, indexed
  const roles = new Map();
  data.roles.forEach((r, index) => roles.set(r.id, Object.assign(r, { index, from: [] })));
  for (const r of data.roles) for (const t of r.to) if (roles.has(t)) roles.get(t).from.push(r.id);
  const levels = new Map(data.levels.map((l, i) => [l.id, Object.assign(l, { index: i })]));
  const settings = new Map(data.settings.map((s) => [s.id, s]));
  const lowestLevel = (r) => r.levels.map((id) => levels.get(id)).filter(Boolean)
    .sort((a, b) => a.index - b.index)[0];

  /** An element with properties (class, text, or attributes) and children (nodes or strings). */
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }
  const isSafeUrl = (url) => /^(https?:|mailto:)/i.test(String(url || '').trim());
  const roleLink = (id) => el('a', { href: '#role=' + id, text: roles.get(id).name, 'data-role': id });
  function setHash(hash) {
    if (location.hash === hash) return;
    try { history.replaceState(null, '', hash || location.pathname + location.search); } catch (e) { /* file: quirks */ }
  }

  // ------------------------------------------------------------------ search, typo-tolerant
  const fold = (s) => String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const wordsOf = (s) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);

  /** Optimal string alignment distance between a and b, or max + 1 once it must exceed max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let prev2 = null, prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        row.push(d);
        best = Math.min(best, d);
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  /** Whether the typed word q matches the word w: a prefix, or a near miss of w's start. */
  function wordMatches(q, w, fuzzyFrom) {
    if (w.startsWith(q)) return true;
    if (q.length < fuzzyFrom) return false;
    const allowed = q.length >= 7 ? 2 : 1;
    for (let n = q.length - 1; n <= q.length + 1; n++) {
      if (n > 0 && n <= w.length && distance(q, w.slice(0, n), allowed) <= allowed) return true;
    }
    return false;
  }
  for (const r of data.roles) {
    r.nameWords = wordsOf([r.name, ...r.aliases].join(' '));
    r.textWords = [...new Set(wordsOf(r.summary))];
  }
  function matchesSearch(r, query) {
    return query.every((q) => r.nameWords.some((w) => wordMatches(q, w, 4)) ||
      r.textWords.some((w) => wordMatches(q, w, 6)));
  }

  // ------------------------------------------------------------------ routes: the library's rule
  /** Steps from `start` to every role index along `edges` (Infinity when unreachable). */
  function distances(edges, start) {
    const dist = new Array(edges.length).fill(Infinity);
    dist[start] = 0;
    const queue = [start];
    for (let k = 0; k < queue.length; k++) {
      for (const w of edges[queue[k]]) if (dist[w] === Infinity) { dist[w] = dist[queue[k]] + 1; queue.push(w); }
    }
    return dist;
  }
  const out = data.roles.map((r) => r.to.map((t) => roles.get(t)).filter((t) => t && t !== r).map((t) => t.index));
  const into = data.roles.map(() => []);
  out.forEach((targets, i) => targets.forEach((t) => into[t].push(i)));

  /** Every shortest route from role `fromId` to `toId` (at most `max`), as `pathways route` finds them:
   *  fewest steps, then in catalogue order of the roles taken. */
  function findRoutes(fromId, toId, max = 50) {
    const s = roles.get(fromId)?.index, t = roles.get(toId)?.index;
    if (s === undefined || t === undefined || s === t) return { routes: [], shortest: 0, cut: false };
    const fromStart = distances(out, s);
    if (fromStart[t] === Infinity) return { routes: [], shortest: 0, cut: false };
    const toTarget = distances(into, t), length = fromStart[t], paths = [];
    const stack = [[s]];
    let cut = false;
    while (stack.length) {
      const path = stack.pop(), v = path[path.length - 1];
      if (v === t) { paths.push(path); continue; }
      const remaining = length - path.length;  // steps left after the next one
      for (let k = out[v].length - 1; k >= 0; k--) {
        const w = out[v][k];
        if (toTarget[w] <= remaining && !path.includes(w)) stack.push([...path, w]);
      }
    }
    paths.sort((a, b) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]; return 0; });
    if (paths.length > max) { cut = true; paths.length = max; }
    return { routes: paths.map((p) => p.map((i) => data.roles[i].id)), shortest: length, cut };
  }
  const viaOf = (fromId, toId) => { const r = roles.get(fromId); return r.via[r.to.indexOf(toId)] || ''; };
  const shareSetting = (a, b) => roles.get(a).settings.some((s) => roles.get(b).settings.includes(s));

  // ------------------------------------------------------------------ the map
  const mapBox = $('map');
  const svg = mapBox.querySelector('svg');
  const home = (() => { const b = svg.viewBox.baseVal; return { x: b.x, y: b.y, w: b.width, h: b.height }; })();
  let view = { ...home };
  const prefix = svg.id;
  const nodesOf = new Map(), edgesOf = new Map(), allEdges = [];
  for (const g of svg.querySelectorAll('g.node')) {
    const cls = [...g.classList].find((c) => c.startsWith('role-'));
    const id = cls && cls.slice(5);
    if (!roles.has(id)) continue;
    if (!nodesOf.has(id)) nodesOf.set(id, []);
    nodesOf.get(id).push(g);
    g.dataset.role = id;
    // Roles with a url are links in the drawing; on the map a press selects the role instead (its
    // card has the link), so the links go: the map is a picture, the list the keyboard way in.
    for (const a of g.querySelectorAll('a')) a.replaceWith(...a.childNodes);
  }
  const endOf = (part) => {
    const id = part.split('_')[0];
    return roles.has(id) ? id : roles.has(id.replace(/-\d+$/, '')) ? id.replace(/-\d+$/, '') : null;
  };
  for (const g of svg.querySelectorAll('g.edge.progression')) {
    if (!g.id.startsWith(prefix + '-link-')) continue;
    const [tail, head] = g.id.slice(prefix.length + 6).split('__');
    const from = endOf(tail || ''), to = endOf(head || '');
    if (!from || !to) continue;
    const key = from + '>' + to;
    if (!edgesOf.has(key)) edgesOf.set(key, []);
    edgesOf.get(key).push(g);
    allEdges.push({ g, from, to });
  }

  // The map box takes the drawing's shape (up to the screen's height), so it opens fitted with no margins.
  mapBox.style.setProperty('--aspect', String(home.w / home.h));
  function showView() {
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].map((v) => Math.round(v * 100) / 100).join(' '));
  }
  /** The point of the drawing under the client point (x, y). */
  function toDrawing(x, y) {
    const m = svg.getScreenCTM();
    return m ? new DOMPoint(x, y).matrixTransform(m.inverse()) : { x: view.x + view.w / 2, y: view.y + view.h / 2 };
  }
  function zoom(factor, at) {
    const w = Math.min(home.w * 1.5, Math.max(home.w / 25, view.w / factor));
    const k = w / view.w;
    const c = at || { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    view = { x: c.x - (c.x - view.x) * k, y: c.y - (c.y - view.y) * k, w, h: view.h * k };
    showView();
  }
  function pan(dxPixels, dyPixels) {
    const m = svg.getScreenCTM();
    const scale = m ? m.a : 1;
    view.x -= dxPixels / scale;
    view.y -= dyPixels / scale;
    showView();
  }
  function fit() { view = { ...home }; showView(); }
  /** A box around `elements` in drawing units. */
  function boxOf(elements) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    const inverse = svg.getScreenCTM()?.inverse();
    for (const e of elements) {
      const r = e.getBoundingClientRect();
      if (!inverse || (!r.width && !r.height)) continue;
      for (const [x, y] of [[r.left, r.top], [r.right, r.bottom]]) {
        const p = new DOMPoint(x, y).matrixTransform(inverse);
        x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y);
      }
    }
    return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }
  /** Moves the map so `elements` are in the middle, as large as fits (but not closer than a reading zoom). */
  function frame(elements) {
    const b = boxOf(elements);
    if (!b) return;
    const w = Math.min(home.w, Math.max(home.w / 5, b.w * 1.3, b.h * 1.3 * (home.w / home.h)));
    const h = w * (home.h / home.w);
    view = { x: b.x + b.w / 2 - w / 2, y: b.y + b.h / 2 - h / 2, w, h };
    showView();
  }

  /** Emphasises roles and the links between them on the map (nothing: the whole map again). */
  function emphasise(roleIds, links, self) {
    for (const g of svg.querySelectorAll('.em, .em-self')) g.classList.remove('em', 'em-self');
    svg.classList.toggle('emphasis', !!roleIds);
    if (!roleIds) return [];
    const shown = [];
    for (const id of roleIds) for (const g of nodesOf.get(id) || []) { g.classList.add('em'); shown.push(g); }
    for (const [a, b] of links) for (const g of edgesOf.get(a + '>' + b) || []) g.classList.add('em');
    for (const g of nodesOf.get(self) || []) g.classList.add('em-self');
    return shown;
  }

  function wireMap() {
    const pointers = new Map();
    let start = null, pinch = null, moved = false, pressed = null;
    mapBox.addEventListener('pointerdown', (e) => {
      if (e.button !== undefined && e.button > 0) return;
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      moved = false;
      pressed = e.target.closest('g.node');
      start = { x: e.clientX, y: e.clientY };
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        pinch = Math.hypot(a.x - b.x, a.y - b.y);
      }
      try { mapBox.setPointerCapture(e.pointerId); } catch (err) { /* a pointer the browser no longer tracks */ }
    });
    mapBox.addEventListener('pointermove', (e) => {
      const last = pointers.get(e.pointerId);
      if (!last) return;
      if (Math.hypot(e.clientX - start.x, e.clientY - start.y) > 6) moved = true;
      if (pointers.size === 1 && moved) {
        mapBox.classList.add('dragging');
        pan(e.clientX - last.x, e.clientY - last.y);
      }
      const [a0, b0] = [...pointers.values()];
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pointers.size === 2 && pinch) {
        // Two fingers: zoom by how far apart they move, and move with their middle.
        const [a, b] = [...pointers.values()];
        const d = Math.hypot(a.x - b.x, a.y - b.y);
        pan(((a.x + b.x) - (a0.x + b0.x)) / 2, ((a.y + b.y) - (a0.y + b0.y)) / 2);
        zoom(d / pinch, toDrawing((a.x + b.x) / 2, (a.y + b.y) / 2));
        pinch = d;
      }
    });
    const end = (e) => {
      if (!pointers.delete(e.pointerId)) return;
      if (pointers.size < 2) pinch = null;
      mapBox.classList.remove('dragging');
      if (!moved && pressed && e.type === 'pointerup' && pressed.dataset.role) location.hash = '#role=' + pressed.dataset.role;
      pressed = null;
    };
    mapBox.addEventListener('pointerup', end);
    mapBox.addEventListener('pointercancel', end);
    mapBox.addEventListener('wheel', (e) => {
      e.preventDefault();
      zoom(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), toDrawing(e.clientX, e.clientY));
    }, { passive: false });
    mapBox.addEventListener('keydown', (e) => {
      const step = 60;
      const keys = {
        ArrowLeft: () => pan(step, 0), ArrowRight: () => pan(-step, 0), ArrowUp: () => pan(0, step),
        ArrowDown: () => pan(0, -step), '+': () => zoom(1.25), '=': () => zoom(1.25), '-': () => zoom(0.8), 0: fit,
      };
      if (keys[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); keys[e.key](); }
    });
    $('zoom-in').addEventListener('click', () => zoom(1.25));
    $('zoom-out').addEventListener('click', () => zoom(0.8));
    $('zoom-fit').addEventListener('click', fit);
  }

  // ------------------------------------------------------------------ the list of roles, by level
  function chips(settingIds) {
    const list = el('ul', { class: 'chips', 'aria-label': data.setting_dimension || 'Settings' });
    for (const id of settingIds) {
      const s = settings.get(id);
      if (!s) continue;
      const chip = el('li', { class: 'chip', text: s.name });
      if (/^#[0-9a-f]{6}$/i.test(s.colour)) chip.style.setProperty('--chip', s.colour);
      list.append(chip);
    }
    return list;
  }
  function linkList(title, ids) {
    if (!ids.length) return null;
    const ul = el('ul', { class: 'links' });
    for (const id of ids) ul.append(el('li', {}, roleLink(id)));
    return el('div', {}, el('h4', { text: title }), ul);
  }
  function card(r) {
    const body = el('div', { class: 'body' });
    for (const para of String(r.summary).split(/\n\s*\n/)) if (para.trim()) body.append(el('p', { text: para.trim() }));
    const levelNames = r.levels.map((id) => levels.get(id)?.name).filter(Boolean);
    body.append(el('p', {}, el('strong', { text: levelNames.length > 1 ? 'Levels: ' : 'Level: ' }), levelNames.join(', ')));
    if (r.pay_band) body.append(el('p', {}, el('strong', { text: 'Pay: ' }), r.pay_band));
    const ways = (data.entry_routes || []).filter((e) => e.leads_to.includes(r.id));
    if (ways.length) {
      body.append(el('p', { class: 'way-in' }, el('strong', { text: ways.length > 1 ? 'Ways in: ' : 'Way in: ' }),
        ways.map((e) => e.name).join('; ') + ' (see Ways in)'));
    }
    if (r.aliases.length) body.append(el('p', {}, el('strong', { text: 'Also called: ' }), r.aliases.join(', ')));
    body.append(linkList('Progression available to', r.to) || '', linkList('Comes from', r.from) || '');
    if (r.url && isSafeUrl(r.url)) {
      body.append(el('p', {}, el('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank', class: 'more',
        text: 'Find out more about ' + r.name + ' (opens the web page)' })));
    }
    const routeButton = el('button', { type: 'button', class: 'secondary', text: 'Routes from here' });
    routeButton.addEventListener('click', () => { $('route-from').value = r.id; $('route-to').focus(); });
    const printButton = el('button', { type: 'button', class: 'secondary', text: 'Print this card' });
    printButton.addEventListener('click', () => printPart('print-card', details));
    body.append(el('div', { class: 'actions' }, routeButton, printButton));
    const details = el('details', { class: 'card', id: 'card-' + r.id, 'data-role': r.id },
      el('summary', {}, el('span', { class: 'name', text: r.name }), chips(r.settings)), body);
    details.addEventListener('toggle', () => {
      if (details.open && selected !== r.id) select(r.id, { from: 'card' });
      else if (!details.open && selected === r.id) select(null);
    });
    r.card = details;
    return el('li', {}, details);
  }
  function buildList() {
    const holder = $('levels');
    for (const l of data.levels) {
      const mine = data.roles.filter((r) => lowestLevel(r) === l);
      const ul = el('ul', { class: 'cards' });
      mine.forEach((r) => ul.append(card(r)));
      const section = el('section', { class: 'level', id: 'level-' + l.id, 'aria-labelledby': 'level-heading-' + l.id },
        el('h3', { id: 'level-heading-' + l.id, text: l.name }), l.description ? el('p', { text: l.description }) : null, ul);
      l.section = section;
      holder.append(section);
    }
  }

  // ------------------------------------------------------------------ filters
  function buildFilters() {
    const fieldset = $('setting-filter');
    $('setting-legend').textContent = data.setting_dimension || 'Settings';
    for (const s of data.settings) {
      const box = el('input', { type: 'checkbox', id: 'setting-' + s.id, value: s.id, checked: true });
      box.addEventListener('change', applyFilters);
      fieldset.append(el('label', { class: 'check', for: 'setting-' + s.id }, box, chips([s.id])));
    }
    for (const l of data.levels) $('level-filter').append(el('option', { value: l.id, text: l.name }));
    $('level-filter').addEventListener('change', applyFilters);
    $('search').addEventListener('input', applyFilters);
    $('clear').addEventListener('click', () => { clearFilters(); $('search').focus(); });
  }
  function clearFilters() {
    $('search').value = '';
    $('level-filter').value = '';
    for (const box of $('setting-filter').querySelectorAll('input')) box.checked = true;
    applyFilters();
  }
  function applyFilters() {
    const query = wordsOf($('search').value);
    const on = new Set([...$('setting-filter').querySelectorAll('input:checked')].map((b) => b.value));
    const level = $('level-filter').value;
    const active = query.length > 0 || level !== '' || on.size < data.settings.length;
    let shown = 0;
    for (const r of data.roles) {
      r.shown = r.settings.some((s) => on.has(s)) && (!level || r.levels.includes(level)) && matchesSearch(r, query);
      r.card.parentElement.hidden = !r.shown;
      for (const g of nodesOf.get(r.id) || []) g.classList.toggle('out', !r.shown);
      if (r.shown) shown++;
    }
    for (const { g, from, to } of allEdges) g.classList.toggle('out', !roles.get(from).shown || !roles.get(to).shown);
    svg.classList.toggle('filtered', active);
    for (const l of data.levels) l.section.hidden = !data.roles.some((r) => r.shown && lowestLevel(r) === l);
    $('count').textContent = active ? `Showing ${shown} of ${data.roles.length} roles` : `${data.roles.length} roles`;
    $('no-match').hidden = shown > 0;
  }

  // ------------------------------------------------------------------ selecting a role
  let selected = null;
  function select(id, how = {}) {
    if (selected && roles.has(selected)) roles.get(selected).card.classList.remove('selected');
    selected = id && roles.has(id) ? id : null;
    if (!selected) { emphasise(null); setHash(''); return; }
    const r = roles.get(selected);
    if (!r.shown) clearFilters();
    r.card.classList.add('selected');
    r.card.open = true;
    const links = [...r.to.map((t) => [r.id, t]), ...r.from.map((f) => [f, r.id])];
    frame(emphasise([r.id, ...r.to, ...r.from], links, r.id));
    setHash('#role=' + r.id);
    if (how.from !== 'card') {
      r.card.scrollIntoView({ block: 'start' });
      if (how.focus !== false) r.card.querySelector('summary').focus({ preventScroll: true });
    }
  }

  // ------------------------------------------------------------------ route finder
  function buildRouteFinder() {
    const byName = [...data.roles].sort((a, b) => a.name.localeCompare(b.name));
    for (const id of ['route-from', 'route-to']) {
      $(id).append(el('option', { value: '', text: 'Choose a role' }));
      for (const r of byName) $(id).append(el('option', { value: r.id, text: r.name }));
    }
    $('route-go').addEventListener('click', () => showRoutes($('route-from').value, $('route-to').value));
    $('route-swap').addEventListener('click', () => {
      const from = $('route-from').value;
      $('route-from').value = $('route-to').value;
      $('route-to').value = from;
    });
  }
  function routeList(route) {
    const ol = el('ol', { class: 'steps' });
    route.forEach((id, k) => {
      const li = el('li', { 'data-role': id }, roleLink(id));
      if (k > 0) {
        const via = viaOf(route[k - 1], id);
        if (via) li.append(el('span', { class: 'via', text: ' \u2013 ' + via }));
        if (!shareSetting(route[k - 1], id)) li.append(el('span', { class: 'via', text: ' (a move to another setting)' }));
      }
      ol.append(li);
    });
    return ol;
  }
  function showRoutes(fromId, toId) {
    const box = $('route-result');
    box.replaceChildren();
    select(null);
    if (!roles.has(fromId) || !roles.has(toId)) { box.append(el('p', { text: 'Choose a role in both "From" and "To".' })); return; }
    $('route-from').value = fromId;
    $('route-to').value = toId;
    const from = roles.get(fromId), to = roles.get(toId);
    if (fromId === toId) { box.append(el('p', { text: 'Choose two different roles.' })); return; }
    const found = findRoutes(fromId, toId);
    setHash('#route=' + fromId + ',' + toId);
    if (!found.routes.length) {
      box.append(el('p', { class: 'none', text: `No route in this guide leads from ${from.name} to ${to.name}.` }));
      emphasise(null);
      return;
    }
    const n = found.routes.length;
    box.append(el('p', { class: 'summary', text: `${n}${found.cut ? ' or more' : ''} shortest route${n === 1 ? '' : 's'} from ` +
      `${from.name} to ${to.name}, ${found.shortest} step${found.shortest === 1 ? '' : 's'} each.` }));
    found.routes.forEach((route, k) => box.append(el('h3', { text: `Route ${k + 1}` }), routeList(route)));
    const printButton = el('button', { type: 'button', class: 'secondary', text: 'Print these routes' });
    printButton.addEventListener('click', () => printPart('print-route', null));
    box.append(el('div', { class: 'actions' }, printButton));
    const ids = [...new Set(found.routes.flat())];
    const links = found.routes.flatMap((route) => route.slice(1).map((id, k) => [route[k], id]));
    frame(emphasise(ids, links, null));
  }

  // ------------------------------------------------------------------ ways in (entry routes)
  function buildEntryRoutes() {
    const routes = data.entry_routes || [];
    if (!routes.length) return;
    $('ways-in').hidden = false;
    for (const e of routes) {
      const into = el('ul', { class: 'links' });
      for (const id of e.leads_to) if (roles.has(id)) into.append(el('li', {}, roleLink(id)));
      const show = el('button', { type: 'button', class: 'secondary', text: 'Show on the map' });
      show.addEventListener('click', () => { select(null); frame(emphasise(e.leads_to, [], null)); });
      const more = e.url && isSafeUrl(e.url)
        ? el('p', {}, el('a', { href: e.url, rel: 'noopener noreferrer', target: '_blank', class: 'more',
          text: 'Find out more about ' + e.name + ' (opens the web page)' })) : '';
      $('entry-list').append(el('li', { class: 'entry', 'data-entry': e.id }, el('h3', { text: e.name }),
        el('p', { text: e.description }), el('h4', { text: 'Leads into' }), into, more,
        el('div', { class: 'actions' }, show)));
    }
  }

  // ------------------------------------------------------------------ stories
  function buildStories() {
    if (!data.stories.length) return;
    $('stories').hidden = false;
    for (const s of data.stories) {
      const button = el('button', { type: 'button', 'aria-pressed': 'false', 'data-story': s.id },
        s.name, el('span', { class: 'who', text: s.title }));
      button.addEventListener('click', () => showStory(s.id));
      $('story-list').append(el('li', {}, button));
    }
  }
  function showStory(id) {
    const story = data.stories.find((s) => s.id === id);
    if (!story) return;
    select(null);
    for (const b of $('story-list').querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.story === id));
    const ol = el('ol', {});
    const onMap = [];
    for (const step of story.steps) {
      if (step.role && roles.has(step.role)) {
        const li = el('li', { 'data-role': step.role }, roleLink(step.role));
        if (step.text && step.text !== roles.get(step.role).name) li.append(el('span', { class: 'via', text: ' (as ' + step.text + ')' }));
        ol.append(li);
        onMap.push(step.role);
      } else {
        const level = levels.get(step.level);
        ol.append(el('li', {}, step.text || step.role, level ? el('span', { class: 'via', text: ' \u2013 ' + level.name }) : null));
      }
    }
    const links = onMap.slice(1).map((id, k) => [onMap[k], id]);
    $('story-result').replaceChildren(el('h3', { text: story.name + ' \u2013 ' + story.title }),
      story.entry_route ? el('p', { text: 'Started through: ' + story.entry_route }) : '', ol,
      story.source ? el('p', { class: 'help', text: 'Source: ' + story.source }) : '');
    frame(emphasise(onMap, links, null));
    setHash('#story=' + id);
  }

  // ------------------------------------------------------------------ printing, deep links
  let printing = null;
  function printPart(kind, target) {
    printing = { kind, target };
    document.body.classList.add(kind);
    if (target) { target.classList.add('print-target'); target.closest('.level')?.classList.add('print-target'); }
    window.print();
  }
  window.addEventListener('beforeprint', () => {
    if (printing) return;
    // Printing the whole page: every card open, so the hand-out has what each role is.
    printing = { kind: null, reopen: data.roles.filter((r) => !r.card.open) };
    printing.reopen.forEach((r) => { r.card.open = true; });
  });
  window.addEventListener('afterprint', () => {
    if (!printing) return;
    if (printing.kind) document.body.classList.remove(printing.kind);
    for (const e of document.querySelectorAll('.print-target')) e.classList.remove('print-target');
    (printing.reopen || []).forEach((r) => { r.card.open = false; });
    printing = null;
  });

  function applyHash() {
    const hash = decodeURIComponent(location.hash.slice(1));
    const [key, value = ''] = hash.split('=');
    if (key === 'role' && roles.has(value)) select(value, { focus: document.activeElement !== document.body });
    else if (key === 'route') showRoutes(...value.split(','));
    else if (key === 'story') showStory(value);
  }

  buildList();
  buildFilters();
  buildRouteFinder();
  buildStories();
  buildEntryRoutes();
  wireMap();
  applyFilters();
  showView();
  window.addEventListener('hashchange', applyHash);
  applyHash();
  // For tests and curious advisers: the route rule, and when the page became usable.
  window.pathwaysExplorer = Object.freeze({ findRoutes });
  document.documentElement.dataset.ready = 'true';
  performance.mark('explorer-ready');
}());
