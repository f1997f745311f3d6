import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { signedInMarkup } from '../../scripts/signed-in-page';

describe('signedInMarkup', () => {
  it("is index.html with signed-in.html's entry script in place of its own", async () => {
    const index = await readFile('src-renderer/index.html', 'utf8');
    const page = signedInMarkup(index);
    expect(page).toContain('<script type="module" src="./signed-in-main.ts"></script>');
    expect(page).not.toContain('src="./main.ts"');
    expect(page.replace('./signed-in-main.ts', './main.ts')).toBe(index);
  });

  it('refuses an index.html whose entry script it cannot find', () => {
    expect(() => signedInMarkup('<html><script src="./other.ts"></script></html>')).toThrow(
      /index\.html has no/,
    );
  });
});
