import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, fieldMessage, messageOf } from '../api/problem.ts';
import { useAuth } from '../app/auth.tsx';
import { TextField } from '../components/field.tsx';

/** The sign-in page: email and password; failures appear next to the fields they concern. */
export function SignInPage(): ReactNode {
  const { signIn } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!email.includes('@')) local.email = 'Enter the email address you sign in with.';
    if (!password) local.password = 'Enter your password.';
    setFields(local);
    setError('');
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setFields(err.fields);
      else if (err instanceof ApiError && err.status === 401) setError('The email or password is not right.');
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <h1>Unitwise</h1>
      <p>Therapy documentation and billing. Sign in to continue.</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldMessage(fields, 'email')}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldMessage(fields, 'password')}
        />
        {error && (
          <p className="form-error" id="sign-in-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
