import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { TestApi } from './test-api';

/**
 * Field resolvers run once per row of a list (25 times a page for each field asked), so they take
 * @nestjs/graphql's fast path: the method itself is the field's resolver, called with GraphQL's
 * (parent, args, context, info). A method with a parameter decorator — `@Parent()` included — is
 * instead called through Nest's per-call context and the global pipe (issue 15: a third of what a
 * curator's participants page allocated). Field resolvers with arguments (`@Args`, validated by the
 * pipe) may keep it; there are none yet.
 */
describe('field resolvers take the fast path', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  it('every field resolver without arguments is the resolver method itself (no @Parent(), no Nest context per call)', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((type) => type?.name));
    const fast: string[] = [];
    const slow: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || roots.has(type.name) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        // A plain field's resolver is Nest's `rootFieldResolver` (the property, or its default value).
        if (!field.resolve || field.resolve.name === 'rootFieldResolver' || field.args.length) continue;
        // The fast path binds the method («bound bound baseEntries»); Nest's per-call wrapper is its `target` («bound target»).
        const name = field.resolve.name;
        (name.startsWith('bound ') && !name.endsWith(' target') ? fast : slow).push(`${type.name}.${field.name}`);
      }
    }
    expect(slow).toEqual([]);
    expect(fast).toEqual(expect.arrayContaining(['Participant.baseEntries', 'Participant.consents', 'Participant.erasures', 'Participant.fullName', 'Participant.age']));
  });
});
