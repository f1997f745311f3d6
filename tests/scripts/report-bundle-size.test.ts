import { describe, expect, it } from 'vitest';
import { filesNamedBy, reportBundle, type BundleFile } from '../../scripts/report-bundle-size';

function file(fileName: string, gzipKb: number, extra: Partial<BundleFile> = {}): BundleFile {
  return { fileName, gzipBytes: gzipKb * 1024, imports: [], importedCss: [], ...extra };
}

/** index.html naming `files` in its script and link tags. */
const indexPage = (...files: string[]) => file('index.html', 1, { pageFiles: files });

const budgets = {
  page: 'index.html',
  firstLoadName: "The sign-in screen's first load",
  totalJsCss: 120 * 1024,
  firstLoad: 60 * 1024,
};

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
      expect.stringMatching(
        /^The sign-in screen's first load is 61\.0 KB.*assets\/index\.css, assets\/index\.js/,
      ),
    ]);
  });

  it('measures the page its budgets name, and says which page is over', () => {
    const report = reportBundle(
      [
        file('signed-in.html', 1, {
          pageFiles: ['assets/signed-in.js', 'assets/signed-in.css'],
        }),
        file('assets/signed-in.js', 34, { imports: ['assets/rolldown-runtime.js'] }),
        file('assets/rolldown-runtime.js', 0.2),
        file('assets/signed-in.css', 4),
        file('assets/SignedOut.js', 3.4, { importedCss: ['assets/SignedOut.css'] }),
        file('assets/SignedOut.css', 0.4),
      ],
      {
        page: 'signed-in.html',
        firstLoadName: "The signed-in window's first load",
        totalJsCss: 120 * 1024,
        firstLoad: 38 * 1024,
      },
    );
    expect(report.firstLoadFiles).toEqual([
      'assets/rolldown-runtime.js',
      'assets/signed-in.css',
      'assets/signed-in.js',
    ]);
    expect(report.firstLoad).toBe(38.2 * 1024);
    expect(report.failures).toEqual([
      expect.stringMatching(/^The signed-in window's first load is 38\.2 KB gzip, over the 38\.0/),
    ]);
    expect(report.lines[0]).toBe('Renderer bundle for signed-in.html (gzip):');
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
