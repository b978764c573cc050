import { api } from '../../api.js';
import { Badge, ErrorMessage, Loading, Source } from '../../components/status.js';
import { useAsync } from '../../hooks/use-async.js';
import { assetName, formatNumber, formatShare, shortAddress } from '../../lib/format.js';

/**
 * KYT exposure of an address (`POST /exposure`): risk level with its explanation, its own labels, and
 * the services it dealt with directly or through intermediaries.
 *
 * @example
 * <ExposureView address="0x…" chain="ethereum" />
 */
export function ExposureView({ address, chain }: { address: string; chain: string }) {
  const { data, error, loading } = useAsync(() => api.exposure([address], { chain }).then((r) => r.results[0]), [address, chain]);
  if (loading) return <Loading what="Computing exposure" />;
  if (error) return <ErrorMessage error={error} what="Exposure" />;
  if (!data) return null;
  const own = data.items.filter((i) => i.exposure === 'ownership');
  const counterparties = data.items.filter((i) => i.exposure !== 'ownership');
  return (
    <div>
      <p>
        Risk: <Badge value={data.risk} /> — {data.explanation.join('; ')}
      </p>
      <h3>Labels</h3>
      {own.length === 0 ? (
        <p className="meta">No label on this address.</p>
      ) : (
        <ul>
          {own.map((l) => (
            <li key={`${l.category}:${l.service}`}>
              {l.service} — {l.category.replace(/_/g, ' ')}
              {l.basis ? ` (${l.basis})` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Exposure to services</h3>
      {counterparties.length === 0 ? (
        <p className="meta">No labelled counterparty within {data.method.hops} hops.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Exposure of {address}</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Category</th>
                <th scope="col">Kind</th>
                <th scope="col">Direction</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col" className="num">Share</th>
                <th scope="col" className="num">Hops</th>
              </tr>
            </thead>
            <tbody>
              {counterparties.map((i) => (
                <tr key={`${i.direction}:${i.address}:${i.asset}:${i.service}`}>
                  <th scope="row" title={i.address}>
                    {i.service} <span className="mono meta">{shortAddress(i.address)}</span>
                  </th>
                  <td>{i.category.replace(/_/g, ' ')}</td>
                  <td>{i.exposure}</td>
                  <td>{i.direction}</td>
                  <td className="num">
                    {formatNumber(i.amount)} {assetName(i.asset, chain)}
                  </td>
                  <td className="num">{formatShare(i.share)}</td>
                  <td className="num">{i.hops}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Source>
        POST /exposure: {data.method.model} propagation, {data.method.hops} hops both ways, at most {formatNumber(data.method.maxVisits, 0)} transfers looked at{data.method.truncated ? ' (bounded: more distant counterparties may be missing)' : ''}; risk rules
        in the spirit of TRM's levels (src/tracing/risk-rules.ts).
      </Source>
    </div>
  );
}
