/** DOM helpers for component tests. */
import type userEvent from '@testing-library/user-event';

/** The text of what an input points at with aria-describedby: where a form shows that field's error. */
export function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** Types a value in one go (userEvent.type is a keystroke at a time: slow in jsdom). */
export async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.click(input);
  await user.paste(text);
}
