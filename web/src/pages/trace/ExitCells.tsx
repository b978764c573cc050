import type { TraceExit } from '../../api-types.js';
import { AddToCase } from '../../components/AddToCase.js';
import { assetName, formatNumber, formatShare, shortAddress } from '../../lib/format.js';

/** The header cells that go with ExitCells. */
export function ExitHeaderCells() {
  return (
    <>
      <th scope="col">Address</th>
      <th scope="col" className="num">Amount</th>
      <th scope="col" className="num">Share</th>
      <th scope="col" className="num">Hop</th>
      <th scope="col">Why this service</th>
      <th scope="col">Case</th>
    </>
  );
}

/**
 * The cells of one exit of a trace in the exits tables: its address (opens its panel), amount, share, hop,
 * why it counts as its service (with the bridge payouts linked to it when `links`), and "add to case".
 *
 * @example
 * <tr key={x.address}><ExitCells exit={x} chain="ethereum" onSelect={setSelected} /></tr>
 */
export function ExitCells({ exit: x, chain, onSelect, links = false }: { exit: TraceExit; chain: string; onSelect: (a: string) => void; links?: boolean }) {
  return (
    <>
      <td className="mono">
        <button type="button" className="btn-link mono" onClick={() => onSelect(x.address)} title={x.address}>
          {shortAddress(x.address, 6)}
        </button>
      </td>
      <td className="num">
        {formatNumber(x.amount)} {assetName(x.asset, chain)}
      </td>
      <td className="num">{formatShare(x.share)}</td>
      <td className="num">{x.hop}</td>
      <td>
        {x.basis ?? 'labelled service'}
        {links && x.links?.length ? ` · ${x.links.length} payouts linked on ${x.links[0]!.chain}` : ''}
      </td>
      <td>
        <AddToCase kind="address" itemRef={x.address} label={`${x.service} (${x.category})`} text="Add" />
      </td>
    </>
  );
}
