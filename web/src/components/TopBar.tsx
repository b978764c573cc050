import { useEffect, useId, useState } from 'react';
import { api, authEvents, setApiKey, storedApiKey } from '../api.js';
import { AddToCase } from './AddToCase.js';

/**
 * The top bar: which server the app talks to, the API-key field (shown when the server asks for a key,
 * or on demand), and "Add a note to a case" from any page.
 *
 * @example
 * <TopBar />
 */
export function TopBar() {
  const [needKey, setNeedKey] = useState<false | number>(false);
  const [showKey, setShowKey] = useState(false);
  const [key, setKey] = useState(() => storedApiKey() ?? '');
  const [health, setHealth] = useState<string>('');
  const keyId = useId();

  useEffect(() => {
    const onUnauthorized = (e: Event) => {
      setNeedKey((e as CustomEvent<number>).detail);
      setShowKey(true);
    };
    authEvents.addEventListener('unauthorized', onUnauthorized);
    api.health().then(
      (h) => setHealth(`server ${h.status ?? 'up'} at ${window.location.host}`),
      () => setHealth(`server at ${window.location.host}`),
    );
    return () => authEvents.removeEventListener('unauthorized', onUnauthorized);
  }, []);

  return (
    <header className="topbar">
      <span className="server-status">{health}</span>
      <span className="spacer" />
      <AddToCase kind="note" itemRef="" text="Add a note to a case" />
      {showKey ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setApiKey(key.trim() || null);
            setNeedKey(false);
            window.location.reload();
          }}
        >
          <label htmlFor={keyId} className={needKey ? '' : 'visually-hidden'}>
            {needKey === 403 ? 'This key may not do that; use another API key' : needKey ? 'The server needs an API key' : 'API key'}
          </label>
          <input id={keyId} type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} placeholder="cf_…" size={24} />
          <button type="submit">Use key</button>
          {storedApiKey() && (
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                setApiKey(null);
                setKey('');
              }}
            >
              Forget key
            </button>
          )}
        </form>
      ) : (
        <button type="button" className="btn-secondary" onClick={() => setShowKey(true)}>
          API key
        </button>
      )}
    </header>
  );
}
