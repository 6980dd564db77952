import type { ReactNode } from 'react';
import type { GoalRecord } from '../../api/types.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import type { GoalStatus } from '../../visit/draft.ts';

const STATUSES: { value: GoalStatus['status']; label: string }[] = [
  { value: 'not-started', label: 'Not started' },
  { value: 'progressing', label: 'Progressing' },
  { value: 'met', label: 'Met' },
  { value: 'not-met', label: 'Not met' },
  { value: 'discontinued', label: 'Discontinued' },
];

/**
 * Goal status per goal, for evaluation, progress report, re-evaluation and discharge notes
 * (Pub. 100-02 Ch. 15 §220.3 D: a progress report states the patient's progress toward each goal).
 * @param props - the plan's goals, the statuses and the change handler
 */
export function GoalStatusSection(props: {
  goals: GoalRecord[];
  value: Record<string, GoalStatus>;
  readOnly: boolean;
  onChange(goalId: string, s: GoalStatus): void;
}): ReactNode {
  if (props.goals.length === 0) return <p className="muted">The plan of care has no goals yet.</p>;
  return (
    <fieldset className="goal-status">
      <legend>Goal status</legend>
      {props.goals.map((g) => {
        const v = props.value[g.id] ?? { status: 'progressing', measure: '' };
        return (
          <div key={g.id} className="goal-row">
            <p className="goal-text">{g.text}</p>
            <SelectField
              label="Status"
              value={v.status}
              disabled={props.readOnly}
              onChange={(e) =>
                props.onChange(g.id, {
                  ...v,
                  status: STATUSES.find((s) => s.value === e.target.value)?.value ?? v.status,
                })
              }
            >
              {STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Measure today"
              value={v.measure}
              readOnly={props.readOnly}
              placeholder="e.g. 5 sit-to-stands in 14 s"
              onChange={(e) => props.onChange(g.id, { ...v, measure: e.target.value })}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
