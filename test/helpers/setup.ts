// Loaded by .mocharc before any test: quiet logs unless LOG_LEVEL asks for them, and library console output
// (the Bot Framework SDK prints signing keys on a refused token) routed into that quiet log.
import { routeConsoleToLog, setLogLevel } from '../../services/log';

setLogLevel(process.env.LOG_LEVEL ?? 'silent');
routeConsoleToLog();
