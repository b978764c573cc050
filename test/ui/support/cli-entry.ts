// The `counterflow` command run from the sources (what bin/counterflow.js runs from dist/), so the
// browser test starts the server exactly as `npm start` does, on the code under test.
import { main } from '../../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
