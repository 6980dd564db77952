import type { Severity } from '@unitwise/rules';
import type { ReactNode } from 'react';

const LOOK: Record<Severity, { icon: string; word: string }> = {
  error: { icon: '✖', word: 'Error' },
  warning: { icon: '▲', word: 'Warning' },
  info: { icon: 'ℹ', word: 'Note' },
};

/**
 * A severity shown by icon and word as well as colour, so it reads without colour vision.
 * @param props - the severity
 */
export function SeverityTag(props: { severity: Severity }): ReactNode {
  const l = LOOK[props.severity];
  return (
    <span className={`sev sev-${props.severity}`}>
      <span aria-hidden="true">{l.icon}</span> {l.word}
    </span>
  );
}

/** The tone of a status badge; each tone also carries an icon. */
export type Tone = 'ok' | 'warn' | 'bad' | 'info';

const TONE_ICON: Record<Tone, string> = { ok: '✓', warn: '▲', bad: '✖', info: 'ℹ' };

/**
 * A badge that explains itself in words (e.g. "Progress report due: visit 9 of 10").
 * @param props - tone and text; `title` gives the longer explanation
 */
export function Badge(props: { tone: Tone; children: ReactNode; title?: string }): ReactNode {
  return (
    <span className={`badge badge-${props.tone}`} title={props.title}>
      <span aria-hidden="true">{TONE_ICON[props.tone]} </span>
      {props.children}
    </span>
  );
}
