import { useId } from 'react';
import { assetName } from '../../lib/format.js';
import type { TraceBounds, TraceFilters } from '../../lib/trace-view.js';

/** `YYYY-MM-DDTHH:MM` for a datetime-local input (UTC), from an ISO time. */
function localValue(iso: string | undefined): string {
  return iso ? iso.slice(0, 16) : '';
}

/**
 * The trace filters: hop range, asset, time range (UTC), smallest tainted amount.
 *
 * @example
 * <TraceFiltersForm bounds={bounds} filters={filters} onChange={setFilters} chain="ethereum" />
 */
export function TraceFiltersForm({ bounds, filters, onChange, chain }: { bounds: TraceBounds; filters: TraceFilters; onChange: (f: TraceFilters) => void; chain: string }) {
  const id = useId();
  const set = (patch: Partial<TraceFilters>) => onChange({ ...filters, ...patch });
  return (
    <fieldset className="filters" style={{ border: 'none', padding: 0, margin: '8px 0 0' }}>
      <legend className="visually-hidden">Filters</legend>
      <div>
        <label htmlFor={`${id}-hmin`}>From hop</label>
        <input id={`${id}-hmin`} type="number" min={0} max={bounds.maxHop} value={filters.hopMin} onChange={(e) => set({ hopMin: Math.max(0, Math.min(Number(e.target.value) || 0, filters.hopMax)) })} />
      </div>
      <div>
        <label htmlFor={`${id}-hmax`}>To hop</label>
        <input id={`${id}-hmax`} type="number" min={0} max={bounds.maxHop} value={filters.hopMax} onChange={(e) => set({ hopMax: Math.max(filters.hopMin, Math.min(Number(e.target.value) || 0, bounds.maxHop)) })} />
      </div>
      <div>
        <label htmlFor={`${id}-asset`}>Asset</label>
        <select id={`${id}-asset`} value={filters.asset} onChange={(e) => set({ asset: e.target.value })}>
          <option value="">All assets</option>
          {bounds.assets.map((a) => (
            <option key={a} value={a}>
              {assetName(a, chain)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-from`}>From (UTC)</label>
        <input id={`${id}-from`} type="datetime-local" value={localValue(filters.from || undefined)} min={localValue(bounds.firstTime)} max={localValue(bounds.lastTime)} onChange={(e) => set({ from: e.target.value ? `${e.target.value}:00Z` : '' })} />
      </div>
      <div>
        <label htmlFor={`${id}-to`}>To (UTC)</label>
        <input id={`${id}-to`} type="datetime-local" value={localValue(filters.to || undefined)} min={localValue(bounds.firstTime)} max={localValue(bounds.lastTime)} onChange={(e) => set({ to: e.target.value ? `${e.target.value}:59Z` : '' })} />
      </div>
      <div>
        <label htmlFor={`${id}-min`}>Min tainted amount</label>
        <input id={`${id}-min`} type="number" min={0} step="any" value={filters.minAmount} onChange={(e) => set({ minAmount: Math.max(0, Number(e.target.value) || 0) })} />
      </div>
    </fieldset>
  );
}
