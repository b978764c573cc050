import type { MatchQuery, MatchResultJson } from '../../api-types.js';
import { AddToCase } from '../../components/AddToCase.js';
import { SubjectDecisions } from '../../components/DecisionButtons.js';
import { Badge } from '../../components/status.js';
import { formatScore } from '../../lib/format.js';
import { href } from '../../lib/route.js';

/**
 * One screening hit: score, match / review badge, the listed entity with its provenance (list, entry,
 * programmes), each scoring feature's explanation, and the decision buttons.
 *
 * @example
 * <HitCard hit={result} query={query} />
 */
export function HitCard({ hit, query }: { hit: MatchResultJson; query: MatchQuery }) {
  const verdict = hit.match ? 'match' : hit.review ? 'review' : 'below';
  const p = hit.provenance;
  const features = Object.values(hit.explanations).sort((a, b) => Math.abs(b.weight * b.score) - Math.abs(a.weight * a.score));
  const headingId = `hit-${hit.id}`;
  return (
    <article className={`hit ${hit.match ? 'is-match' : hit.review ? 'is-review' : ''}`} aria-labelledby={headingId}>
      <div className="hit-head">
        <h3 id={headingId}>
          <a href={href(['entity', hit.id])}>{hit.caption}</a>
        </h3>
        <Badge value={verdict} label={verdict === 'match' ? 'Match' : verdict === 'review' ? 'Review' : 'Below review'} />
        <span className="score" aria-label={`score ${formatScore(hit.score)}`}>
          <span className="scorebar" aria-hidden="true">
            <span style={{ width: `${Math.round(hit.score * 100)}%` }} />
          </span>{' '}
          {formatScore(hit.score)}
        </span>
        <span className="meta">
          {hit.schema} · <span className="mono">{hit.id}</span>
        </span>
      </div>
      {p && (
        <p className="meta">
          Listed on <strong>{p.list}</strong>, entry {p.entryId}
          {p.programs.length ? `, programmes ${p.programs.join(', ')}` : ''}
          {p.listingDate ? `, listed ${p.listingDate}` : ''}
          {p.publishedAt ? ` (list published ${p.publishedAt.slice(0, 10)})` : ''}
          {p.sourceUrl && (
            <>
              {' '}
              · <a href={p.sourceUrl}>official source</a>
            </>
          )}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Why {hit.caption} scored {formatScore(hit.score)}</caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col" className="num">Score</th>
              <th scope="col" className="num">Weight</th>
              <th scope="col">Explanation</th>
            </tr>
          </thead>
          <tbody>
            {features.map((f) => (
              <tr key={f.feature}>
                <th scope="row" className="mono nowrap">
                  {f.feature}
                </th>
                <td className="num">{f.score.toFixed(2)}</td>
                <td className="num">{f.weight > 0 ? `+${f.weight.toFixed(2)}` : f.weight.toFixed(2)}</td>
                <td>{f.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <SubjectDecisions kind="entity" subjectRef={hit.id} about={hit.caption} context={{ query, score: hit.score, match: hit.match, review: hit.review }} />
        <AddToCase kind="entity" itemRef={hit.id} label={hit.caption} />
      </div>
    </article>
  );
}
