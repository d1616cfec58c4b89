// Loaded by .mocharc before any test: quiet logs unless LOG_LEVEL asks for them, and library console output
// (the Bot Framework SDK prints signing keys on a refused token) routed into that quiet log.
import { routeConsoleToLog, setLogLevel } from '../../services/log';

setLogLevel(process.env.LOG_LEVEL ?? 'silent');
// No warm start of the de-identifier (bot/warmUp.ts) in a server a test starts, unless the test asks for one.
process.env.DEID_WARM_UP_SECONDS ??= '0';
routeConsoleToLog();
