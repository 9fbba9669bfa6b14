import type {
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionInputTypeRef,
  IntrospectionObjectType,
  IntrospectionOutputTypeRef,
  IntrospectionSchema,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';

/**
 * The API limits query depth to 10, which the standard introspection query (depth 15) exceeds.
 * This one asks only what the data provider needs, with type references three wrappers deep
 * (enough for `[X!]!`).
 */
export const INTROSPECTION_QUERY = /* GraphQL */ `
  query ConsoleIntrospection {
    __schema {
      queryType { name }
      mutationType { name }
      types {
        kind
        name
        fields { name args { name type { ...Ref } } type { ...Ref } }
        inputFields { name type { ...Ref } }
        enumValues { name }
      }
    }
  }
  fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
`;

type AnyTypeRef = IntrospectionTypeRef | IntrospectionOutputTypeRef | IntrospectionInputTypeRef;

/** Name lookups over an introspected schema. */
export class SchemaIndex {
  private readonly types = new Map<string, IntrospectionType>();

  constructor(readonly schema: IntrospectionSchema) {
    for (const type of schema.types) this.types.set(type.name, type);
  }

  type(name: string): IntrospectionType | undefined {
    return this.types.get(name);
  }

  objectType(name: string): IntrospectionObjectType | undefined {
    const type = this.types.get(name);
    return type?.kind === 'OBJECT' ? type : undefined;
  }

  inputType(name: string): IntrospectionInputObjectType | undefined {
    const type = this.types.get(name);
    return type?.kind === 'INPUT_OBJECT' ? type : undefined;
  }

  query(name: string): IntrospectionField | undefined {
    return this.objectType(this.schema.queryType.name)?.fields.find((field) => field.name === name);
  }

  mutation(name: string): IntrospectionField | undefined {
    const mutationType = this.schema.mutationType?.name;
    return mutationType ? this.objectType(mutationType)?.fields.find((field) => field.name === name) : undefined;
  }

  /**
   * The selection set of a type: its scalar and enum fields, and for object fields their own
   * scalar and enum fields (one level; references beyond are fetched by react-admin's
   * reference fields, not joined here).
   */
  selection(typeName: string, depth = 0): string {
    const type = this.objectType(typeName);
    if (!type) return 'id';
    const parts: string[] = [];
    for (const field of type.fields) {
      if (field.args.some((arg) => arg.type.kind === 'NON_NULL')) continue; // needs an argument we cannot guess
      const named = namedType(field.type);
      const kind = this.type(named)?.kind;
      if (kind === 'SCALAR' || kind === 'ENUM') parts.push(field.name);
      else if (kind === 'OBJECT' && depth === 0) parts.push(`${field.name} { ${this.selection(named, 1)} }`);
    }
    return parts.join(' ');
  }
}

export function namedType(ref: AnyTypeRef): string {
  let current: AnyTypeRef = ref;
  while (current.kind === 'NON_NULL' || current.kind === 'LIST') current = current.ofType as AnyTypeRef;
  return (current as { name: string }).name;
}

/** `[ID!]!`-style text of a type reference, for variable definitions. */
export function typeText(ref: AnyTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeText(ref.ofType as AnyTypeRef)}!`;
  if (ref.kind === 'LIST') return `[${typeText(ref.ofType as AnyTypeRef)}]`;
  return (ref as { name: string }).name;
}

export function isNonNull(ref: AnyTypeRef): boolean {
  return ref.kind === 'NON_NULL';
}
