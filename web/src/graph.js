// The graph view: Cytoscape.js, nodes coloured (by the server, per kind)
// and shaped by kind, laid out with the force-directed cose layout.
import cytoscape from 'cytoscape';

// shapes gives every kind its own node shape.
export const shapes = {
  Council: 'round-rectangle',
  AuthorityType: 'tag',
  Year: 'diamond',
  Statistics: 'barrel',
  Case: 'ellipse',
  Category: 'hexagon',
  Subcategory: 'pentagon',
  Improvement: 'triangle',
  Report: 'rectangle',
  Letter: 'round-tag',
  Article: 'star',
  Claim: 'rhomboid',
  Theme: 'octagon',
  Document: 'cut-rectangle',
};

// kinds lists the kinds in the order the explorer offers them.
export const kinds = Object.keys(shapes);

const style = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      shape: (n) => shapes[n.data('kind')] || 'ellipse',
      label: 'data(label)',
      'font-size': 9,
      'text-max-width': 120,
      'text-wrap': 'ellipsis',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      width: 22,
      height: 22,
      'border-width': 1,
      'border-color': '#333',
    },
  },
  { selector: 'node[kind = "Council"], node[kind = "Theme"]', style: { width: 36, height: 36, 'font-size': 11, 'font-weight': 'bold' } },
  { selector: 'node[kind = "Theme"]', style: { color: '#000', 'background-color': '#222' } },
  {
    selector: 'edge',
    style: {
      width: 1,
      'line-color': '#bbb',
      'target-arrow-color': '#bbb',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.6,
      'curve-style': 'bezier',
    },
  },
  { selector: 'node.faded', style: { opacity: 0.15 } },
  { selector: 'edge.faded', style: { opacity: 0.08 } },
  { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#ffb000', opacity: 1 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0050ff' } },
];

// createView returns the Cytoscape instance drawn in container.
export function createView(container) {
  return cytoscape({ container, style, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4 });
}

// show replaces the view's elements with a Cytoscape.js export and lays
// them out.
export function show(cy, doc) {
  cy.elements().remove();
  cy.add([...doc.elements.nodes, ...doc.elements.edges]);
  const n = doc.elements.nodes.length;
  const layout = n > 1500
    ? { name: 'concentric', concentric: (node) => (node.data('kind') === 'Council' ? 2 : 1), animate: false }
    : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60, numIter: n > 400 ? 400 : 1000 };
  cy.layout(layout).run();
  cy.fit(undefined, 20);
}

// highlight marks the nodes of a theme, the theme itself included, and
// fades the rest; with no theme it clears the marks. It returns how many
// nodes it marked.
export function highlight(cy, slug) {
  cy.elements().removeClass('faded highlight');
  if (!slug) return 0;
  const marked = cy.nodes().filter((n) => n.id() === `Theme:${slug}` || (n.data('themes') || '').split(' ').includes(slug));
  cy.elements().not(marked).not(marked.edgesWith(marked)).addClass('faded');
  marked.addClass('highlight');
  return marked.length;
}
