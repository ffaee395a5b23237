import type { ServiceName } from '@edugraph/contracts';
import { loadServiceConfig } from './config.ts';
import { onShutdownSignal } from './graceful-shutdown.ts';
import { createLogger } from './logger.ts';
import { startService } from './service-host.ts';
import type { RunningService, ServiceModule } from './service-host.ts';

/** A service as its own process on real infrastructure: env config → infra → service → listen. */
export async function runStandalone(module: ServiceModule & { name: ServiceName }): Promise<RunningService> {
  const config = loadServiceConfig(module.name);
  const logger = createLogger(module.name, config.logLevel);
  const running = await startService(module, config, { logger });
  onShutdownSignal(logger, running.stop);
  return running;
}
