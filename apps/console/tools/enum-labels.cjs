// Regenerates src/common/enumLabels.ts from apps/api/schema.gql: each enum value's description is its Russian label.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
const schema = readFileSync(join(root, 'apps', 'api', 'schema.gql'), 'utf8');
const labels = {};
for (const [, name, body] of schema.matchAll(/^enum (\w+) \{([\s\S]*?)^\}/gm)) {
  const values = {};
  let description = null;
  for (const match of body.matchAll(/"""([\s\S]*?)"""|^\s*([A-Z0-9_]+)\s*$/gm)) {
    if (match[1] !== undefined) description = match[1].trim().replace(/\s+/g, ' ');
    else {
      values[match[2]] = description ?? match[2];
      description = null;
    }
  }
  labels[name] = values;
}
const header = '// Generated from apps/api/schema.gql (enum value descriptions are the Russian labels).\n// Regenerate: node apps/console/tools/enum-labels.cjs\n\n';
writeFileSync(join(root, 'apps', 'console', 'src', 'common', 'enumLabels.ts'), `${header}export const ENUM_LABELS = ${JSON.stringify(labels, null, 2)} as const;\n`);
