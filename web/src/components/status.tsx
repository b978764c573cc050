import type { ReactNode } from 'react';
import { ApiError } from '../api.js';

/**
 * An error for the user: the server's message (which names the file, line or field at fault), in an
 * alert region so that screen readers announce it.
 *
 * @example
 * {error && <ErrorMessage error={error} />}
 */
export function ErrorMessage({ error, what }: { error: unknown; what?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  const status = error instanceof ApiError && error.status > 0 ? ` (HTTP ${error.status})` : '';
  const hint = error instanceof ApiError && error.status === 404 && error.error === 'not_found' && /no route/.test(message) ? ' This server does not offer that function yet; update Counterflow.' : '';
  return (
    <div className="error" role="alert">
      <strong>{what ? `${what} failed${status}: ` : `Error${status}: `}</strong>
      {message}
      {hint}
    </div>
  );
}

/**
 * A busy indicator with a text, announced politely; with `fraction` a progress bar.
 *
 * @example
 * <Loading what="Tracing" fraction={0.4} />
 */
export function Loading({ what, fraction }: { what: string; fraction?: number | undefined }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {what}…
      {fraction !== undefined && (
        <>
          <progress max={1} value={fraction} aria-label={`${what} progress`} /> {Math.round(fraction * 100)}%
        </>
      )}
    </div>
  );
}

/**
 * Where a figure comes from (list version, source document, model): shown under every figure.
 *
 * @example
 * <Source>MSMT report, October 2025</Source>
 */
export function Source({ children }: { children: ReactNode }) {
  return (
    <p className="source">
      <span className="source-tag">Source</span> {children}
    </p>
  );
}

/** Levels and their words; the colour only repeats what the word says. */
const LEVEL_CLASS = new Map([
  ['low', 'lvl-low'],
  ['none', 'lvl-low'],
  ['clear', 'lvl-low'],
  ['medium', 'lvl-medium'],
  ['verify', 'lvl-medium'],
  ['review', 'lvl-medium'],
  ['high', 'lvl-high'],
  ['escalate', 'lvl-high'],
  ['critical', 'lvl-critical'],
  ['severe', 'lvl-critical'],
  ['block', 'lvl-critical'],
  ['match', 'lvl-critical'],
]);

/**
 * A level / action / verdict badge with its word (colour is never the only signal).
 *
 * @example
 * <Badge value="critical" />
 */
export function Badge({ value, label }: { value: string; label?: string }) {
  return <span className={`badge ${LEVEL_CLASS.get(value) ?? 'lvl-none'}`}>{label ?? value.replace(/_/g, ' ')}</span>;
}
