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
    body: string;
  };
  list_version_stats: { version_id: number; kind: string; key: string; count: number };
  list_update_log: { id: number | null; list: string; at: string; outcome: string; message: string };
  chain_sources: { id: number | null; chain: string; kind: string; name: string; first_seen: string; last_seen: string };
  chain_transfers: {
    id: number | null;
    chain: string;
    block_number: number;
    tx_hash: string;
    position: string;
    kind: string;
    block_time: number | null;
    tx_index: number | null;
    from_address: string | null;
    to_address: string | null;
    asset: string;
    /** Exact decimal integer in base units. */
    amount: string;
    success: number | null;
    flags: number;
    script_type: string | null;
    source_id: number;
  };
  chain_utxo_inputs: {
    chain: string;
    block_number: number;
    tx_hash: string;
    input_index: number;
    spent_tx_hash: string;
    spent_output_index: number;
    value: string | null;
    address: string | null;
    source_id: number;
  };
  chain_blocks: { chain: string; source_id: number; number: number; hash: string | null; parent_hash: string | null; time: number | null };
  chain_checkpoints: { chain: string; source_id: number; block_number: number; block_hash: string | null; updated_at: string };
  chain_tokens: {
    chain: string;
    address: string;
    symbol: string | null;
    name: string | null;
    decimals: number | null;
    verified: number;
    origin: string;
    updated_at: string;
  };
  chain_prices: { chain: string; asset: string; day: string; usd: string; origin: string };
  chain_lookalikes: { chain: string; address: string; resembles: string; counterparty: string };
}
