import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { DocumentNode } from 'graphql';

/**
 * The text of a service's contract: `schema.graphql` and, for a service with several areas, the
 * files of the `schema/` folder beside it (each area's types, and its `extend type Query` /
 * `extend type Mutation`), in name order. The supergraph is composed from the same text.
 */
export function readSchemaText(schemaFile: string): string {
  const folder = schemaFile.replace(/schema\.graphql$/, 'schema');
  const parts = existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith('.graphql'))
        .sort()
        .map((f) => readFileSync(`${folder}/${f}`, 'utf8'))
    : [];
  return [readFileSync(schemaFile, 'utf8'), ...parts].join('\n');
}

/** Reads a service's contract (see readSchemaText) next to the calling module. */
export function loadSchema(url: URL): DocumentNode {
  return parse(readSchemaText(fileURLToPath(url)));
}
