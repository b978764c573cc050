import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Runs the loader again (after a change the page made). */
  reload: () => void;
}

/**
 * Runs an async loader when the dependencies change and keeps its latest result; answers that arrive
 * after a newer run started are dropped.
 *
 * @example
 * const { data, error, loading } = useAsync(() => api.dashboard(), []);
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: Error | undefined; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [round, setRound] = useState(0);
  const run = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    const mine = ++run.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    loader.current().then(
      (data) => {
        if (run.current === mine) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (run.current === mine) setState({ data: undefined, error: error instanceof Error ? error : new Error(String(error)), loading: false });
      },
    );
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
