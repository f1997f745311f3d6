import { describe, expect, it } from 'vitest';
import { reportBundle, type BundleFile } from '../../scripts/report-bundle-size';

function file(fileName: string, gzipKb: number, extra: Partial<BundleFile> = {}): BundleFile {
  return {
    fileName,
    gzipBytes: gzipKb * 1024,
    isEntry: false,
    imports: [],
    importedCss: [],
    ...extra,
  };
}

const budgets = { totalJsCss: 120 * 1024, firstLoad: 60 * 1024 };

describe('reportBundle', () => {
  it('counts the entry, its static imports (transitively) and their CSS as the first load', () => {
    const report = reportBundle(
      [
        file('index.html', 1),
        file('assets/index.js', 30, {
          isEntry: true,
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
      [file('assets/index.js', 20, { isEntry: true }), file('assets/big.js', 101)],
      budgets,
    );
    expect(report.failures).toEqual([expect.stringContaining('All JS + CSS is 121.0 KB')]);
  });

  it('fails when the first load is over budget, naming its files', () => {
    const report = reportBundle(
      [
        file('assets/index.js', 50, { isEntry: true, importedCss: ['assets/index.css'] }),
        file('assets/index.css', 11),
      ],
      budgets,
    );
    expect(report.failures).toEqual([
      expect.stringMatching(/first load is 61\.0 KB.*assets\/index\.css, assets\/index\.js/),
    ]);
  });
});
