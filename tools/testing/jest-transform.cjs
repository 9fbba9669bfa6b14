// Jest transform: our TypeScript through swc (decorator metadata); in node_modules, only ES
// modules are compiled to CommonJS (NestJS 12 and a few of its dependencies ship ESM only, and
// jest on Node 20 cannot require(esm)); CommonJS files pass through untouched.
const { createTransformer } = require('@swc/jest');
const swcConfig = require('../swc.config.cjs');

// Dynamic import() becomes require(): jest's CommonJS sandbox has no ESM loader.
const swc = createTransformer({ ...swcConfig, module: { ...swcConfig.module, ignoreDynamic: false } });
const ESM_SYNTAX = /^\s*(import\s*[\w{*'"]|export\s*[\w{*]|export\s+default\b)/m;

function needsTransform(source, filename) {
  return !filename.includes('/node_modules/') || ESM_SYNTAX.test(source) || /\bimport(\.meta\b|\s*\()/.test(source);
}

module.exports = {
  canInstrument: false,
  process(source, filename, options) {
    if (!needsTransform(source, filename)) return { code: source };
    return swc.process(source, filename, options);
  },
  getCacheKey(source, filename, options) {
    return `${needsTransform(source, filename) ? 'swc' : 'raw'}:${swc.getCacheKey(source, filename, options)}`;
  },
};
