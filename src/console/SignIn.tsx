/** The sign-in form: the server's own words on failure, and how long to wait after too many tries. */
import { useEffect, useState } from 'preact/hooks';
import type { AgentMe } from '../server/api/agent-types';
import type { ComponentChild } from 'preact';
import { api, ApiError } from './api';
import { useStrings, type ConsoleStrings } from './strings';

function explain(error: unknown, t: ConsoleStrings['signIn']): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return t.tooMany(error.retryAfter || null);
    if (error.status === 401) return t.wrong;
    return error.message;
  }
  return t.failed;
}

export function SignIn({ onSignedIn, picker }: { onSignedIn: (me: AgentMe) => void; picker?: ComponentChild }) {
  const t = useStrings();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = t.shell.title(t.shell.screens.signIn, 0);
  }, [t]);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(email.trim(), password));
    } catch (failure) {
      setError(explain(failure, t.signIn));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="signin">
      {picker}
      <h1>{t.shell.brand}</h1>
      <p class="muted">{t.signIn.intro}</p>
      <form onSubmit={(e) => void submit(e)} class="card stack">
        <label>
          {t.signIn.email}
          <input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          {t.signIn.password}
          <input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <div role="alert" class="error">{error}</div>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.signIn.busy : t.signIn.submit}
        </button>
      </form>
    </main>
  );
}
