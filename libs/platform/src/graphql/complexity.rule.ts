import { GraphQLError, Kind, Lexer, Source, TokenKind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';

export type DocumentLimits = {
  /** Characters of the document text (data travels in variables, which this does not count). */
  maxLength: number;
  /** Lexical tokens, as graphql's own `parseOptions.maxTokens` counts them. */
  maxTokens: number;
  /** Brackets of any kind (`{`, `[`, `(`) open at once. */
  maxNesting: number;
};

const OPERATION_KEYWORDS = new Set(['query', 'mutation', 'subscription', 'fragment']);

/**
 * Looks at a document's text before anything parses it, in one loop over graphql's own lexer
 * (which recurses into nothing): graphql's parser and several validation rules recurse once per
 * level of nesting, so a few thousand levels (`{ ...on Query { ...on Query { … } } }`) overflow
 * the stack whatever the token limit — the nesting is refused here instead. It also refuses text
 * that cannot begin an executable document: when graphql cannot parse a text, Mercurius tries it
 * as a JSON-encoded AST, so `"42"` or `{"kind": …}` would reach validation as a "document".
 * Texts the lexer itself rejects are left to the parser, whose syntax error is the better message.
 */
export function checkDocumentText(source: string, limits: DocumentLimits): void {
  if (source.length > limits.maxLength) {
    throw tooComplex(`Текст запроса длиннее ${limits.maxLength} символов: передавайте данные в переменных запроса.`);
  }
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let depth = 0;
  const first: TokenKind[] = [];
  let firstName = '';
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > limits.maxTokens) throw tooComplex(`Запрос слишком сложный: в нём больше ${limits.maxTokens} лексем.`);
      if (first.length < 2) {
        first.push(token.kind);
        if (first.length === 1) firstName = token.value ?? '';
      }
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L || token.kind === TokenKind.PAREN_L) {
        depth += 1;
        if (depth > limits.maxNesting) throw tooComplex(`Запрос слишком сложный: вложенность больше ${limits.maxNesting} уровней.`);
      } else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R || token.kind === TokenKind.PAREN_R) {
        depth -= 1;
      }
    }
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'QUERY_TOO_COMPLEX') throw error;
    return; // a lexical error: the parser reports it with its position
  }
  const startsDocument =
    (first[0] === TokenKind.NAME && OPERATION_KEYWORDS.has(firstName)) ||
    (first[0] === TokenKind.BRACE_L && (first[1] === TokenKind.NAME || first[1] === TokenKind.SPREAD));
  if (!startsDocument) {
    throw new GraphQLError('Некорректный запрос GraphQL: текст запроса должен начинаться с «{», query, mutation или fragment.', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  }
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}

/**
 * Rejects operations nested deeper than `maxDepth`. A field and an inline fragment each open a
 * level, a fragment spread stands for its fragment's selections (as Mercurius' `queryDepth`
 * counts). Walks with its own stack, not by recursion, and stops at the first level too deep.
 */
export function maxDepthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(context.getDocument().definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
    const fragmentDepths = new Map<string, number>();
    const visiting = new Set<string>();

    const depthOf = (root: SelectionSetNode): number => {
      let deepest = 0;
      const stack: [SelectionSetNode, number][] = [[root, 0]];
      for (let next = stack.pop(); next; next = stack.pop()) {
        const [set, depth] = next;
        for (const selection of set.selections) {
          if (selection.kind === Kind.FRAGMENT_SPREAD) {
            deepest = Math.max(deepest, depth + fragmentDepth(selection.name.value));
          } else {
            deepest = Math.max(deepest, depth + 1);
            if (selection.selectionSet) stack.push([selection.selectionSet, depth + 1]);
          }
          if (deepest > maxDepth) return deepest;
        }
      }
      return deepest;
    };

    // Fragments nest through spreads, at most once each on a path, so this recursion is as deep as the chain of distinct fragments.
    const fragmentDepth = (name: string): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) return 0; // unknown and cyclic fragments are graphql's own rules' to report
      visiting.add(name);
      const depth = depthOf(fragment.selectionSet);
      visiting.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    };

    return {
      OperationDefinition(node) {
        if (depthOf(node.selectionSet) > maxDepth) {
          context.reportError(
            new GraphQLError(`Запрос слишком сложный: вложенность полей больше ${maxDepth} уровней.`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COMPLEX' },
            }),
          );
        }
      },
    };
  };
}

/**
 * Rejects operations that select more than `maxFields` fields in all (fragments expanded, lists
 * counted once): a cheap cost limit next to the depth limit, so one request cannot ask for an
 * unbounded amount of work through aliases.
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
