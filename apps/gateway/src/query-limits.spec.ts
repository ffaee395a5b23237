import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import { aliasLimit, depthLimit } from './query-limits.ts';

const schema = buildSchema(`type Query { node: Node } type Node { id: ID child: Node }`);
const check = (query: string, rule: ReturnType<typeof depthLimit>) => validate(schema, parse(query), [rule]).map((e) => e.message);

describe('query limits', () => {
  it('lets a query at the depth limit through and refuses one level more', () => {
    expect(check('{ node { child { id } } }', depthLimit(3))).toEqual([]);
    expect(check('{ node { child { child { id } } } }', depthLimit(3))).toEqual(['Query is 4 levels deep; the limit is 3.']);
  });

  it('follows fragments when measuring depth', () => {
    const q = 'query { node { ...F } } fragment F on Node { child { child { id } } }';
    expect(check(q, depthLimit(3))).toEqual(['Query is 4 levels deep; the limit is 3.']);
  });

  it('counts aliases across the whole document', () => {
    expect(check('{ a: node { id } b: node { id } }', aliasLimit(2))).toEqual([]);
    expect(check('{ a: node { x: id } b: node { id } }', aliasLimit(2))).toEqual(['Query uses 3 aliases; the limit is 2.']);
  });
});
