import { describe, expect, it } from 'vitest';
import { firstBrokenRule, fieldRules } from '../../src-main/common/field-rules';
import { foldToAscii } from '../../src-renderer/lib/ascii-fold';

describe('foldToAscii', () => {
  it.each([
    ['Paraná', 'Parana'],
    ['São Paulo', 'Sao Paulo'],
    ['Straße 5', 'Strasse 5'],
    ['Łódź', 'Lodz'],
    ['Ærøskøbing', 'AEroskobing'],
    ['Zürich', 'Zurich'],
  ])('%s → %s, which the API’s letters rule accepts', (typed, folded) => {
    expect(foldToAscii(typed)).toBe(folded);
    expect(firstBrokenRule(folded, [fieldRules.alphanumspace])).toBeUndefined();
  });

  it('leaves letters with no ASCII form for the rule to name', () => {
    expect(foldToAscii('東京')).toBe('東京');
    expect(firstBrokenRule(foldToAscii('東京'), [fieldRules.alphaspace])).toBeDefined();
  });
});
