import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio, darkenToContrast } from './lib/contrast';
import { DIMMED, theme } from './theme';

const WHITE = '#ffffff';

describe('contrast', () => {
  it('computes WCAG ratios (the values axe reported before the theme was fixed)', () => {
    expect(contrastRatio('#0e947a', WHITE)).toBeCloseTo(3.79, 2);
    expect(contrastRatio('#868e96', WHITE)).toBeCloseTo(3.32, 2);
    expect(contrastRatio('#008068', '#d4f2ec')).toBeCloseTo(4.13, 2);
    expect(contrastRatio('#000000', WHITE)).toBeCloseTo(21, 5);
  });

  it('darkens a colour just enough, and leaves one that reads alone', () => {
    const darker = darkenToContrast('#868e96', [WHITE]);
    expect(contrastRatio(darker, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(darker, WHITE)).toBeLessThan(5);
    expect(darkenToContrast('#495057', [WHITE])).toBe('#495057');
  });
});

describe('theme colours', () => {
  const palettes = Object.entries(theme.colors ?? {});

  it.each(palettes)('%s: text shades read on white and on its own light tints', (_, palette) => {
    const shades = palette ?? [];
    for (const shade of [6, 7, 8]) expect(contrastRatio(shades[shade]!, WHITE)).toBeGreaterThanOrEqual(AA_TEXT);
    // white text on filled buttons and badges (primaryShade 8, hover 9)
    expect(contrastRatio(WHITE, shades[8]!)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(WHITE, shades[9]!)).toBeGreaterThanOrEqual(AA_TEXT);
    // light variants: shade 9 on shade 1, and on shade 2 when hovered
    expect(contrastRatio(shades[9]!, shades[1]!)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(shades[9]!, shades[2]!)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('keeps the hand-picked primary teal as designed', () => {
    expect(theme.primaryColor).toBe('tend');
    expect(theme.colors?.tend?.[8]).toBe('#0b7a64');
    expect(theme.colors?.tend?.[9]).toBe('#066652');
    expect(contrastRatio('#0b7a64', WHITE)).toBeCloseTo(5.27, 2);
    expect(contrastRatio('#066652', '#d4f2ec')).toBeCloseTo(5.85, 2);
  });

  it("darkens a coloured menu item's text where it is hovered, to read on its colour's shade 2", () => {
    // color-mix(in srgb, <shade 6> N%, #000): each sRGB channel times N%
    const themeCss = readFileSync(join(__dirname, 'theme.module.css'), 'utf8');
    const match = /color-mix\(in srgb, var\(--menu-item-color[^)]*\)\) (\d+)%, #000\)/.exec(themeCss);
    expect(match).not.toBeNull();
    const keep = Number(match![1]) / 100;
    const darken = (hex: string) =>
      `#${[1, 3, 5].map((at) => Math.round(parseInt(hex.slice(at, at + 2), 16) * keep).toString(16).padStart(2, '0')).join('')}`;
    for (const [name, palette] of palettes) {
      if (name === 'dark') continue; // a grey ramp, no menu item's colour
      const shades = palette ?? [];
      expect(contrastRatio(darken(shades[6]!), shades[2]!), name).toBeGreaterThanOrEqual(AA_TEXT);
    }
    // red, as the ledger's "Reverse" shows it: it did not read before (about 3:1)
    const red = theme.colors?.red ?? [];
    expect(contrastRatio(red[6]!, red[2]!)).toBeLessThan(AA_TEXT);
  });

  it('never lets a badge shrink below its words (a status or an amount cut to an ellipsis)', () => {
    const styles = theme.components?.Badge?.styles as { root?: { minWidth?: string } } | undefined;
    expect(styles?.root?.minWidth).toBe('max-content');
  });

  it('dims secondary text to a grey that reads on white and the light greys', () => {
    const gray = theme.colors?.gray ?? [];
    for (const background of [WHITE, gray[0]!, gray[1]!, gray[2]!, theme.colors?.tend?.[0] ?? WHITE]) {
      expect(contrastRatio(DIMMED, background)).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });
});
