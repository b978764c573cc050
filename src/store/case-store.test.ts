import { describeBackends } from './test-support/backends.js';
import { caseStoreSuite } from './test-support/case-store-suite.js';

describeBackends('case store', (backend) => caseStoreSuite(backend.name, async () => (await backend.openDatabase()).db));
