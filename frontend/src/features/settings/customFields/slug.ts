/** A custom field key suggested from its label: "Fuente de referencia" -> "fuente_de_referencia". */
export function keyFromLabel(label: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const startsWithLetter = /^[a-z]/.test(slug) ? slug : slug ? `f_${slug}` : '';
  return startsWithLetter.slice(0, 40).replace(/_+$/, '');
}

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
