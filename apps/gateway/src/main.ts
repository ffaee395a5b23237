import { createLogger, onShutdownSignal } from '@edugraph/platform';
import { loadGatewayConfig } from './gateway-config.ts';
import { startGateway } from './gateway-server.ts';

const config = loadGatewayConfig();
const logger = createLogger('gateway', config.logLevel);
const gateway = await startGateway(config, logger);
onShutdownSignal(logger, gateway.stop);
