export * from './app-error.ts';
export * from './logger.ts';
export * from './request-context.ts';
export * from './config.ts';
export * from './metrics.ts';
export * from './subgraph-server.ts';
export * from './service-host.ts';
export * from './graceful-shutdown.ts';
