import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * Rejects operations that select more than `maxFields` fields in all (fragments expanded, lists
 * counted once): a cheap cost limit next to Mercurius' depth limit, so one request cannot ask
 * for an unbounded amount of work through aliases.
 */
export function maxFieldsRule(maxFields: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = new Map(context.getDocument().definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
      let count = 0;
      const visit = (set: SelectionSetNode | undefined, seen: Set<string>): void => {
        for (const selection of set?.selections ?? []) {
          if (count > maxFields) return;
          if (selection.kind === Kind.FIELD) {
            count += 1;
            visit(selection.selectionSet, seen);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            visit(selection.selectionSet, seen);
          } else {
            const name = selection.name.value;
            if (seen.has(name)) continue; // a fragment cycle is reported by graphql's own rules
            visit(fragments.get(name)?.selectionSet, new Set([...seen, name]));
          }
        }
      };
      visit(node.selectionSet, new Set());
      if (count > maxFields) {
        context.reportError(
          new GraphQLError(`Запрос слишком сложный: выбрано больше ${maxFields} полей.`, {
            nodes: [node],
            extensions: { code: 'QUERY_TOO_COMPLEX' },
          }),
        );
      }
    },
  });
}
