import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../lib/route.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

let lastHash: string | undefined;
let lastRoute: Route | undefined;

function snapshot(): Route {
  if (lastHash !== window.location.hash || !lastRoute) {
    lastHash = window.location.hash;
    lastRoute = parseRoute(lastHash);
  }
  return lastRoute;
}

/**
 * The current hash route; re-renders on navigation.
 *
 * @example
 * const { page, params, query } = useRoute();
 */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * Goes to a hash (`#/cases/7`), as a link would.
 *
 * @example
 * navigate(href(['cases', String(created.id)]));
 */
export function navigate(hash: string): void {
  window.location.hash = hash;
}
