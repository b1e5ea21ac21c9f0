// The timeline chart: one council's statistic, year by year, against the
// average of similar authorities, drawn as SVG.
import { query } from './api.js';

const statsQuery = `query Timeline($slug: String!) {
  council(slug: $slug) {
    name
    statistics {
      year { label }
      upheldPercent compliancePercent satisfactoryRemedyPercent upheldPer100k
      similarAuthorities { upheldPercent compliancePercent satisfactoryRemedyPercent upheldPer100k }
    }
  }
}`;

const svgNS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const e = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// showTimeline draws the council's metric into container.
export async function showTimeline(container, slug, metric, metricLabel) {
  if (!slug) {
    container.replaceChildren();
    return;
  }
  const { council } = await query(statsQuery, { slug });
  const stats = (council?.statistics || []).slice().sort((a, b) => a.year.label.localeCompare(b.year.label));
  const points = stats.map((s) => ({ year: s.year.label, own: s[metric], similar: s.similarAuthorities[metric] }));
  const values = points.flatMap((p) => [p.own, p.similar]).filter((v) => v !== null && v !== undefined);
  if (!values.length) {
    container.replaceChildren(Object.assign(document.createElement('p'), { className: 'hint', textContent: `${council ? council.name : slug} has no statistics for this measure.` }));
    return;
  }
  const W = 460, H = 220, L = 48, R = 16, T = 16, B = 40;
  const top = Math.max(...values) * 1.15 || 1;
  const x = (i) => (points.length === 1 ? L + (W - L - R) / 2 : L + (i * (W - L - R)) / (points.length - 1));
  const y = (v) => T + (H - T - B) * (1 - v / top);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `${metricLabel} for ${council.name} against similar authorities` });
  chart.append(svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#888' }), svg('line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#888' }));
  for (const f of [0, 0.5, 1]) {
    const v = top * f;
    chart.append(svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, v.toFixed(v < 10 ? 1 : 0)));
  }
  points.forEach((p, i) => chart.append(svg('text', { x: x(i), y: H - B + 16, 'text-anchor': 'middle', class: 'tick' }, p.year)));
  const series = [
    { key: 'own', name: council.name, colour: '#1f77b4', dash: '' },
    { key: 'similar', name: 'similar authorities', colour: '#d62728', dash: '5 3' },
  ];
  series.forEach((s, k) => {
    const pts = points.map((p, i) => [i, p[s.key]]).filter(([, v]) => v !== null && v !== undefined);
    if (pts.length > 1) {
      chart.append(svg('polyline', { points: pts.map(([i, v]) => `${x(i)},${y(v)}`).join(' '), fill: 'none', stroke: s.colour, 'stroke-width': 2, 'stroke-dasharray': s.dash }));
    }
    for (const [i, v] of pts) {
      const dot = svg('circle', { cx: x(i), cy: y(v), r: 4, fill: s.colour, class: `point ${s.key}` });
      dot.append(svg('title', {}, `${s.name}, ${points[i].year}: ${v}`));
      chart.append(dot);
    }
    chart.append(svg('rect', { x: L + 8 + k * 200, y: H - 14, width: 12, height: 4, fill: s.colour }));
    chart.append(svg('text', { x: L + 24 + k * 200, y: H - 10, class: 'legend' }, s.name));
  });
  container.replaceChildren(chart);
}
