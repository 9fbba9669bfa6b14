/** A react-admin resource bound to a GraphQL type of the API (`tenants` ↔ `Tenant`). */
export type ResourceBinding = {
  /** react-admin's resource name: the URL segment (`#/tenants/…`). */
  resource: string;
  /** The GraphQL object type (`Tenant`). */
  graphqlType: string;
  /** Plural of the type when English rules get it wrong (`allPeople`); default: `Tenant` → `Tenants`. */
  plural?: string;
};

export type OperationNames = { list: string; meta: string; one: string; create: string; update: string; delete: string };

/** The API's react-admin convention: `allXs`, `_allXsMeta`, `X(id)`, `createX(input)`, `updateX(id, input)`, `deleteX(id)`. */
export function operationNames(binding: ResourceBinding): OperationNames {
  const type = binding.graphqlType;
  const plural = binding.plural ?? pluralize(type);
  return {
    list: `all${plural}`,
    meta: `_all${plural}Meta`,
    one: type,
    create: `create${type}`,
    update: `update${type}`,
    delete: `delete${type}`,
  };
}

/** English plural of a type name (enough for the API's names: Tenant, Programme, Pair, Activity, Match…). */
export function pluralize(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}
