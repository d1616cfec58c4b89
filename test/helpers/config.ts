import { loadConfig, type Config } from '../../services/config';

/** A local-mode, embedded-store configuration on a free port, with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ID_SECRET: 'test-secret-test-secret-test-secret-0000' });
  return { ...config, ...overrides };
}
