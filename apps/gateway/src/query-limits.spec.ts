import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { armorProtection, operationCost } from './query-limits.ts';
import { embeddedGatewayLimits } from './gateway-config.ts';

const schema = buildSchema(`
  type Query { institutions(first: Int = 20): InstitutionConnection! institution(id: ID!): Institution }
  type InstitutionConnection { nodes: [Institution!]! pageInfo: PageInfo! totalCount: Int! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Institution { id: ID! name: String! seatPools: [SeatPool!] parent: Institution }
  type SeatPool { grade: Int! capacity: Int! }
`);

function cost(query: string, variables?: Record<string, unknown>, defaultListSize = 10): number {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
  return operationCost({ schema, operation, fragments, variables, defaultListSize });
}

describe('operation cost: page sizes from literals, variables and schema defaults', () => {
  it('counts a field 1 plus its children times the items it returns', () => {
    // 1 (institutions) + [1 (nodes) + 50 × (1 id + 1 name)] + [1 (pageInfo) + 1 hasNextPage]
    expect(cost('{ institutions(first: 50) { nodes { id name } pageInfo { hasNextPage } } }')).toBe(1 + 1 + 50 * 2 + 2);
  });

  it('reads a page size passed as a variable exactly as the same literal', () => {
    const literal = cost('{ institutions(first: 100) { nodes { id seatPools { capacity } } } }');
    expect(cost('query($n: Int) { institutions(first: $n) { nodes { id seatPools { capacity } } } }', { n: 100 })).toBe(literal);
    expect(literal).toBe(1 + 1 + 100 * (1 + 1 + 10 * 1));
  });

  it('takes the schema default when first is left out or the variable is not sent', () => {
    const twenty = cost('{ institutions(first: 20) { nodes { id } } }');
    expect(cost('{ institutions { nodes { id } } }')).toBe(twenty);
    expect(cost('query($n: Int) { institutions(first: $n) { nodes { id } } }', {})).toBe(twenty);
  });

  it('gives a list without first the default list size', () => {
    expect(cost('{ institution(id: "1") { seatPools { grade capacity } } }', undefined, 10)).toBe(1 + 1 + 10 * 2);
    expect(cost('{ institution(id: "1") { seatPools { grade capacity } } }', undefined, 25)).toBe(1 + 1 + 25 * 2);
  });

  it('follows fragments and aliases: thirty aliases cost thirty times one', () => {
    const one = cost('{ institutions(first: 10) { nodes { ...F } } } fragment F on Institution { id seatPools { capacity } }');
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: institutions(first: 10) { nodes { ...F } }`).join(' ');
    expect(cost(`{ ${aliases} } fragment F on Institution { id seatPools { capacity } }`)).toBe(30 * one);
  });
});

describe('graphql-armor limits name the limit and the measured value', () => {
  const armor = armorProtection({ ...embeddedGatewayLimits, maxDepth: 3, maxAliases: 2, maxDirectives: 2 });
  const check = (query: string) => validate(schema, parse(query), armor.validationRules).map((e) => [e.extensions['code'], e.message]);

  it('depth, counted through fragments', () => {
    expect(check('{ institution(id: "1") { parent { id } } }')).toEqual([]);
    expect(check('{ institution(id: "1") { ...P } } fragment P on Institution { parent { parent { id } } }')).toEqual([
      ['QUERY_TOO_DEEP', 'Query depth limit of 3 exceeded, found 4. Ask for fewer nested levels.'],
    ]);
  });

  it('aliases and directives', () => {
    expect(check('{ a: institution(id: "1") { x: id } b: institution(id: "2") { id } }')).toEqual([
      ['TOO_MANY_ALIASES', 'Aliases limit of 2 exceeded, found 3. Send fewer aliased fields.'],
    ]);
    expect(check('{ institution(id: "1") { id @skip(if: false) name @skip(if: false) parent @skip(if: false) { id } } }')).toEqual([
      ['TOO_MANY_DIRECTIVES', 'Directives limit of 2 exceeded, found 3. Send fewer directives.'],
    ]);
  });
});
