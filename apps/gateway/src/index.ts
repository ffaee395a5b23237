export { startGateway } from './gateway-server.ts';
export type { RunningGateway } from './gateway-server.ts';
export { gatewayConfigSchema, loadGatewayConfig, parseApiKeys, SUBGRAPH_NAMES } from './gateway-config.ts';
export type { GatewayConfig, ApiKey } from './gateway-config.ts';
export { issueToken, authenticate } from './authenticate.ts';
