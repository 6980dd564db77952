import { type ReactNode, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { messageOf } from '../api/problem.ts';
import type { User } from '../api/types.ts';

/**
 * Deactivates a user after one confirmation (they are signed out at once and their API tokens revoked), or
 * reactivates a deactivated one.
 * @param props - the user and what to do after a change (with a sentence for the status line)
 */
export function UserStatusAction(props: { user: User; onChanged(message: string): void }): ReactNode {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const { user } = props;
  const set = async (status: 'active' | 'disabled'): Promise<void> => {
    setError('');
    try {
      await api.updateUser(user.id, { status });
      setConfirming(false);
      props.onChanged(
        status === 'disabled'
          ? `${user.name} is deactivated: signed out everywhere, and their API tokens no longer work.`
          : `${user.name} can sign in again.`,
      );
    } catch (err) {
      setError(messageOf(err));
    }
  };
  if (user.status === 'disabled')
    return (
      <button type="button" onClick={() => void set('active')}>
        Reactivate
      </button>
    );
  return (
    <>
      {confirming ? (
        <fieldset className="inline-confirm">
          <legend className="sr-only">Confirm deactivating {user.name}</legend>
          Sign {user.name} out and block their sign-in?{' '}
          <button type="button" className="primary" onClick={() => void set('disabled')}>
            Deactivate
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep active
          </button>
        </fieldset>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Deactivate
        </button>
      )}
      {error && (
        <span className="form-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
