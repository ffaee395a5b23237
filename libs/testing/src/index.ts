export * from './graphql-client.ts';
export * from './infra.ts';
export * from './actors.ts';
export * from './service-harness.ts';
export * from './events.ts';
export * from './tcp-proxy.ts';
