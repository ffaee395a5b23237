export { startGateway } from './gateway-server.ts';
export type { RunningGateway } from './gateway-server.ts';
export { embeddedGatewayLimits, gatewayConfigSchema, loadGatewayConfig, parseApiKeys, SUBGRAPH_NAMES, subgraphUrlKey } from './gateway-config.ts';
export type { EdgeLimits, GatewayConfig, ApiKey } from './gateway-config.ts';
export { DEFAULT_JWT_AUDIENCE, issueToken, authenticate } from './authenticate.ts';
