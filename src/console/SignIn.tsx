/** The sign-in form: the server's own words on failure, and how long to wait after too many tries. */
import { useEffect, useState } from 'preact/hooks';
import type { AgentMe } from '../server/api/agent-types';
import { api, ApiError } from './api';

function explain(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const wait = error.retryAfter ? ` Try again in ${error.retryAfter} seconds.` : ' Try again in a minute.';
      return `Too many sign-in attempts.${wait}`;
    }
    if (error.status === 401) return 'Wrong email or password.';
    return error.message;
  }
  return 'Signing in failed. Try again.';
}

export function SignIn({ onSignedIn }: { onSignedIn: (me: AgentMe) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Lifeline console';
  }, []);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(email.trim(), password));
    } catch (failure) {
      setError(explain(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="signin">
      <h1>Lifeline console</h1>
      <p class="muted">Sign in to answer the people waiting for help.</p>
      <form onSubmit={(e) => void submit(e)} class="card stack">
        <label>
          Email
          <input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <div role="alert" class="error">{error}</div>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
