// Opens a notebook in the real Jupyter UI (headless Chromium driven by playwright-core), runs
// every cell, and reports how many images and error outputs the page shows.
//   node tools/ui-check.js <base-url-with-token> <notebook> <screenshot.png>
// `make ui-check` starts Jupyter, installs what this needs, and calls it.
const { chromium } = require('playwright-core');

async function main() {
  const [base, notebook, screenshot] = process.argv.slice(2);
  const url = new URL(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${url.origin}/notebooks/${notebook}${url.search}`);
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), null, { timeout: 60000 });
    await page.evaluate(() => { Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); });
    await page.waitForTimeout(1000);
    await page.waitForFunction(() => Jupyter.notebook.get_cells()
      .every(c => c.cell_type !== 'code' || c.input_prompt_number !== '*'), null, { timeout: 300000 });
    const images = await page.locator('.output_png img').count();
    const errors = await page.locator('.output_error').count();
    if (images > 0) await page.locator('.output_png img').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot });
    console.log(`${notebook}: ${images} images, ${errors} error outputs; screenshot in ${screenshot}`);
    if (errors > 0 || images === 0) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main().catch(e => { console.error(e); process.exit(1); });
