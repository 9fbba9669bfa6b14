// One swc configuration for the runtime register (tools/register.cjs) and for jest.
// Decorator metadata is what Nest's DI, TypeORM and @nestjs/graphql read at run time.
module.exports = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: 'inline',
};
