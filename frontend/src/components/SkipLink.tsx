import { Anchor } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

/** "Skip to content": the first thing Tab reaches; moves focus into the main landmark (no URL change). */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation();
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'start' });
  }
  return (
    <Anchor href={`#${targetId}`} className={classes.link} onClick={skip}>
      {t('a11y.skipToContent')}
    </Anchor>
  );
}
