import { GraphQLError, Kind } from 'graphql';
import type { ASTVisitor, FieldNode, FragmentDefinitionNode, SelectionSetNode, ValidationContext } from 'graphql';

/**
 * Measures an operation once over its selection tree, following fragment spreads. Each fragment is
 * measured once and remembered, so a chain of fragments that spread each other many times costs
 * linear time, not exponential; a spread cycle counts as nothing (graphql's own rules refuse it).
 */
function measure(context: ValidationContext) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, { depth: number; cost: number }>();
  const visiting = new Set<string>();

  const ofSet = (set: SelectionSetNode | undefined): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    for (const sel of set?.selections ?? []) {
      const inner =
        sel.kind === Kind.FIELD ? ofField(sel) : sel.kind === Kind.INLINE_FRAGMENT ? ofSet(sel.selectionSet) : ofFragment(sel.name.value);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
    return { depth, cost };
  };
  // A field costs 1 plus its children, times the page size it asks for (`first: 50` reads 50 nodes).
  const ofField = (field: FieldNode) => {
    const child = ofSet(field.selectionSet);
    const first = field.arguments?.find((a) => a.name.value === 'first')?.value;
    const pageSize = first?.kind === Kind.INT ? Math.max(1, Number(first.value)) : 1;
    return { depth: 1 + child.depth, cost: 1 + pageSize * child.cost };
  };
  const ofFragment = (name: string) => {
    const known = memo.get(name);
    if (known) return known;
    if (visiting.has(name)) return { depth: 0, cost: 0 };
    visiting.add(name);
    const result = ofSet(fragments.get(name)?.selectionSet);
    visiting.delete(name);
    memo.set(name, result);
    return result;
  };
  return ofSet;
}

/**
 * Refuses operations nested deeper than `maxDepth` fields, or whose estimated cost (fields read,
 * multiplied by requested page sizes) exceeds `maxCost`. Introspection fields count like any other.
 */
export function depthAndCostLimit(maxDepth: number, maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const ofSet = measure(context);
    return {
      OperationDefinition(node) {
        const { depth, cost } = ofSet(node.selectionSet);
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query is ${depth} levels deep; the limit is ${maxDepth}.`, { nodes: [node], extensions: { code: 'QUERY_TOO_DEEP' } }));
        }
        if (cost > maxCost) {
          context.reportError(new GraphQLError(`Query would read about ${cost} fields; the limit is ${maxCost}. Ask for fewer fields or smaller pages.`, { nodes: [node], extensions: { code: 'QUERY_TOO_COSTLY' } }));
        }
      },
    };
  };
}

/** Refuses operations that use more than `maxAliases` aliases (a cheap way to multiply work). */
export function aliasLimit(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(new GraphQLError(`Query uses ${aliases} aliases; the limit is ${maxAliases}.`, { extensions: { code: 'TOO_MANY_ALIASES' } }));
          }
        },
      },
    };
  };
}
