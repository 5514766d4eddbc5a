/**
 * A clock time in one box, one Tab stop: typed as "16:00", "1600" or "4pm" and shown the practice's way once left
 * ("16:00" in Spanish, "4:00 PM" in English). The native time input had three stops in Chromium (hours, minutes,
 * AM/PM) and followed the browser's language, not the practice's. The value is "HH:mm" once the text reads as a
 * time (while typing too, so the end follows the start), the typed text while it does not (the form's check then
 * says what to type).
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { formatWallClock, isCompleteTimeText, parseTimeText } from './timeText';

export interface TimeFieldProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value?: string;
  onChange: (value: string) => void;
  locale: string;
}

export function TimeField({ value = '', onChange, onBlur, onFocus, locale, ...props }: TimeFieldProps) {
  const [text, setText] = useState(() => formatWallClock(value, locale));
  const typing = useRef(false);
  // A value set from outside (the end following the start, a service's length) rewrites the box, never while typing.
  useEffect(() => {
    if (!typing.current) setText(formatWallClock(value, locale));
  }, [value, locale]);

  return (
    <TextInput
      {...props}
      value={text}
      inputMode="text"
      autoComplete="off"
      onFocus={(event) => {
        typing.current = true;
        // Typed over, not onto: "1600" replaces "09:00" however the box was reached.
        event.currentTarget.select();
        onFocus?.(event);
      }}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = parseTimeText(next);
        // Not focused (an assistive tool's change): taken now, as leaving the box would.
        if (!typing.current) onChange(parsed ?? next);
        else if (parsed !== null && isCompleteTimeText(next)) onChange(parsed);
      }}
      onBlur={(event) => {
        typing.current = false;
        const parsed = parseTimeText(text);
        onChange(parsed ?? text.trim());
        setText(parsed ? formatWallClock(parsed, locale) : text);
        onBlur?.(event);
      }}
    />
  );
}
