import { useState } from 'react';
import { Tabs } from '../../components/Tabs.js';
import type { Route } from '../../lib/route.js';
import { BatchScreening } from './BatchScreening.js';
import { SingleScreening } from './SingleScreening.js';

/**
 * Screening: one subject with explained hits and decisions, or a CSV batch.
 *
 * @example
 * <ScreeningPage route={route} />
 */
export default function ScreeningPage({ route }: { route: Route }) {
  const [tab, setTab] = useState(route.query.get('tab') === 'batch' ? 'batch' : 'single');
  return (
    <>
      <h1>Screening</h1>
      <p className="lede">Screen people, companies, vessels and wallets against the loaded sanctions lists. Every hit says which features raised or lowered its score.</p>
      <Tabs
        label="Screening mode"
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'single', label: 'Single query', content: <SingleScreening initialName={route.query.get('q') ?? ''} /> },
          { id: 'batch', label: 'Batch (CSV)', content: <BatchScreening /> },
        ]}
      />
    </>
  );
}
