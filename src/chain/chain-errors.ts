import { CounterflowError } from '../errors.js';

/**
 * A node could not be reached or kept answering garbage, timeouts or HTTP errors after every retry.
 * Names the endpoint (credentials and API keys removed), the method and what went wrong last.
 */
export class RpcTransportError extends CounterflowError {
  override readonly name: string = 'RpcTransportError';
  constructor(
    readonly endpoint: string,
    readonly method: string,
    readonly attempts: number,
    readonly lastProblem: string,
  ) {
    super(`${endpoint} ${method}: ${lastProblem} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})`);
  }
}

/** The node answered the call with a JSON-RPC error object. */
export class RpcResponseError extends CounterflowError {
  override readonly name: string = 'RpcResponseError';
  constructor(
    readonly endpoint: string,
    readonly method: string,
    readonly code: number | undefined,
    readonly rpcMessage: string,
  ) {
    super(`${endpoint} ${method}: the node answered with error ${code ?? '?'}: ${rpcMessage}`);
  }

  /** Whether the node does not offer the method at all (as opposed to failing this call). */
  get isMethodUnavailable(): boolean {
    return (
      this.code === -32601 ||
      this.code === -32004 ||
      /method .*(not found|not exist|not available|not supported|unsupported)|unknown method|not enabled|does not exist|is not available/i.test(this.rpcMessage)
    );
  }
}

/** A well-formed response whose content is not what the method promises (a block without a hash, …). */
export class RpcDataError extends CounterflowError {
  override readonly name: string = 'RpcDataError';
  constructor(
    readonly endpoint: string,
    readonly method: string,
    readonly detail: string,
  ) {
    super(`${endpoint} ${method}: unexpected response: ${detail}`);
  }
}

/** The chain reorganised deeper than the ingest is allowed to roll back. */
export class ReorgTooDeepError extends CounterflowError {
  override readonly name: string = 'ReorgTooDeepError';
  constructor(
    readonly chain: string,
    readonly atBlock: number,
    readonly maxDepth: number,
  ) {
    super(`${chain}: block ${atBlock} does not extend the stored chain and no common ancestor was found within ${maxDepth} blocks; refusing to roll back further (raise --max-reorg-depth if this is expected)`);
  }
}
