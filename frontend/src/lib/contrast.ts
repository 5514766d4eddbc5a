/** WCAG 2 contrast: relative luminance, the ratio of two colours, and darkening a colour until it reads. */

/** Normal text needs 4.5:1 against its background (WCAG 2 AA, 1.4.3). */
export const AA_TEXT = 4.5;

function channels(hex: string): [number, number, number] {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? [...value].map((digit) => digit + digit).join('') : value;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16)) as [number, number, number];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * `color` unchanged if it already reaches `ratio` against every background, else darkened in small steps
 * (keeping its hue) until it does.
 */
export function darkenToContrast(color: string, backgrounds: readonly string[], ratio = AA_TEXT): string {
  const rgb = channels(color);
  for (let step = 0; step <= 100; step += 1) {
    const candidate = toHex(rgb.map((channel) => channel * (1 - step / 100)));
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= ratio)) return candidate;
  }
  return '#000000';
}
