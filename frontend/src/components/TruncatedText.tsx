/** Long text (names, e-mails, notes) on one line, cut with an ellipsis; the whole text shows in a tooltip. */
import { Anchor, Text, Tooltip, type MantineSize } from '@mantine/core';
import { Link } from 'react-router';

export interface TruncatedTextProps {
  text: string;
  /** The widest it may get (px): past that it is cut, so it cannot push a column off screen. */
  maxWidth?: number | string;
  /** A link to this route instead of plain text. */
  to?: string;
  size?: MantineSize;
  fw?: number;
  c?: string;
}

export function TruncatedText({ text, maxWidth = 280, to, size = 'sm', fw, c }: TruncatedTextProps) {
  const common = { size, fw, c, truncate: 'end' as const, maw: maxWidth, display: 'block' };
  return (
    <Tooltip label={text} openDelay={400} multiline maw={420} withinPortal style={{ overflowWrap: 'anywhere' }}>
      {to ? (
        <Anchor component={Link} to={to} {...common}>
          {text}
        </Anchor>
      ) : (
        <Text {...common}>{text}</Text>
      )}
    </Tooltip>
  );
}
