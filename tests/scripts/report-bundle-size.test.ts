import { describe, expect, it } from 'vitest';
import { filesNamedBy, reportBundle, type BundleFile } from '../../scripts/report-bundle-size';

function file(fileName: string, gzipKb: number, extra: Partial<BundleFile> = {}): BundleFile {
  return { fileName, gzipBytes: gzipKb * 1024, imports: [], importedCss: [], ...extra };
}

/** index.html naming `files` in its script and link tags. */
const indexPage = (...files: string[]) => file('index.html', 1, { pageFiles: files });

const budgets = { totalJsCss: 120 * 1024, firstLoad: 60 * 1024 };

describe('reportBundle', () => {
  it('counts what index.html names, its static imports (transitively) and their CSS as the first load', () => {
    const report = reportBundle(
      [
        indexPage('assets/index.js'),
        file('assets/index.js', 30, {
          imports: ['assets/vendor.js'],
          importedCss: ['assets/index.css'],
        }),
        file('assets/vendor.js', 10, { imports: ['assets/shared.js'] }),
        file('assets/shared.js', 5),
        file('assets/index.css', 3),
        file('assets/lazy-view.js', 40, { importedCss: ['assets/lazy-view.css'] }),
        file('assets/lazy-view.css', 2),
      ],
      budgets,
    );
    expect(report.firstLoadFiles).toEqual([
      'assets/index.css',
      'assets/index.js',
      'assets/shared.js',
      'assets/vendor.js',
    ]);
    expect(report.firstLoad).toBe(48 * 1024);
    expect(report.totalJsCss).toBe(90 * 1024);
    expect(report.failures).toEqual([]);
    expect(report.lines.join('\n')).toContain('assets/lazy-view.js');
  });

  it('fails when all JS + CSS is over budget', () => {
    const report = reportBundle(
      [indexPage('assets/index.js'), file('assets/index.js', 20), file('assets/big.js', 101)],
      budgets,
    );
    expect(report.failures).toEqual([expect.stringContaining('All JS + CSS is 121.0 KB')]);
  });

  it('fails when the first load is over budget, naming its files', () => {
    const report = reportBundle(
      [
        indexPage('assets/index.js', 'assets/index.css'),
        file('assets/index.js', 50),
        file('assets/index.css', 11),
      ],
      budgets,
    );
    expect(report.failures).toEqual([
      expect.stringMatching(/first load is 61\.0 KB.*assets\/index\.css, assets\/index\.js/),
    ]);
  });

  it("leaves another page's entry and what only it loads out of the first load", () => {
    const report = reportBundle(
      [
        indexPage('assets/index.js', 'assets/app.js', 'assets/app.css'),
        file('signed-in.html', 1, {
          pageFiles: [
            'assets/signed-in.js',
            'assets/app.js',
            'assets/shell.js',
            'assets/shell.css',
          ],
        }),
        file('assets/index.js', 0.1, { imports: ['assets/app.js'] }),
        file('assets/signed-in.js', 0.1, { imports: ['assets/app.js', 'assets/shell.js'] }),
        file('assets/app.js', 27, { importedCss: ['assets/app.css'] }),
        file('assets/app.css', 2),
        file('assets/shell.js', 13, {
          imports: ['assets/app.js'],
          importedCss: ['assets/shell.css'],
        }),
        file('assets/shell.css', 2),
      ],
      budgets,
    );
    expect(report.firstLoadFiles).toEqual(['assets/app.css', 'assets/app.js', 'assets/index.js']);
    expect(report.firstLoad).toBe(29.1 * 1024);
  });
});

describe('filesNamedBy', () => {
  it("names a built page's script, modulepreload and stylesheet files, not its other links", () => {
    const html = `<!doctype html><html><head>
    <script type="module" crossorigin src="./assets/signed-in-C1.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/app-B2.js">
    <link rel="stylesheet" crossorigin href="./assets/app-B3.css">
    <link rel="icon" href="https://example.com/icon.png">
  </head><body><div id="app"></div></body></html>`;
    expect(filesNamedBy(html)).toEqual([
      'assets/signed-in-C1.js',
      'assets/app-B2.js',
      'assets/app-B3.css',
    ]);
  });
});
