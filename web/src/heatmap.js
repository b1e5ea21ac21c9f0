// The council × year heatmap of a theme's counts: cases, improvements and
// articles added up, darker for more.
import { query } from './api.js';

const matrixQuery = `query ThemeMatrix($theme: String!) {
  themeMatrix(themes: [$theme]) {
    councils { slug name }
    years { label }
    cells { council { slug } year { label } caseCount improvementCount articleCount total }
  }
}`;

// showHeatmap draws the theme's matrix into container. onCell is called
// with a council slug and year label when a cell is clicked.
export async function showHeatmap(container, theme, onCell) {
  if (!theme) {
    container.replaceChildren(Object.assign(document.createElement('p'), { className: 'hint', textContent: 'Pick a theme to see its counts by council and year.' }));
    return;
  }
  const { themeMatrix: m } = await query(matrixQuery, { theme });
  const cells = new Map(m.cells.map((c) => [`${c.council.slug}|${c.year.label}`, c]));
  const max = Math.max(1, ...m.cells.map((c) => c.total));
  const table = document.createElement('table');
  table.className = 'heatmap';
  const head = table.createTHead().insertRow();
  head.append(Object.assign(document.createElement('th'), { textContent: 'Council' }));
  for (const y of m.years) head.append(Object.assign(document.createElement('th'), { textContent: y.label }));
  const body = table.createTBody();
  for (const c of m.councils) {
    const row = body.insertRow();
    row.append(Object.assign(document.createElement('th'), { textContent: c.name }));
    for (const y of m.years) {
      const cell = cells.get(`${c.slug}|${y.label}`);
      const td = row.insertCell();
      const total = cell ? cell.total : 0;
      td.textContent = String(total);
      const level = total / max;
      td.style.background = `rgba(214, 39, 40, ${total ? 0.15 + 0.85 * level : 0})`;
      td.style.color = level > 0.55 ? '#fff' : '#000';
      td.title = cell
        ? `${c.name}, ${y.label}: ${cell.caseCount} cases, ${cell.improvementCount} improvements, ${cell.articleCount} articles`
        : `${c.name}, ${y.label}: none`;
      td.dataset.council = c.slug;
      td.dataset.year = y.label;
      if (total) {
        td.className = 'filled';
        td.addEventListener('click', () => onCell(c.slug, y.label));
      }
    }
  }
  if (!m.councils.length) {
    container.replaceChildren(Object.assign(document.createElement('p'), { className: 'hint', textContent: 'No council has items of this theme.' }));
    return;
  }
  container.replaceChildren(table);
}
