import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import { aliasLimit, depthAndCostLimit } from './query-limits.ts';

const schema = buildSchema(`type Query { node: Node nodes(first: Int): [Node] } type Node { id: ID child: Node children(first: Int): [Node] }`);
const check = (query: string, rule: ReturnType<typeof aliasLimit>) => validate(schema, parse(query), [rule]).map((e) => e.message);
const depth = (max: number) => depthAndCostLimit(max, 1_000_000);

describe('query limits', () => {
  it('lets a query at the depth limit through and refuses one level more', () => {
    expect(check('{ node { child { id } } }', depth(3))).toEqual([]);
    expect(check('{ node { child { child { id } } } }', depth(3))).toEqual(['Query is 4 levels deep; the limit is 3.']);
  });

  it('follows fragments when measuring depth', () => {
    const q = 'query { node { ...F } } fragment F on Node { child { child { id } } }';
    expect(check(q, depth(3))).toEqual(['Query is 4 levels deep; the limit is 3.']);
  });

  it('counts introspection fields too', () => {
    const nested = '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }';
    expect(check(nested, depth(5))).toEqual(['Query is 7 levels deep; the limit is 5.']);
  });

  // Without remembering each fragment's measure this would walk 2^60 paths and never finish.
  it('measures a chain of fragments that each spread the next twice', () => {
    const n = 60;
    const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Node { child { ...F${i + 1} ...F${i + 1} } }`).join(' ');
    const q = `{ node { ...F0 } } ${fragments} fragment F${n} on Node { id }`;
    const messages = check(q, depthAndCostLimit(50, 1000));
    expect(messages).toEqual([expect.stringMatching(/^Query is 62 levels deep/), expect.stringMatching(/^Query would read about \d+ fields/)]);
  });

  it('multiplies cost by the page sizes asked for', () => {
    expect(check('{ nodes(first: 10) { id } }', depthAndCostLimit(10, 11))).toEqual([]);
    expect(check('{ nodes(first: 10) { children(first: 10) { id } } }', depthAndCostLimit(10, 100))).toEqual([
      'Query would read about 111 fields; the limit is 100. Ask for fewer fields or smaller pages.',
    ]);
  });

  it('counts aliases across the whole document', () => {
    expect(check('{ a: node { id } b: node { id } }', aliasLimit(2))).toEqual([]);
    expect(check('{ a: node { x: id } b: node { id } }', aliasLimit(2))).toEqual(['Query uses 3 aliases; the limit is 2.']);
  });
});
