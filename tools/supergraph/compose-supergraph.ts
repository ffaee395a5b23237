import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export const SUBGRAPHS = [
  { name: 'enrollment', port: 4001 },
  { name: 'preschool', port: 4002 },
  { name: 'licensing', port: 4003 },
  { name: 'vocational', port: 4004 },
  { name: 'feedback', port: 4005 },
] as const;

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
      typeDefs: parse(readFileSync(`${repoRoot}apps/${s.name}/src/schema.graphql`, 'utf8')),
    })),
  );
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.message) };
  return { ok: true, sdl: result.supergraphSdl };
}
