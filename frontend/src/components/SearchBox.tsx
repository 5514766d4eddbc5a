/**
 * The search box of a list screen: `/` focuses it from anywhere on the page, Escape clears it, ↓ moves into the
 * results and Enter opens the first one (the owner says how, with `onArrowDown` and `onEnter`).
 */
import { Kbd, TextInput, VisuallyHidden, type TextInputProps } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlashToFocus } from './useSlashToFocus';

export interface SearchBoxProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'ref'> {
  /** Its accessible name (the box has no visible label; the placeholder says what it finds). */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter: open the top result. */
  onEnter?: () => void;
  /** ↓: move into the results. */
  onArrowDown?: () => void;
  ref?: Ref<HTMLInputElement>;
}

export function SearchBox({ label, value, onChange, onEnter, onArrowDown, onKeyDown, ref, ...props }: SearchBoxProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  useImperativeHandle(ref, () => input.current as HTMLInputElement, []);
  useSlashToFocus(input);

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Escape' && value !== '') onChange('');
    else if (event.key === 'Enter' && onEnter) onEnter();
    else if (event.key === 'ArrowDown' && onArrowDown) onArrowDown();
    else return;
    event.preventDefault();
  }

  return (
    <>
      <TextInput
        ref={input}
        type="search"
        aria-label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={keyDown}
        autoComplete="off"
        spellCheck={false}
        rightSectionWidth={40}
        rightSection={<Kbd size="xs" title={t('a11y.searchKeys')} aria-hidden="true">/</Kbd>}
        aria-describedby={hintId}
        {...props}
      />
      <VisuallyHidden id={hintId}>{t('a11y.searchKeys')}</VisuallyHidden>
    </>
  );
}
