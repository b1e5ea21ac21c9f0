// Browser tests: Debian's Chromium, driven by playwright-core, against the
// real binary serving the seed corpus. They open the playground and the
// explorer, run a query, click a node, switch a theme and follow the export
// links, with every request outside the server refused (the pages must work
// offline). Any console error, page error, failed request or HTTP error
// fails them. Screenshots go to test/artifacts/, or to web/$ARTIFACTS.
//
//   npm test                       # builds and starts the server itself
//   BASE_URL=http://127.0.0.1:8080/ npm test
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';

const artifacts = process.env.ARTIFACTS ? new URL(`../${process.env.ARTIFACTS}/`, import.meta.url).pathname : new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

// server returns the base URL of a running ombudsgraph, starting one on a
// free loopback port unless BASE_URL is given.
async function server() {
  if (process.env.BASE_URL) return { base: process.env.BASE_URL, stop() {} };
  const dir = mkdtempSync(join(tmpdir(), 'ombudsgraph-browser-'));
  const bin = join(dir, 'ombudsgraph');
  execFileSync('go', ['build', '-o', bin, './cmd/ombudsgraph'], { cwd: new URL('../..', import.meta.url).pathname, stdio: 'inherit' });
  const proc = spawn(bin, ['serve', '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('the server did not start within 30 s')), 30000);
    proc.stdout.on('data', (chunk) => {
      buf += chunk;
      for (const line of buf.split('\n')) {
        if (line.includes('"msg":"listening"')) {
          clearTimeout(timer);
          resolve(`http://${JSON.parse(line).addr}/`);
        }
      }
    });
    proc.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { base, stop() { proc.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); } };
}

const { base, stop } = await server();
const origin = new URL(base).origin;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-default-apps', '--disable-sync', '--no-first-run', '--mute-audio'],
});
const problems = [];
let failed = 0;

async function newPage(name) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`${name}: a request left the server (the page must work offline): ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`${name}: console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`${name}: page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`${name}: request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`${name}: HTTP ${res.status()} for ${res.url()}`); });
  return page;
}

async function test(name, fn) {
  const before = problems.length;
  const started = Date.now();
  try {
    await fn();
    if (problems.length > before) throw new Error(problems.slice(before).join('\n'));
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}\n${err.stack || err}`);
  }
}

// watchGraphQL fails the test on any GraphQL error the page is answered
// with: they come back with HTTP 200, which the checks of newPage pass.
function watchGraphQL(page, name) {
  page.on('response', async (res) => {
    if (!res.url().startsWith(`${origin}/query`)) return;
    try {
      const body = await res.json();
      for (const r of Array.isArray(body) ? body : [body]) {
        if (r && r.errors) problems.push(`${name}: GraphQL errors for ${res.request().postData()?.slice(0, 80)}: ${JSON.stringify(r.errors).slice(0, 300)}`);
      }
    } catch (err) {
      problems.push(`${name}: an answer of /query is not JSON: ${err.message}`);
    }
  });
}

await test('playground: loads offline, knows the schema, completes, and runs the SEND trace', async () => {
  const page = await newPage('playground');
  watchGraphQL(page, 'playground');
  await page.goto(base, { waitUntil: 'networkidle' });
  await page.waitForSelector('.graphiql-container .CodeMirror', { timeout: 20000 });
  const editor = await page.locator('.graphiql-query-editor .CodeMirror').first().textContent();
  assert.match(editor, /query TraceSEND/, 'the first example query is preloaded');
  const tabs = await page.locator('.graphiql-tab').count();
  assert.ok(tabs >= 4, `the four example queries open as tabs (${tabs} tabs)`);
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => /"improvementCount"/.test(document.querySelector('.result-window')?.textContent || ''), null, { timeout: 20000 });
  const result = await page.locator('.result-window').textContent();
  assert.match(result, /SEND and EHC plans/);
  await page.screenshot({ path: join(artifacts, 'playground.png') });

  // The other examples run too, on councils the served graph holds.
  for (const [tab, expect] of [['CompareCouncils', /"differenceFromSimilar"/], ['Search', /"snippet"/], ['Neighbourhood', /"nodes"/]]) {
    await page.locator('.graphiql-tab', { hasText: tab }).first().click();
    await page.waitForFunction((name) => (document.querySelector('.graphiql-query-editor .CodeMirror')?.textContent || '').includes(`query ${name}`), tab);
    await page.waitForTimeout(1000); // GraphiQL takes the tab's operation name after its text
    await page.click('.graphiql-execute-button');
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.result-window')?.textContent || ''), expect.source, { timeout: 20000 })
      .catch(async (err) => {
        await page.screenshot({ path: join(artifacts, `playground-${tab}.png`) });
        throw new Error(`${tab}: ${err.message}\n${(await page.locator('.result-window').textContent()).slice(0, 300)}`);
      });
    const text = await page.locator('.result-window').textContent();
    assert.ok(!/"errors"/.test(text), `the ${tab} example answers without errors`);
  }

  // The Docs pane lists Query's fields: the schema was fetched, whole.
  await page.getByRole('button', { name: /Documentation Explorer/ }).first().click();
  await page.locator('.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).first().click();
  await page.waitForSelector('.graphiql-doc-explorer-field-name', { timeout: 10000 });
  const fields = await page.locator('.graphiql-doc-explorer-field-name').allTextContents();
  for (const f of ['council', 'councils', 'theme', 'subgraph']) assert.ok(fields.includes(f), `the Docs pane lists Query.${f} (${fields.length} fields)`);
  await page.screenshot({ path: join(artifacts, 'playground-docs.png') });

  // Typing offers the schema's fields.
  await page.locator('.graphiql-tab-add').first().click();
  const editor2 = page.locator('.graphiql-query-editor .CodeMirror').first();
  await editor2.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{ coun', { delay: 50 });
  await page.waitForSelector('.CodeMirror-hints li', { timeout: 10000 });
  const hints = await page.locator('.CodeMirror-hints li').allTextContents();
  for (const h of ['council', 'councils']) assert.ok(hints.some((x) => x.startsWith(h)), `typing "{ coun" offers ${h} (${hints.join(', ')})`);
  await page.screenshot({ path: join(artifacts, 'playground-complete.png') });
  await page.context().close();
});

await test('explorer: draws Kent, shows a node\'s evidence, highlights a theme, charts, exports', async () => {
  const page = await newPage('explorer');
  await page.goto(`${base}explore`, { waitUntil: 'networkidle' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const summary = await page.textContent('#graph-summary');
  assert.match(summary, /^\d+ nodes, \d+ relationships/);
  const count = await page.evaluate(() => window.ombudsgraph.cy.nodes().length);
  assert.ok(count > 5, `the explorer draws Kent's neighbourhood (${count} nodes)`);
  await page.screenshot({ path: join(artifacts, 'explorer.png') });

  // Click a case: its evidence and source document appear.
  const target = await page.evaluate(() => {
    const cy = window.ombudsgraph.cy;
    const n = cy.nodes('[kind = "Case"]').first();
    const box = cy.container().getBoundingClientRect();
    const p = n.renderedPosition();
    return { id: n.id(), label: n.data('label'), x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(target.x, target.y);
  await page.waitForSelector('#details-title', { timeout: 10000 });
  assert.equal(await page.textContent('#details-title'), target.label);
  assert.ok(await page.locator('#details .evidence li').count() >= 1, 'the case shows its evidence quotes');
  assert.match(await page.textContent('#details .documents'), /\.txt/, 'the case names its source document');
  await page.screenshot({ path: join(artifacts, 'explorer-node.png') });

  // Switch the theme to SEND: its items are highlighted and the heatmap drawn.
  await page.selectOption('#theme', 'send');
  await page.waitForSelector('#heatmap table.heatmap td.filled', { timeout: 10000 });
  const marked = await page.evaluate(() => window.ombudsgraph.cy.nodes('.highlight').map((n) => n.id()));
  assert.ok(marked.length >= 1, 'SEND items in view are highlighted');
  const cells = await page.locator('#heatmap td.filled').count();
  assert.ok(cells >= 1, 'the heatmap has SEND cells');
  // Then another theme: the highlight follows, to other items.
  await page.selectOption('#theme', 'complaint-handling');
  await page.waitForFunction((before) => {
    const ids = window.ombudsgraph.cy.nodes('.highlight').map((n) => n.id());
    return ids.length > 0 && ids.join() !== before;
  }, marked.join(), { timeout: 10000 });
  const marked2 = await page.evaluate(() => window.ombudsgraph.cy.nodes('.highlight').map((n) => n.id()));
  assert.ok(marked2.length >= 1, 'complaint-handling items in view are highlighted');
  assert.ok(!marked2.includes('Theme:send'), 'SEND is no longer highlighted');
  assert.ok(marked2.every((id) => id === 'Theme:complaint-handling' || !id.startsWith('Theme:')), 'only the new theme is highlighted');

  // The theme across councils.
  await page.selectOption('#theme', 'send');
  await page.click('#theme-load');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('seeds') === 'Theme:send' && !document.body.dataset.busy);
  const councils = await page.evaluate(() => window.ombudsgraph.cy.nodes('[kind = "Council"]').length);
  assert.ok(councils >= 2, `SEND across councils reaches ${councils} councils`);
  await page.screenshot({ path: join(artifacts, 'explorer-theme.png'), fullPage: true });

  // The timeline chart of a council's statistics against similar authorities.
  assert.ok(await page.locator('#timeline svg circle.point.own').count() >= 1, 'the timeline plots the council');
  assert.ok(await page.locator('#timeline svg circle.point.similar').count() >= 1, 'the timeline plots similar authorities');

  // Every export link of the view downloads, and agrees with the view.
  const view = await page.evaluate(() => ({ nodes: window.ombudsgraph.cy.nodes().length, edges: window.ombudsgraph.cy.edges().length }));
  for (const f of ['graphml', 'gexf', 'cytoscape', 'd3', 'csv']) {
    const href = await page.getAttribute(`#export-${f}`, 'href');
    const res = await page.request.get(href);
    assert.equal(res.status(), 200, `${f} downloads`);
    assert.match(res.headers()['content-disposition'] || '', /^attachment; filename="ombudsgraph-/);
    if (f === 'gexf' || f === 'graphml') {
      const g = (f === 'gexf' ? gexf : graphml).parse(Graph, await res.text());
      assert.equal(g.order, view.nodes, `${f}: graphology reads as many nodes as the view shows`);
      assert.equal(g.size, view.edges, `${f}: graphology reads as many edges as the view shows`);
    }
  }
  const download = page.waitForEvent('download');
  await page.click('#export-gexf');
  assert.match((await download).suggestedFilename(), /^ombudsgraph-[0-9a-f]+\.gexf$/);
  await page.context().close();
});

await browser.close();
stop();
if (failed) {
  console.log(`${failed} browser test(s) failed; screenshots in ${artifacts}`);
  process.exit(1);
}
console.log(`browser tests passed; screenshots in ${artifacts}`);
