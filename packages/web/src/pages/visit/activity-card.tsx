import { CODES, type Discipline, type Finding, lookupCode } from '@unitwise/rules';
import { memo, type ReactNode, useEffect, useState } from 'react';
import type { GoalRecord } from '../../api/types.ts';
import { SelectField, TextArea, TextField } from '../../components/field.tsx';
import { SeverityTag } from '../../components/severity.tsx';
import type { ActivityDraft } from '../../visit/draft.ts';
import { formatClock } from '../../visit/timer-machine.ts';

export interface ActivityCardProps {
  index: number;
  activity: ActivityDraft;
  discipline: Discipline;
  goals: GoalRecord[];
  /** Milliseconds the timer has run for this activity. */
  timedMs: number;
  /** Whether the minutes typed stand over the timer's (typed after its last run). */
  typedApplies: boolean;
  /** Whether this activity's timer is the one running. */
  isRunning: boolean;
  /** The code the description suggests, when it differs from the one chosen. */
  suggestion?: { code: string; why: string } | undefined;
  findings: Finding[];
  fieldErrors: Record<string, string>;
  readOnly: boolean;
  onChange(id: string, change: Partial<ActivityDraft>): void;
  onStart(id: string): void;
  onRemove(id: string): void;
}

/**
 * One activity of the note: its code with our guidance, what was done, assistance, goals served, who delivered it,
 * its timer and its minutes. Field errors from the server's last save appear next to the field.
 * @param props - the activity and its handlers
 */
export const ActivityCard = memo(function ActivityCard(props: ActivityCardProps): ReactNode {
  const { activity: a, index: i } = props;
  const info = lookupCode(a.code.trim());
  const err = (field: string): string | undefined => props.fieldErrors[`services.${i}.${field}`];
  const change = (c: Partial<ActivityDraft>): void => props.onChange(a.id, c);
  const timerMinutes = Math.round(props.timedMs / 60_000);
  const codeListId = `codes-${props.discipline}`;
  // The text as typed (with its trailing space) while the draft holds the parsed list.
  const [modText, setModText] = useState(a.modifiers.join(' '));
  useEffect(() => {
    setModText((t) => (parseModifiers(t).join(' ') === a.modifiers.join(' ') ? t : a.modifiers.join(' ')));
  }, [a.modifiers]);
  return (
    <section className={props.isRunning ? 'activity running' : 'activity'} aria-labelledby={`act-${a.id}-title`}>
      <header className="activity-head">
        <h3 id={`act-${a.id}-title`}>
          Activity {i + 1}
          {info ? `: ${a.code} ${info.name}` : ''}
        </h3>
        {!props.readOnly && (
          <div className="timer-controls">
            <span className="clock" role="timer" aria-label={`Timer ${formatClock(props.timedMs)}`}>
              {props.isRunning && <span aria-hidden="true">● </span>}
              {formatClock(props.timedMs)}
            </span>
            <button
              type="button"
              onClick={() => props.onStart(a.id)}
              disabled={props.isRunning}
              aria-label={`Start timer for activity ${i + 1}`}
            >
              {props.isRunning ? 'Running' : 'Start'}
            </button>
            <button type="button" className="link-button" onClick={() => props.onRemove(a.id)}>
              Remove
            </button>
          </div>
        )}
      </header>
      <div className="activity-grid">
        <TextField
          label="Code"
          list={codeListId}
          value={a.code}
          readOnly={props.readOnly}
          inputMode="text"
          maxLength={5}
          onChange={(e) => change({ code: e.target.value.toUpperCase() })}
          error={err('code') ?? (a.code.trim() && !info ? 'Not a code we know; check the number.' : undefined)}
          hint={info ? info.summary : 'Type a code such as 97530, or pick one from the list.'}
        />
        <TextField
          label="Minutes"
          type="number"
          min={0}
          max={480}
          inputMode="numeric"
          readOnly={props.readOnly}
          value={props.typedApplies ? (a.minutesTyped ?? timerMinutes) : timerMinutes}
          onChange={(e) =>
            change({
              minutesTyped: e.target.value === '' ? undefined : Math.max(0, Math.round(Number(e.target.value))),
            })
          }
          error={err('minutes')}
          hint={
            props.typedApplies && props.timedMs > 0
              ? `Corrected by hand (timer: ${timerMinutes} min).`
              : props.timedMs > 0
                ? 'From the timer.'
                : 'Type the minutes or use the timer.'
          }
        />
        <SelectField
          label="Delivered by"
          value={a.deliveredBy}
          disabled={props.readOnly}
          onChange={(e) => change({ deliveredBy: e.target.value === 'assistant' ? 'assistant' : 'therapist' })}
          error={err('assistantMinutes')}
        >
          <option value="therapist">Therapist</option>
          <option value="assistant">Assistant (PTA/OTA/SLPA)</option>
        </SelectField>
        <TextField
          label="Modifiers"
          value={modText}
          readOnly={props.readOnly}
          onChange={(e) => {
            setModText(e.target.value.toUpperCase());
            change({ modifiers: parseModifiers(e.target.value) });
          }}
          error={err('modifiers')}
          hint="Up to four, e.g. GP, CQ, KX, 59."
        />
      </div>
      {info && (
        <p className="guidance">
          <strong>What the note must show:</strong> {info.documentation}
        </p>
      )}
      <TextArea
        label="What was done"
        rows={2}
        readOnly={props.readOnly}
        value={a.description}
        placeholder="Functional task and its parameters, e.g. sit-to-stand transfers from a 17-inch chair, 3 sets of 5"
        onChange={(e) => change({ description: e.target.value })}
        error={err('description')}
      />
      {props.suggestion && (
        <p className="suggestion" role="status">
          <strong>Suggestion:</strong> the description reads like <strong>{props.suggestion.code}</strong> (
          {props.suggestion.why}).{' '}
          {!props.readOnly && (
            <button
              type="button"
              className="link-button"
              onClick={() => change({ code: props.suggestion?.code ?? a.code })}
            >
              Use {props.suggestion.code}
            </button>
          )}
        </p>
      )}
      <TextField
        label="Assistance and cueing"
        readOnly={props.readOnly}
        value={a.assistance}
        placeholder="e.g. min assist, verbal cues for hand placement"
        onChange={(e) => change({ assistance: e.target.value })}
      />
      {props.goals.length > 0 && (
        <fieldset className="goals">
          <legend>Goals served</legend>
          {props.goals.map((g) => (
            <label key={g.id} className="check">
              <input
                type="checkbox"
                disabled={props.readOnly}
                checked={a.goalIds.includes(g.id)}
                onChange={(e) =>
                  change({ goalIds: e.target.checked ? [...a.goalIds, g.id] : a.goalIds.filter((x) => x !== g.id) })
                }
              />
              {g.text}
            </label>
          ))}
          {err('goalIds') && (
            <div className="field-error" role="alert">
              {err('goalIds')}
            </div>
          )}
        </fieldset>
      )}
      {props.findings.length > 0 && (
        <ul className="inline-findings" aria-label={`Findings for activity ${i + 1}`}>
          {props.findings.map((f) => (
            <li key={f.rule}>
              <SeverityTag severity={f.severity} /> <code>{f.rule}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

/**
 * The datalist of catalog codes for a discipline, shared by every activity's code field.
 * @param props - the discipline
 */
export function CodeOptions(props: { discipline: Discipline }): ReactNode {
  return (
    <datalist id={`codes-${props.discipline}`}>
      {[...CODES.values()]
        .filter((c) => c.disciplines.includes(props.discipline))
        .map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
    </datalist>
  );
}

/**
 * Modifiers from what was typed: upper case, split on spaces or commas, at most four (837P SV1-03..06).
 * @param text - the field's text
 */
export function parseModifiers(text: string): string[] {
  return text
    .toUpperCase()
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 4);
}
