// Loaded by .mocharc before any test: quiet logs unless LOG_LEVEL asks for them.
import { setLogLevel } from '../../services/log';

setLogLevel(process.env.LOG_LEVEL ?? 'silent');
