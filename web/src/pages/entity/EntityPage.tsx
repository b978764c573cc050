import { api } from '../../api.js';
import type { EntityJson, ListVersionInfo } from '../../api-types.js';
import { AddToCase } from '../../components/AddToCase.js';
import { SubjectDecisions } from '../../components/DecisionButtons.js';
import { ErrorMessage, Loading, Source } from '../../components/status.js';
import { useAsync } from '../../hooks/use-async.js';
import type { Route } from '../../lib/route.js';

type EntityDetail = EntityJson & { version?: ListVersionInfo; related?: EntityJson[] };

/**
 * A listed entity (`GET /entities/{id}`): its properties, where it is listed (list version, entry,
 * programmes, source), the entities of the same entry (sanction, addresses, documents, wallets), and
 * the case and decision actions.
 *
 * @example
 * location.hash = '#/entity/demo-ofac-20157';
 */
export default function EntityPage({ route }: { route: Route }) {
  const id = route.params[0] ?? '';
  const { data, error, loading } = useAsync(() => api.entity(id) as Promise<EntityDetail>, [id]);
  if (loading) return <Loading what="Loading the entity" />;
  if (error) return <ErrorMessage error={error} what="Loading the entity" />;
  if (!data) return null;
  const p = data.provenance;
  return (
    <>
      <h1>{data.caption}</h1>
      <p className="lede">
        {data.schema} · <span className="mono">{data.id}</span>
      </p>
      <section className="panel">
        <div className="button-row" style={{ marginTop: 0 }}>
          <AddToCase kind="entity" itemRef={data.id} label={data.caption} />
        </div>
        <SubjectDecisions kind="entity" subjectRef={data.id} about={data.caption} />
      </section>
      <section className="panel" aria-labelledby="entity-props">
        <h2 id="entity-props">Properties</h2>
        <PropertiesTable entity={data} />
        {p && (
          <Source>
            {p.list} entry {p.entryId}
            {p.programs.length ? `, programmes ${p.programs.join(', ')}` : ''}
            {p.listingDate ? `, listed ${p.listingDate}` : ''}
            {data.version ? `; list version ${data.version.ref}` : ''}
            {p.publishedAt ? `, published ${p.publishedAt.slice(0, 10)}` : ''}
            {p.sourceUrl && (
              <>
                {' '}
                (<a href={p.sourceUrl}>official source</a>)
              </>
            )}
          </Source>
        )}
      </section>
      {data.related && data.related.length > 0 && (
        <section className="panel" aria-labelledby="entity-related">
          <h2 id="entity-related">From the same list entry</h2>
          {data.related.map((r) => (
            <div key={r.id}>
              <h3>
                {r.schema}: {r.caption}
              </h3>
              <PropertiesTable entity={r} />
            </div>
          ))}
        </section>
      )}
    </>
  );
}

function PropertiesTable({ entity }: { entity: EntityJson }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Properties of {entity.caption}</caption>
        <tbody>
          {Object.entries(entity.properties).map(([prop, values]) => (
            <tr key={prop}>
              <th scope="row" className="nowrap">
                {prop}
              </th>
              <td>{values.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
