import { describe, expect, it } from 'vitest';
import { sankeySvg, timelineSvg } from './charts.js';

describe('server-side charts', () => {
  it('renders a Sankey of where funds went as SVG with every node named', () => {
    const svg = sankeySvg(
      [
        { source: 'Stolen ETH', target: 'Bridges', value: 361255 },
        { source: 'Bridges', target: 'THORChain', value: 361255 },
        { source: 'Stolen ETH', target: 'eXch', value: 79655 },
      ],
      720,
      360,
    );
    expect(svg.startsWith('<svg')).toBe(true);
    for (const name of ['Stolen ETH', 'Bridges', 'THORChain', 'eXch']) expect(svg).toContain(`>${name}</text>`);
    expect(svg).not.toMatch(/paint-order/);
  });

  it('renders a timeline with one bar per day and maps labels through the text function', () => {
    const svg = timelineSvg(
      [
        { day: '2025-02-21', amount: 400000, transfers: 41 },
        { day: '2025-03-03', amount: 8055, transfers: 45 },
      ],
      'ETH',
      720,
      300,
      (s) => s.toUpperCase(),
    );
    expect(svg).toContain('2025-02-21');
    expect(svg).toContain('TAINTED ETH');
  });
});
