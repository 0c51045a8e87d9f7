import { useId, useState } from 'preact/hooks';
import type { ApiClient } from './api-client.ts';
import { isApiError } from './api-error.ts';

/** Props of {@link SignIn}. */
export interface SignInProps {
  api: ApiClient;
  /** Called with a key the collector accepted. */
  onSignIn: (key: string) => void;
  /** Why the CSM was signed out, if it was not their own choice. */
  notice?: string | null;
}

/** Message for a key the collector refused; the collector's own text names its codes, this one names the fix. */
export const BAD_KEY_MESSAGE = 'Failed to sign in: the collector did not accept this secret key. Please check the key (a secret key, not a write key) and try again.';

/**
 * The secret-key form. The key is checked against the API before it is kept, and is
 * typed into a password field so it is not shown on a shared screen.
 */
export function SignIn({ api, onSignIn, notice }: SignInProps) {
  const id = useId();
  const [key, setKey] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const submit = async (event: Event) => {
    event.preventDefault();
    const candidate = key.trim();
    if (!candidate) {
      setState({ busy: false, error: 'Failed to sign in: the key is empty. Please paste the secret key from the collector configuration.' });
      return;
    }
    setState({ busy: true, error: null });
    try {
      await api.checkKey(candidate);
      onSignIn(candidate);
    } catch (error) {
      const message = isApiError(error) && (error.status === 401 || error.status === 403) ? BAD_KEY_MESSAGE : error instanceof Error ? error.message : String(error);
      setState({ busy: false, error: message });
    }
  };

  return (
    <section class="sign-in card" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Sign in</h1>
      <p>Enter the workspace's secret key. It is kept in this tab only and forgotten when the tab closes.</p>
      {notice && (
        <p class="status status-notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for={`${id}-key`}>Secret key</label>
          <input
            id={`${id}-key`}
            name="secret-key"
            type="password"
            autocomplete="current-password"
            spellcheck={false}
            value={key}
            onInput={(event) => setKey(event.currentTarget.value)}
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? `${id}-error` : undefined}
            required
          />
        </div>
        {state.error && (
          <p id={`${id}-error`} class="status status-error" role="alert">
            {state.error}
          </p>
        )}
        <button type="submit" disabled={state.busy}>
          {state.busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
