import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SERVICES } from '@edugraph/contracts';
import { DEFAULT_PORTS, readSchemaText } from '@edugraph/platform';

export const SUBGRAPHS = SERVICES.map((name) => ({ name, port: DEFAULT_PORTS[name] }));

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const supergraphPath = `${repoRoot}apps/gateway/supergraph.graphql`;

/**
 * Composes the five subgraph contracts into the supergraph the gateway serves. The URLs are the
 * embedded defaults; the gateway replaces them from its config at run time.
 */
export function composeSupergraph(): { ok: true; sdl: string } | { ok: false; errors: string[] } {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: `http://127.0.0.1:${s.port}/graphql`,
      typeDefs: parse(readSchemaText(`${repoRoot}apps/${s.name}/src/schema.graphql`)),
    })),
  );
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.message) };
  return { ok: true, sdl: result.supergraphSdl };
}
