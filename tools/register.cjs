// Runs the TypeScript sources directly (`node -r ./tools/register.cjs file.ts`): swc strips types
// and emits decorator metadata; `@nastavnik/<lib>/<path>` resolves to `libs/<lib>/src/<path>`.
// NestJS 12 packages are ESM-only; Node >= 20.19 loads them through require(esm).
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const swcConfig = require('./swc.config.cjs');

const root = path.resolve(__dirname, '..');
const aliasPattern = /^@nastavnik\/([a-z-]+)\/(.+)$/;

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolve(request, parent, ...rest) {
  const match = aliasPattern.exec(request);
  if (match) request = path.join(root, 'libs', match[1], 'src', match[2]);
  return originalResolve.call(this, request, parent, ...rest);
};

Module._extensions['.ts'] = function compile(module, filename) {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcConfig, filename });
  module._compile(code, filename);
};
process.setSourceMapsEnabled?.(true);
