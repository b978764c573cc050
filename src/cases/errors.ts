import { CounterflowError } from '../errors.js';

/** No case has this id (HTTP 404). */
export class CaseNotFoundError extends CounterflowError {
  override readonly name: string = 'CaseNotFoundError';
  constructor(readonly caseId: number) {
    super(`no case ${caseId}`);
  }
}

/** The case is closed: it takes no item and no decision but `reopen` (HTTP 409). */
export class CaseClosedError extends CounterflowError {
  override readonly name: string = 'CaseClosedError';
  constructor(readonly caseId: number) {
    super(`case ${caseId} is closed; reopen it first (decision "reopen")`);
  }
}
