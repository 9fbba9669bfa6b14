import { REFERENCE_KINDS } from './reference.kinds';
import { REFERENCE_RESOLVERS } from './reference.resolvers';

/*
 * The resolvers are built by one factory over type parameters, which decorator metadata cannot
 * name: without the classes recorded by hand, the input pipe would see `Object` and validate
 * nothing. programmes-reference.spec.ts checks the GraphQL surface end to end.
 */
describe('reference resolvers: one factory for the seven kinds', () => {
  it('records the argument classes of every operation, so that the input pipe validates them', () => {
    expect(REFERENCE_RESOLVERS).toHaveLength(REFERENCE_KINDS.length);
    REFERENCE_RESOLVERS.forEach((resolver, i) => {
      const kind = REFERENCE_KINDS[i];
      const parameters = (method: string): unknown => Reflect.getMetadata('design:paramtypes', resolver.prototype, method);
      expect(resolver.name).toBe(`${kind.names.one}Resolver`);
      expect(parameters('list')).toEqual([kind.inputs.list]);
      expect(parameters('count')).toEqual([kind.inputs.list]);
      expect(parameters('one')).toEqual([String]);
      expect(parameters('create')).toEqual([kind.inputs.create]);
      expect(parameters('update')).toEqual([String, kind.inputs.update]);
    });
  });
});
