import { api } from '../../api.js';
import { Source } from '../../components/status.js';
import { useAsync } from '../../hooks/use-async.js';

/**
 * The list versions screening ran against, with publication dates, and the algorithm.
 *
 * @example
 * <ListsSource algorithm="logic" />
 */
export function ListsSource({ algorithm }: { algorithm: string }) {
  const { data } = useAsync(() => api.lists(), []);
  if (!data) return null;
  const lists = data.lists.map((l) => `${l.ref}${l.publishedAt ? ` (published ${l.publishedAt.slice(0, 10)})` : ''}`);
  return (
    <Source>
      screened against {lists.join(', ') || 'no lists (load some with `counterflow lists update`)'}; {data.index.entities.toLocaleString('en-US')} entities indexed; scoring algorithm <code>{algorithm}</code> (thresholds: docs/screen.md).
    </Source>
  );
}
