import type { Generated } from 'kysely';

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
    /** Hashes and EVM addresses as bytes (`0x` + lower-case hex of that length), other spellings as text (migration 5). */
    tx_hash: string | Uint8Array;
    position: string;
    kind: string;
    block_time: number | null;
    tx_index: number | null;
    from_address: string | Uint8Array | null;
    to_address: string | Uint8Array | null;
    asset: string | Uint8Array;
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
  api_keys: {
    id: number | null;
    /** The visible start of the secret (`cf_` + 8 characters), unique: how people name a key. */
    prefix: string;
    name: string;
    role: string;
    /** sha256 (hex) of the whole secret; the secret itself is never stored. */
    secret_hash: string;
    created_at: string;
    revoked_at: string | null;
    last_used_at: string | null;
  };
  audit_log: {
    id: number | null;
    at: string;
    actor_id: string;
    actor_name: string;
    actor_role: string;
    action: string;
    subject: string;
    input_digest: string;
    result_digest: string;
    /** JSON array of `LIST@SEQ`. */
    list_versions: string;
    /** Small JSON, or null. */
    detail: string | null;
    prev_hash: string;
    hash: string;
  };
  cases: {
    id: Generated<number>;
    title: string;
    description: string;
    /** `open` or `closed`. */
    status: string;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  case_items: {
    id: Generated<number>;
    case_id: number;
    /** address, entity, worker, note, incident */
    kind: string;
    ref: string;
    label: string | null;
    note: string | null;
    added_by: string;
    added_at: string;
  };
  /** Append-only (triggers refuse UPDATE and DELETE). */
  case_decisions: {
    id: Generated<number>;
    case_id: number;
    decision: string;
    reason: string;
    actor: string;
    at: string;
  };
}
