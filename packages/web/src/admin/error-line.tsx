import type { ReactNode } from 'react';
import { messageOf } from '../api/problem.ts';

/**
 * A failed load or save in plain words, announced to screen readers; nothing when there is no error.
 * @param props - the error caught (undefined: none)
 */
export function ErrorLine(props: { error: unknown }): ReactNode {
  return props.error === undefined ? null : (
    <p className="form-error" role="alert">
      {messageOf(props.error)}
    </p>
  );
}
