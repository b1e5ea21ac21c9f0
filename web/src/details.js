// The details panel: a node's properties, the quotes it was read from, and
// its source documents.
import { query } from './api.js';

const nodeQuery = `query NodeDetails($id: ID!) {
  subgraph(seeds: [$id], depth: 0) {
    nodes {
      id kind label properties years themes
      evidence { quote line start end document { name title kind } }
    }
  }
}`;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

// showDetails fetches a node and fills panel with it.
export async function showDetails(panel, id) {
  panel.replaceChildren(el('h2', {}, 'Details'), el('p', { class: 'hint' }, `Loading ${id}…`));
  const data = await query(nodeQuery, { id });
  const node = data.subgraph.nodes[0];
  const props = el('table', { class: 'props' });
  for (const [k, v] of Object.entries(node.properties)) {
    props.append(el('tr', {}, el('th', {}, k), el('td', {}, String(v))));
  }
  const quotes = el('ol', { class: 'evidence' });
  const documents = new Map();
  for (const ev of node.evidence) {
    documents.set(ev.document.name, ev.document);
    quotes.append(el('li', {}, el('blockquote', {}, ev.quote), el('cite', {}, `${ev.document.name}, line ${ev.line}`)));
  }
  const docs = el('ul', { class: 'documents' });
  for (const d of documents.values()) {
    docs.append(el('li', {}, el('strong', {}, d.name), ` — ${d.title} (${d.kind.toLowerCase().replace('_', ' ')})`));
  }
  panel.replaceChildren(
    el('h2', {}, 'Details'),
    el('h3', { id: 'details-title' }, node.label),
    el('p', { class: 'kind' }, `${node.kind} · `, el('code', {}, node.id)),
    props,
    el('h4', {}, `Evidence (${node.evidence.length})`),
    node.evidence.length ? quotes : el('p', { class: 'hint' }, 'This node is implied by others and has no quote of its own.'),
    el('h4', {}, 'Source documents'),
    documents.size ? docs : el('p', { class: 'hint' }, 'None.'),
  );
}
