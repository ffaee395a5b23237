import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
} from 'graphql';
import type { ArgumentNode, FieldNode, FragmentDefinitionNode, GraphQLField, GraphQLNamedType, GraphQLSchema, OperationDefinitionNode, SelectionSetNode, ValidationContext } from 'graphql';
import type { EdgeLimits } from './gateway-config.ts';

/** A refusal at the edge: always names the limit and what was measured. */
export function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** graphql-armor's messages start "Syntax Error: " and end with the numbers; keep the numbers. */
const reportAs = (code: string, advice: string) => (context: ValidationContext | null, error: GraphQLError) => {
  context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} ${advice}`, { extensions: { code } }));
};

/**
 * The structural limits, from graphql-armor: depth, aliases, directives, its own literal-only cost,
 * and "did you mean" suggestions masked so the schema cannot be guessed field by field. Tokens are
 * counted by graphql-js's parser (`maxTokens`): armor 3.2's token plugin throws from a parsing hook,
 * which Apollo Server 5 answers with HTTP 500 and no count. Armor 3 has no character limit for
 * Apollo; the edge checks the query's length before parsing (`edge-limits.ts`).
 */
export function armorProtection(limits: EdgeLimits) {
  const reject = (code: string, advice: string) => ({ propagateOnRejection: false, onReject: [reportAs(code, advice)] });
  return new ApolloArmor({
    // A fragment spread is not a level of nesting: depth counts fields only.
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reject('QUERY_TOO_DEEP', 'Ask for fewer nested levels.') },
    maxAliases: { n: limits.maxAliases, ...reject('TOO_MANY_ALIASES', 'Send fewer aliased fields.') },
    maxDirectives: { n: limits.maxDirectives, ...reject('TOO_MANY_DIRECTIVES', 'Send fewer directives.') },
    // Armor's cost counts literal page sizes only; `operationCost` below reads variables too.
    costLimit: { maxCost: limits.maxCost * 10, ...reject('QUERY_TOO_COMPLEX', 'Ask for fewer fields.') },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown> | undefined;
  defaultListSize: number;
}

/**
 * What an operation will read, in fields: each field costs 1 plus its children, times how many
 * items it returns. A `first` page size counts whether it is written in the query, passed as a
 * variable, or left to the schema's default; a connection's page size applies to its `nodes`; any
 * other list counts `defaultListSize` items. Introspection counts 1 (off in production). This is
 * the part of the cost graphql-armor cannot compute: it does not see variables.
 */
export function operationCost(input: CostInput): number {
  const memo = new Map<string, number>();
  const pageSizeOf = (field: GraphQLField<unknown, unknown> | undefined, args: readonly ArgumentNode[] | undefined) => {
    const given = args?.find((a) => a.name.value === 'first' || a.name.value === 'last');
    let value: unknown;
    if (given) value = given.value.kind === Kind.VARIABLE ? input.variables?.[given.value.name.value] : valueFromASTUntyped(given.value);
    if (value === undefined || value === null) value = field?.args.find((a) => a.name === 'first')?.defaultValue;
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : undefined;
  };

  const ofSet = (set: SelectionSetNode | undefined, type: GraphQLNamedType | undefined, page: number | undefined): number => {
    let cost = 0;
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) cost += ofField(sel, type, page);
      else if (sel.kind === Kind.INLINE_FRAGMENT) cost += ofSet(sel.selectionSet, sel.typeCondition ? input.schema.getType(sel.typeCondition.name.value) : type, page);
      else {
        const key = `${sel.name.value}:${page ?? ''}`;
        if (!memo.has(key)) {
          memo.set(key, 0); // graphql's validation refuses cycles; this only guards the walk
          const fragment = input.fragments[sel.name.value];
          memo.set(key, fragment ? ofSet(fragment.selectionSet, input.schema.getType(fragment.typeCondition.name.value), page) : 0);
        }
        cost += memo.get(key)!;
      }
    }
    return cost;
  };

  const ofField = (node: FieldNode, parent: GraphQLNamedType | undefined, page: number | undefined): number => {
    if (node.name.value.startsWith('__')) return 1;
    const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[node.name.value] : undefined;
    const first = pageSizeOf(field, node.arguments);
    const isList = field ? isListType(getNullableType(field.type)) : false;
    const items = isList ? (first ?? page ?? input.defaultListSize) : 1;
    const children = node.selectionSet ? ofSet(node.selectionSet, field ? getNamedType(field.type) : undefined, isList ? undefined : first) : 0;
    return Math.min(Number.MAX_SAFE_INTEGER, 1 + items * children);
  };

  const root = input.operation.operation === 'mutation' ? input.schema.getMutationType() : input.schema.getQueryType();
  return ofSet(input.operation.selectionSet, root ?? undefined, undefined);
}
