/** Active records first, each group in the server's order. */
export function activeFirst<T extends { active: boolean }>(items: readonly T[]): T[] {
  return [...items.filter((item) => item.active), ...items.filter((item) => !item.active)];
}
