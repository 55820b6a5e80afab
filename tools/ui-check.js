// The browser test: every chapter run in the real JupyterLab 4, and the exported site opened,
// in one headless Chromium (Debian's, driven by playwright-core) and one Jupyter server.
//
//   node tools/ui-check.js --python build/venv/bin/python --notebooks notebooks --out build/ui
//                          [--site build/site] [--only 01,03] [--no-features] [--no-chapters]
//
// `make ui-check` installs what this needs and calls it with the Makefile's JUPYTER_PATH,
// JUPYTER_CONFIG_DIR, ... in the environment. What it does:
//   1. copies notebooks/[0-9][0-9]-*.ipynb to <out>/work/notebooks/ (the committed files are
//      never opened, so never saved), with lib/, data/, bench/, ... linked beside them so
//      relative paths and Course.dataDir() resolve as in notebooks/;
//   2. starts JupyterLab from the given Python on a free port with a random token, COURSE_QUICK=1
//      (kernels run in quick mode), a fresh settings and workspaces folder under <out>;
//   3. once, on a scratch notebook: Java syntax highlighting, Tab completion, Shift-Tab
//      inspection, the toolbar's interrupt button on a sleeping cell, a kernel restart;
//   4. each chapter in turn: clear outputs, Run All Cells, wait until no cell is running and the
//      kernel is idle, then check that every code cell ran, no output is an error, and every cell
//      tagged `chart` (tags read from the .ipynb) shows a loaded image; a screenshot goes to
//      <out>/<chapter>.png; the kernel is shut down before the next chapter;
//   5. with --site: every page of the exported site renders, every image loads, and no link or
//      src points at a local file (file:// or an absolute path of this machine).
// One line per chapter, then a summary; exit status 1 on any failure, each naming its chapter
// and cell.
'use strict';
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const path = require('path');

const CHAPTER_TIMEOUT = Number(process.env.UI_CHAPTER_TIMEOUT || 300) * 1000;
const KERNEL_TIMEOUT = 180 * 1000;

function options(argv) {
  const o = { python: 'python3', notebooks: 'notebooks', out: 'build/ui', site: null, only: null,
    features: true, chapters: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--python') o.python = argv[++i];
    else if (a === '--notebooks') o.notebooks = argv[++i];
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--site') o.site = argv[++i];
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a === '--no-features') o.features = false;
    else if (a === '--no-chapters') o.chapters = false;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const failures = [];
function fail(where, message) {
  failures.push(`${where}: ${message}`);
  console.log(`  FAIL ${where}: ${message}`);
}
const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function prepareWork(o) {
  const root = path.resolve(o.notebooks, '..');
  const work = path.resolve(o.out, 'work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, 'notebooks'), { recursive: true });
  // Everything beside notebooks/ (lib/, data/, bench/, ...) linked, so that ../lib/... paths and
  // Course.dataDir().resolveSibling(...) find what they find from notebooks/.
  for (const entry of fs.readdirSync(root)) {
    if (['notebooks', 'build', '.git'].includes(entry)) continue;
    fs.symlinkSync(path.join(root, entry), path.join(work, entry));
  }
  const chapters = fs.readdirSync(o.notebooks).filter(n => /^[0-9][0-9]-.*\.ipynb$/.test(n)).sort()
    .filter(n => !o.only || o.only.some(p => n.startsWith(p)));
  for (const name of chapters) fs.copyFileSync(path.join(o.notebooks, name), path.join(work, 'notebooks', name));
  // Settings: every cell in the DOM (no windowing), no news or update checks.
  const settings = path.resolve(o.out, 'lab-settings');
  fs.rmSync(settings, { recursive: true, force: true });
  const put = (plugin, file, value) => {
    fs.mkdirSync(path.join(settings, plugin), { recursive: true });
    fs.writeFileSync(path.join(settings, plugin, file), JSON.stringify(value));
  };
  put('@jupyterlab/notebook-extension', 'tracker.jupyterlab-settings', { windowingMode: 'none' });
  put('@jupyterlab/apputils-extension', 'notification.jupyterlab-settings',
    { fetchNews: 'false', checkForUpdates: false });
  put('@jupyterlab/docmanager-extension', 'plugin.jupyterlab-settings', { autosave: false });
  fs.rmSync(path.resolve(o.out, 'lab-workspaces'), { recursive: true, force: true });
  return { work, chapters, settings };
}

async function startLab(o, work, settings) {
  const port = await freePort();
  const token = crypto.randomBytes(24).toString('hex');
  const log = fs.openSync(path.resolve(o.out, 'jupyterlab.log'), 'w');
  const args = ['-m', 'jupyterlab', '--ip=127.0.0.1', `--port=${port}`, '--no-browser',
    `--ServerApp.root_dir=${work}`, `--IdentityProvider.token=${token}`,
    '--LabApp.expose_app_in_browser=True', `--LabApp.user_settings_dir=${settings}`,
    `--LabApp.workspaces_dir=${path.resolve(o.out, 'lab-workspaces')}`,
    '--ServerApp.port_retries=0'];
  if (process.getuid && process.getuid() === 0) args.push('--allow-root');
  const server = spawn(o.python, args, {
    env: { ...process.env, COURSE_QUICK: '1' }, stdio: ['ignore', log, log], detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`JupyterLab exited (${server.exitCode}); see ${o.out}/jupyterlab.log`);
    try {
      const r = await fetch(`${base}/api/status?token=${token}`);
      if (r.ok) break;
    } catch (e) { /* not up yet */ }
    if (Date.now() - t0 > 120000) throw new Error(`JupyterLab did not answer in 120 s; see ${o.out}/jupyterlab.log`);
    await new Promise(r => setTimeout(r, 500));
  }
  const version = (await (await fetch(`${base}/api?token=${token}`)).json()).version;
  return { server, base, token, port, started: seconds(t0), version };
}

// Opens a notebook in a fresh JupyterLab page state and waits for its kernel.
async function openNotebook(page, lab, relPath) {
  await page.goto(`${lab.base}/lab/tree/${relPath}?reset&token=${lab.token}`);
  await page.waitForFunction((p) => {
    const app = window.jupyterapp;
    const w = app && app.shell.currentWidget;
    return w && w.context && w.context.path === p && w.content && w.content.widgets.length > 0
      && w.sessionContext.session && w.sessionContext.session.kernel
      && w.sessionContext.session.kernel.connectionStatus === 'connected'
      && w.sessionContext.session.kernel.status === 'idle';
  }, relPath, { timeout: KERNEL_TIMEOUT, polling: 250 });
}

// The state of the current notebook: kernel status and, per cell, what ran and what came out.
function notebookState() {
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = w.content.widgets.map((c, index) => {
    const m = c.model;
    const prompt = c.node.querySelector('.jp-InputPrompt');
    const cell = { index, type: m.type, source: m.sharedModel.getSource(),
      prompt: prompt ? prompt.textContent.trim() : '', running: false, count: null,
      errors: [], images: 0, brokenImages: 0 };
    if (m.type === 'code') {
      cell.count = m.executionCount;
      cell.running = m.executionState === 'running' || cell.prompt.includes('*');
      // JupyterLab 4 renders an error exactly like stderr text (the same jp-RenderedText node with
      // data-mime-type application/vnd.jupyter.stderr, no class of its own): only the output
      // model tells them apart, so the model's output_type is the authority.
      for (const out of m.outputs.toJSON()) {
        if (out.output_type === 'error') cell.errors.push(`${out.ename}: ${out.evalue}`.replace(/\s*\n\s*/g, " ").slice(0, 200));
      }
      for (const img of c.node.querySelectorAll('.jp-OutputArea-output img')) {
        if (img.complete && img.naturalWidth > 0) cell.images++; else cell.brokenImages++;
      }
    }
    return cell;
  });
  return { kernel: kernel ? kernel.status : 'none', cells };
}

async function waitIdle(page, timeout) {
  const t0 = Date.now();
  let quietSince = null;
  for (;;) {
    const s = await page.evaluate(notebookState);
    if (s.kernel === 'dead') return { ...s, dead: true };
    const busy = s.kernel !== 'idle' || s.cells.some(c => c.running);
    if (!busy) {
      quietSince = quietSince || Date.now();
      if (Date.now() - quietSince > 1500) return { ...s, idleAt: quietSince };
    } else quietSince = null;
    if (Date.now() - t0 > timeout) return { ...s, timedOut: true };
    await page.waitForTimeout(500);
  }
}

async function shutdown(page) {
  await page.evaluate(async () => {
    const w = window.jupyterapp.shell.currentWidget;
    if (w && w.context) w.context.model.dirty = false;
    if (w && w.sessionContext) await w.sessionContext.shutdown();
  }).catch(() => {});
}

async function runChapter(page, lab, work, name) {
  const where = name.replace(/\.ipynb$/, '');
  const t0 = Date.now();
  const json = JSON.parse(fs.readFileSync(path.join(work, 'notebooks', name), 'utf8'));
  const tags = json.cells.map(c => (c.metadata && c.metadata.tags) || []);
  try {
    await openNotebook(page, lab, `notebooks/${name}`);
  } catch (e) {
    fail(where, `the notebook or its kernel did not become ready in ${KERNEL_TIMEOUT / 1000} s (${e.message.split('\n')[0]})`);
    return { where, cells: json.cells.length, images: 0, errors: 0, seconds: seconds(t0) };
  }
  const opened = seconds(t0);
  await page.evaluate(async () => {
    const app = window.jupyterapp;
    await app.commands.execute('notebook:clear-all-cell-outputs');
    app.commands.execute('notebook:run-all-cells');
  });
  await page.waitForTimeout(1500);
  const s = await waitIdle(page, CHAPTER_TIMEOUT);
  const before = failures.length;
  if (s.cells.length !== json.cells.length) {
    fail(where, `JupyterLab shows ${s.cells.length} cells, the .ipynb has ${json.cells.length}`);
  }
  if (s.dead) fail(where, `the kernel died (cells running then: ${s.cells.filter(c => c.running).map(c => c.index).join(', ') || 'none'})`);
  if (s.timedOut) {
    const running = s.cells.filter(c => c.running).map(c => c.index);
    fail(where, `still running after ${CHAPTER_TIMEOUT / 1000} s: kernel ${s.kernel}, cells ${running.join(', ') || 'none'}`);
  }
  let images = 0, errors = 0, code = 0;
  for (const c of s.cells) {
    if (c.type !== 'code') continue;
    code++;
    images += c.images;
    const cellWhere = `${where} cell ${c.index} (${c.source.split('\n')[0].slice(0, 60)})`;
    if (c.running) fail(cellWhere, 'left running');
    else if (c.count === null && c.source.trim() !== '') fail(cellWhere, 'did not run');
    for (const e of c.errors) { errors++; fail(cellWhere, `error output ${e}`); }
    if (c.brokenImages) fail(cellWhere, `${c.brokenImages} image(s) did not load`);
    if ((tags[c.index] || []).includes('chart') && c.images === 0) fail(cellWhere, 'tagged chart but shows no image');
  }
  // The screenshot: the first chart in view, else the top of the notebook.
  const shot = path.resolve(lab.out, `${where}.png`);
  const firstImage = page.locator('.jp-Notebook .jp-OutputArea-output img').first();
  if (await firstImage.count()) await firstImage.scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: shot });
  await shutdown(page);
  const result = { where, cells: s.cells.length, code, images, errors, opened, seconds: seconds(t0),
    ok: failures.length === before };
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${where}: ${result.cells} cells (${code} code), ` +
    `${images} images, ${errors} errors, ${result.seconds} s (kernel ready after ${opened} s)`);
  return result;
}

// ---- the features checked once, on a scratch notebook ----
function scratchNotebook(work) {
  const cell = (source) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });
  const nb = {
    cells: [
      cell('final int answer = Integer.parseInt("42"); // a comment\nvar word = new String("text");'),
      cell(''),
      cell('Math.max'),
      cell('Thread.sleep(60_000);'),
      cell('6 * 7'),
    ],
    metadata: { kernelspec: { display_name: 'Java 25 (course)', language: 'java', name: 'java-course' } },
    nbformat: 4, nbformat_minor: 5,
  };
  fs.writeFileSync(path.join(work, 'notebooks', 'ui-features.ipynb'), JSON.stringify(nb));
  return 'notebooks/ui-features.ipynb';
}

const cellEditor = (page, i) => page.locator('.jp-Notebook .jp-Cell').nth(i).locator('.cm-content');

async function checkFeatures(page, lab, work) {
  const where = 'features';
  const t0 = Date.now();
  const rel = scratchNotebook(work);
  try {
    await openNotebook(page, lab, rel);
  } catch (e) {
    fail(where, `the scratch notebook's kernel did not become ready (${e.message.split('\n')[0]})`);
    return;
  }
  const report = [];

  // Java syntax highlighting: CodeMirror 6 marks the keyword and the string with token classes
  // whose colours differ from plain text.
  const hl = await page.evaluate(() => {
    const content = document.querySelectorAll('.jp-Notebook .jp-Cell')[0].querySelector('.cm-content');
    const line = content.querySelector('.cm-line');
    const plain = getComputedStyle(line).color;
    const spans = [...content.querySelectorAll('.cm-line span')];
    const find = (text) => spans.find(s => s.textContent === text);
    const describe = (s) => s ? { cls: s.className, color: getComputedStyle(s).color } : null;
    return { plain, language: window.jupyterapp.shell.currentWidget.content.codeMimetype,
      keyword: describe(find('final') || find('new')), type: describe(find('int')),
      spans: spans.map(s => `${s.textContent}=${s.className}`).join(' '), string: describe(find('"42"')), comment: describe(spans.find(s => s.textContent.startsWith('//'))) };
  });
  const styled = (t) => t && t.color !== hl.plain;
  if (!styled(hl.keyword) || !styled(hl.string)) {
    fail(where, `no Java syntax highlighting (mimetype ${hl.language}; keyword ${JSON.stringify(hl.keyword)}, tokens ${hl.spans}, string ${JSON.stringify(hl.string)}, plain ${hl.plain})`);
  } else report.push(`highlighting (${hl.language}: keyword ${hl.keyword.color}, string ${hl.string.color}, plain ${hl.plain})`);

  // Tab completion: `Integer.parseIn` + Tab offers parseInt (in the completer, or inserted at
  // once when it is the only match).
  await cellEditor(page, 1).click();
  await page.keyboard.type('Integer.parseIn');
  await page.keyboard.press('Tab');
  const offered = () => page.waitForFunction(() => {
    const items = [...document.querySelectorAll('.jp-Completer .jp-Completer-item')].map(i => i.textContent.trim());
    if (items.some(t => t.includes('parseInt'))) return { how: 'completer', items: items.slice(0, 5) };
    const src = window.jupyterapp.shell.currentWidget.content.widgets[1].model.sharedModel.getSource();
    if (src.includes('parseInt')) return { how: 'inserted', items: [src] };
    return false;
  }, null, { timeout: 30000, polling: 200 }).then(h => h.jsonValue()).catch(() => null);
  let completion = await offered();
  if (!completion) {
    // Once seen on the loaded machine: the first Tab got no completer. A second Tab is allowed,
    // and said in the report, so that a flaky first request shows without failing the run.
    await page.keyboard.press('Tab');
    completion = await offered();
    if (completion) completion.how += ', on the second Tab';
  }
  if (!completion) {
    const seen = await page.evaluate(() => ({
      items: [...document.querySelectorAll('.jp-Completer .jp-Completer-item')].map(i => i.textContent.trim()).slice(0, 5),
      source: window.jupyterapp.shell.currentWidget.content.widgets[1].model.sharedModel.getSource() }));
    fail(where, `Tab after \`Integer.parseIn\` offered no \`parseInt\` in 2 × 30 s (completer ${JSON.stringify(seen.items)}, cell ${JSON.stringify(seen.source)})`);
  }
  else report.push(`completion (${completion.how}: ${completion.items.join(' | ')})`);
  await page.keyboard.press('Escape');

  // Shift-Tab inspection: a tooltip for Math.max.
  await cellEditor(page, 2).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Tab');
  const tooltip = await page.locator('.jp-Tooltip').first().waitFor({ state: 'visible', timeout: 20000 })
    .then(() => page.locator('.jp-Tooltip').first().innerText()).catch(() => null);
  if (!tooltip) fail(where, 'Shift-Tab on `Math.max` showed no tooltip within 20 s');
  else if (!/max/i.test(tooltip)) fail(where, `the Math.max tooltip does not mention max: ${tooltip.slice(0, 120)}`);
  else report.push(`inspection (${tooltip.split('\n')[0].slice(0, 60)})`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // Interrupt: run the sleeping cell, press the toolbar's interrupt button.
  await page.evaluate(() => {
    const nb = window.jupyterapp.shell.currentWidget.content;
    nb.activeCellIndex = 3;
    nb.mode = 'command';
    window.jupyterapp.commands.execute('notebook:run-cell');
  });
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'busy',
    null, { timeout: 20000, polling: 100 }).catch(() => {});
  await page.waitForTimeout(1500);
  const interruptButton = page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:interrupt-kernel"]').first();
  const t1 = Date.now();
  await interruptButton.click({ timeout: 10000 }).catch(e => fail(where, `no interrupt button in the toolbar (${e.message.split('\n')[0]})`));
  const afterInterrupt = await waitIdle(page, 30000);
  const interrupted = afterInterrupt.cells[3];
  const took = ((afterInterrupt.idleAt || Date.now()) - t1) / 1000;
  const text = await page.locator('.jp-Notebook .jp-Cell').nth(3).locator('.jp-OutputArea').innerText().catch(() => '');
  if (afterInterrupt.timedOut || interrupted.running) fail(where, `the interrupted cell was still running ${took.toFixed(1)} s after the interrupt button`);
  else if (took > 10) fail(where, `the interrupt took ${took.toFixed(1)} s`);
  else if (!interrupted.errors.length && !/interrupt/i.test(text)) fail(where, `the interrupted cell shows neither an error nor "interrupted": ${text.slice(0, 120)}`);
  else report.push(`interrupt (idle ${took.toFixed(1)} s after the button; ${(interrupted.errors[0] || text).split('\n')[0].slice(0, 60)})`);

  // Restart: the toolbar's restart button, confirm, the kernel comes back and runs a cell.
  const kernelBefore = await page.evaluate(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.id);
  const t2 = Date.now();
  await page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:restart-kernel"]').first().click({ timeout: 10000 })
    .catch(e => fail(where, `no restart button in the toolbar (${e.message.split('\n')[0]})`));
  await page.locator('.jp-Dialog .jp-mod-accept').click({ timeout: 10000 })
    .catch(e => fail(where, `no restart confirmation dialog (${e.message.split('\n')[0]})`));
  // Wait for a restarting/starting phase, then idle.
  await page.waitForFunction(() => {
    const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    return k && k.status !== 'idle';
  }, null, { timeout: 5000, polling: 50 }).catch(() => {});
  const back = await page.waitForFunction(() => {
    const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    return k && k.connectionStatus === 'connected' && k.status === 'idle';
  }, null, { timeout: KERNEL_TIMEOUT, polling: 200 }).then(() => true).catch(() => false);
  const restartTook = seconds(t2);
  if (!back) fail(where, `the kernel did not come back idle within ${KERNEL_TIMEOUT / 1000} s of a restart`);
  else {
    await page.evaluate(() => {
      const nb = window.jupyterapp.shell.currentWidget.content;
      nb.activeCellIndex = 4;
      nb.mode = 'command';
      window.jupyterapp.commands.execute('notebook:run-cell');
    });
    await page.waitForTimeout(500);
    const after = await waitIdle(page, 60000);
    const out = await page.locator('.jp-Notebook .jp-Cell').nth(4).locator('.jp-OutputArea').innerText().catch(() => '');
    const sameKernel = await page.evaluate((id) => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.id === id, kernelBefore);
    if (after.timedOut || after.cells[4].count === null || !out.includes('42')) {
      fail(where, `after the restart, \`6 * 7\` showed ${JSON.stringify(out.slice(0, 80))} (count ${after.cells[4].count})`);
    } else report.push(`restart (idle after ${restartTook} s, then 6 * 7 = 42${sameKernel ? '' : '; new kernel id'})`);
  }
  await page.screenshot({ path: path.resolve(lab.out, 'ui-features.png') });
  await shutdown(page);
  const labVersion = await page.evaluate(() => window.jupyterapp.version).catch(() => '?');
  console.log(`${failures.length ? 'FAIL' : 'ok  '} features in JupyterLab ${labVersion}: ${report.join('; ')}; ${seconds(t0)} s`);
}

// ---- the exported site ----
async function checkSite(browser, site) {
  const t0 = Date.now();
  const dir = path.resolve(site);
  const pages = fs.readdirSync(dir).filter(n => n.endsWith('.html')).sort();
  if (!pages.includes('index.html')) fail('site', `no index.html in ${dir}`);
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  // file:// addresses and absolute paths (/work/..., C:\...), not protocol-relative //host/...
  const local = /^(file:|\/(?!\/)|[a-z]:[\\/])/i;
  let images = 0, external = new Set();
  for (const name of pages) {
    const where = `site ${name}`;
    const failedRequests = [];
    const onFailed = (r) => failedRequests.push(r.url());
    page.on('requestfailed', onFailed);
    const pageErrors = [];
    const onError = (e) => pageErrors.push(e.message);
    page.on('pageerror', onError);
    // Raw attributes, before the browser resolves them.
    const raw = fs.readFileSync(path.join(dir, name), 'utf8');
    for (const m of raw.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)) {
      if (local.test(m[1])) fail(where, `links a local file: ${m[1].slice(0, 120)}`);
    }
    try {
      await page.goto('file://' + path.join(dir, name), { waitUntil: 'load', timeout: 60000 });
    } catch (e) { fail(where, `did not load: ${e.message.split('\n')[0]}`); }
    await page.waitForTimeout(300);
    const s = await page.evaluate(() => ({
      title: document.title,
      text: document.body ? document.body.innerText.length : 0,
      cells: document.querySelectorAll('.jp-Cell').length,
      images: [...document.images].map(i => ({ src: i.getAttribute('src').slice(0, 80), ok: i.complete && i.naturalWidth > 0 })),
      links: [...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src')),
    }));
    for (const l of s.links) {
      if (local.test(l)) fail(where, `points at a local file: ${l.slice(0, 120)}`);
      if (/^https?:/.test(l)) external.add(new URL(l).host);
    }
    if (name !== 'index.html' && (s.cells === 0 || s.text < 200)) fail(where, `renders no notebook (${s.cells} cells, ${s.text} characters)`);
    if (name === 'index.html') {
      const chapters = pages.filter(p => p !== 'index.html');
      const linked = await page.evaluate(() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href')));
      for (const c of chapters) if (!linked.includes(c)) fail(where, `does not link ${c}`);
    }
    for (const img of s.images) { if (img.ok) images++; else fail(where, `image did not load: ${img.src}`); }
    const localFailures = failedRequests.filter(u => u.startsWith('file:'));
    for (const u of localFailures) fail(where, `a local resource is missing: ${u}`);
    page.off('requestfailed', onFailed);
    page.off('pageerror', onError);
    console.log(`${failures.some(f => f.startsWith(where)) ? 'FAIL' : 'ok  '} ${where}: ${s.cells} cells, ` +
      `${s.images.length} images${pageErrors.length ? `, ${pageErrors.length} script errors` : ''}` +
      `${failedRequests.length ? `, ${failedRequests.length} requests unanswered (${[...new Set(failedRequests.map(u => u.startsWith('file:') ? 'file' : new URL(u).host))].join(', ')})` : ''}`);
  }
  await context.close();
  console.log(`site: ${pages.length} pages, ${images} images loaded, ${seconds(t0)} s` +
    (external.size ? `; external hosts referenced: ${[...external].join(', ')}` : ''));
}

async function main() {
  const o = options(process.argv.slice(2));
  fs.mkdirSync(o.out, { recursive: true });
  const tStart = Date.now();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright-core gives every launch a fresh, temporary --user-data-dir of its own.
  });
  let lab = null;
  const results = [];
  try {
    if (o.features || o.chapters) {
      const { work, chapters, settings } = prepareWork(o);
      lab = await startLab(o, work, settings);
      lab.out = o.out;
      console.log(`Jupyter Server ${lab.version} on port ${lab.port} (up after ${lab.started} s), ` +
        `${chapters.length} chapters, copies in ${work}`);
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const page = await context.newPage();
      page.on('dialog', d => d.accept().catch(() => {}));
      if (o.features) await checkFeatures(page, lab, work);
      if (o.chapters) for (const name of chapters) results.push(await runChapter(page, lab, work, name));
      await context.close();
    }
    if (o.site) await checkSite(browser, o.site);
  } finally {
    await browser.close().catch(() => {});
    if (lab) {
      try { process.kill(-lab.server.pid, 'SIGTERM'); } catch (e) { /* gone */ }
    }
  }
  const total = seconds(tStart);
  if (results.length) {
    const sum = (k) => results.reduce((a, r) => a + (r[k] || 0), 0);
    console.log(`chapters: ${results.filter(r => r.ok).length} of ${results.length} passed, ${sum('code')} code cells, ` +
      `${sum('images')} images, ${sum('errors')} errors, ${results.reduce((a, r) => a + Number(r.seconds), 0).toFixed(1)} s`);
  }
  if (failures.length) {
    console.log(`ui-check FAILED (${failures.length}) in ${total} s:`);
    for (const f of failures) console.log(`  ${f}`);
    process.exitCode = 1;
  } else console.log(`ui-check passed in ${total} s; screenshots in ${o.out}/`);
}

main().catch(e => { console.error(e); process.exit(1); });
