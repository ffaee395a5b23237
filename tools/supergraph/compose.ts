// Writes apps/gateway/supergraph.graphql from the subgraphs' schema.graphql files.
// With --check it writes nothing and fails when composition has errors or the file is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph, supergraphPath } from './compose-supergraph.ts';

const check = process.argv.includes('--check');
const result = composeSupergraph();
if (!result.ok) {
  console.error(`supergraph: composition failed:\n- ${result.errors.join('\n- ')}`);
  process.exit(1);
}
const current = existsSync(supergraphPath) ? readFileSync(supergraphPath, 'utf8') : '';
if (check) {
  if (current !== result.sdl) {
    console.error('supergraph: apps/gateway/supergraph.graphql is stale; run `npm run compose` and commit it');
    process.exit(1);
  }
  console.log('supergraph: up to date');
} else {
  writeFileSync(supergraphPath, result.sdl);
  console.log(`supergraph: ${current === result.sdl ? 'unchanged' : 'written'} (${supergraphPath})`);
}
