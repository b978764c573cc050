/** Table shapes shared by both backends (kysely's typing of the database). */
export interface Database {
  schema_migrations: { version: number; name: string; applied_at: string };
  list_versions: {
    id: number | null;
    list: string;
    seq: number;
    status: string;
    format: string;
    published_at: string | null;
    source_url: string | null;
    loaded_at: string;
    entity_count: number;
    target_count: number;
    sha256: string | null;
    note: string | null;
  };
  list_entities: {
    version_id: number;
    entity_id: string;
    schema: string;
    entry_id: string | null;
    target: number;
    caption: string | null;
    digest: string;
    body: string;
  };
  list_version_stats: { version_id: number; kind: string; key: string; count: number };
  list_update_log: { id: number | null; list: string; at: string; outcome: string; message: string };
}
