// The explorer at /explore: draws any selection of the graph, shows a
// node's evidence, highlights a theme across councils, and charts a theme
// by council and year and a council's statistics against similar
// authorities. Every view can be downloaded in each export format.
import './explore.css';
import { query, exportURL } from './api.js';
import { createView, show, highlight, kinds, shapes } from './graph.js';
import { showDetails } from './details.js';
import { showHeatmap } from './heatmap.js';
import { showTimeline } from './timeline.js';

const $ = (id) => document.getElementById(id);
const formats = [
  ['graphml', 'GraphML (Gephi, yEd, Cytoscape)'],
  ['gexf', 'GEXF 1.3 (Gephi, with a timeline)'],
  ['cytoscape', 'Cytoscape.js JSON'],
  ['d3', 'D3 / networkx node-link JSON'],
  ['csv', 'neo4j-admin import CSV (zip)'],
];
const hiddenByDefault = new Set(['Document']);

const cy = createView($('graph'));
// The view, for the browser tests and for poking at from the console.
window.ombudsgraph = { cy };
let busy = 0;

function status(text, isError = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

// guard runs an action, reporting its failure in the status line.
async function guard(what, action) {
  busy++;
  document.body.dataset.busy = 'true';
  try {
    return await action();
  } catch (err) {
    status(`${what} failed: ${err.message}`, true);
    return undefined;
  } finally {
    if (--busy === 0) delete document.body.dataset.busy;
  }
}

function option(value, text) {
  return Object.assign(document.createElement('option'), { value, textContent: text });
}

async function councils() {
  const out = [];
  let after = null;
  for (;;) {
    const { councils: page } = await query(
      `query Councils($after: String) { councils(first: 100, after: $after) { edges { node { slug name } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

// params reads the selection from the form, as the export query string.
function params() {
  const p = new URLSearchParams();
  const seeds = $('seeds').value.split(',').map((s) => s.trim()).filter(Boolean);
  if (seeds.length) p.set('seeds', seeds.join(','));
  else if ($('council').value) p.set('seeds', `Council:${$('council').value}`);
  if (p.has('seeds')) p.set('depth', $('depth').value);
  const checked = [...document.querySelectorAll('#kinds input:checked')].map((i) => i.value);
  if (checked.length < kinds.length) p.set('kinds', checked.join(','));
  if ($('year').value) p.set('years', $('year').value);
  p.set('limit', $('limit').value || '500');
  return p;
}

// restore sets the form from the page's query string.
function restore(q) {
  const seeds = q.get('seeds') || '';
  const m = /^Council:([^,]+)$/.exec(seeds);
  if (m && [...$('council').options].some((o) => o.value === m[1])) {
    $('council').value = m[1];
    $('seeds').value = '';
  } else if (seeds) {
    $('council').value = '';
    $('seeds').value = seeds;
  }
  if (q.has('depth')) $('depth').value = q.get('depth');
  if (q.has('years')) $('year').value = q.get('years');
  if (q.has('limit')) $('limit').value = q.get('limit');
  if (q.has('kinds')) {
    const want = new Set(q.get('kinds').split(','));
    for (const i of document.querySelectorAll('#kinds input')) i.checked = want.has(i.value);
  }
  if (q.has('highlight')) $('theme').value = q.get('highlight');
}

function legend() {
  const seen = new Map();
  cy.nodes().forEach((n) => seen.set(n.data('kind'), n.data('colour')));
  $('legend').replaceChildren(
    ...kinds.filter((k) => seen.has(k)).map((k) => {
      const li = document.createElement('li');
      const swatch = Object.assign(document.createElement('span'), { className: `swatch ${shapes[k]}` });
      swatch.style.background = seen.get(k);
      li.append(swatch, ` ${k} (${cy.nodes(`[kind = "${k}"]`).length})`);
      return li;
    }),
  );
}

// load draws the selection in the form.
async function load() {
  const p = params();
  status('Loading the selection…');
  await guard('Loading the graph', async () => {
    const res = await fetch(exportURL('cytoscape', p));
    const doc = await res.json();
    if (!res.ok) throw new Error(doc.errors ? doc.errors.map((e) => e.message).join('; ') : `status ${res.status}`);
    show(cy, doc);
    const n = doc.elements.nodes.length, e = doc.elements.edges.length;
    $('graph-summary').textContent = `${n} nodes, ${e} relationships${doc.data.truncated ? ` — cut at ${p.get('limit')} nodes; raise the limit or narrow the selection` : ''}.`;
    $('export-links').replaceChildren(
      ...formats.map(([f, label]) => {
        const a = Object.assign(document.createElement('a'), { href: exportURL(f, p), textContent: label, id: `export-${f}` });
        a.setAttribute('download', '');
        const li = document.createElement('li');
        li.append(a);
        return li;
      }),
    );
    legend();
    const marked = highlight(cy, $('theme').value);
    const page = new URLSearchParams(p);
    if ($('theme').value) page.set('highlight', $('theme').value);
    history.replaceState(null, '', `?${page}`);
    status(`Showing ${n} nodes${$('theme').value ? `; ${marked} carry the theme` : ''}. Click a node for its evidence.`);
  });
}

async function pickTheme() {
  const slug = $('theme').value;
  $('theme-load').disabled = !slug;
  const marked = highlight(cy, slug);
  const page = new URLSearchParams(location.search);
  if (slug) page.set('highlight', slug); else page.delete('highlight');
  history.replaceState(null, '', `?${page}`);
  await guard('Drawing the heatmap', () => showHeatmap($('heatmap'), slug, (council, year) => {
    $('council').value = council;
    $('seeds').value = '';
    $('year').value = year;
    load();
  }));
  if (slug) status(`${marked} nodes in view carry the theme “${$('theme').selectedOptions[0].textContent}”.`);
}

async function timeline() {
  await guard('Drawing the timeline', () => showTimeline($('timeline'), $('timeline-council').value, $('timeline-metric').value, $('timeline-metric').selectedOptions[0].textContent));
}

async function init() {
  for (const k of kinds) {
    const label = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: k, checked: !hiddenByDefault.has(k), name: 'kinds' });
    label.append(box, ` ${k}`);
    $('kinds').append(label);
  }
  const ok = await guard('Loading the councils and themes', async () => {
    const [list, meta] = await Promise.all([councils(), query('query Meta { themes { slug name } years { label } }')]);
    for (const c of list) {
      $('council').append(option(c.slug, c.name));
      $('timeline-council').append(option(c.slug, c.name));
    }
    for (const t of meta.themes) $('theme').append(option(t.slug, t.name));
    for (const y of meta.years) $('year').append(option(y.label, y.label));
    if (list.length) $('council').value = list.some((c) => c.slug === 'kent-county-council') ? 'kent-county-council' : list[0].slug;
    $('timeline-council').value = $('council').value;
    return true;
  });
  if (!ok) return;
  restore(new URLSearchParams(location.search));
  $('selection').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  $('council').addEventListener('change', () => {
    $('seeds').value = '';
    if ($('council').value) $('timeline-council').value = $('council').value;
    timeline();
  });
  $('theme').addEventListener('change', pickTheme);
  $('theme-load').addEventListener('click', () => {
    $('council').value = '';
    $('seeds').value = `Theme:${$('theme').value}`;
    $('depth').value = '2';
    load();
  });
  $('timeline-council').addEventListener('change', timeline);
  $('timeline-metric').addEventListener('change', timeline);
  cy.on('tap', 'node', (evt) => {
    const n = evt.target;
    guard('Loading the node', () => showDetails($('details'), n.id()));
    if (n.data('kind') === 'Council') {
      $('timeline-council').value = n.id().slice('Council:'.length);
      timeline();
    }
  });
  await load();
  await Promise.all([pickTheme(), timeline()]);
  document.body.dataset.ready = 'true';
}

init();
