import { useId, useRef, type ReactNode } from 'react';

export interface Tab {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Accessible tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs).
 *
 * @example
 * <Tabs tabs={[{ id: 'graph', label: 'Graph', content: <Graph /> }]} current={tab} onChange={setTab} />
 */
export function Tabs({ tabs, current, onChange, label }: { tabs: Tab[]; current: string; onChange: (id: string) => void; label: string }) {
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const move = (delta: number | 'first' | 'last') => {
    const i = tabs.findIndex((t) => t.id === current);
    const next = delta === 'first' ? 0 : delta === 'last' ? tabs.length - 1 : (i + delta + tabs.length) % tabs.length;
    const tab = tabs[next];
    if (!tab) return;
    onChange(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  const active = tabs.find((t) => t.id === current) ?? tabs[0];
  return (
    <div className="tabs">
      <div
        role="tablist"
        aria-label={label}
        onKeyDown={(e) => {
          const keys: Record<string, number | 'first' | 'last'> = { ArrowRight: 1, ArrowLeft: -1, Home: 'first', End: 'last' };
          const delta = keys[e.key];
          if (delta === undefined) return;
          e.preventDefault();
          move(delta);
        }}
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={t.id === active?.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={t.id === active?.id ? 0 : -1}
            onClick={() => onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {active && (
        <div role="tabpanel" id={`${base}-panel-${active.id}`} aria-labelledby={`${base}-tab-${active.id}`}>
          {active.content}
        </div>
      )}
    </div>
  );
}
