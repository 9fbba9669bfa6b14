import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * The rules of the house are lint errors: this lints sources that break them, at real paths in
 * the workspace, with the project's own ESLint configuration and Nx project graph.
 */
describe('lint: module boundaries', () => {
  beforeAll(() => {
    // @nx/enforce-module-boundaries reads the cached project graph; compute it first (as `nx lint` does).
    execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'pipe' });
  }, 120_000);

  // The ESLint CLI in a child process, fed the source on stdin as if it stood at `file`.
  const violations = async (file: string, code: string): Promise<string[]> => {
    let output: string;
    try {
      output = execFileSync(join(root, 'node_modules', '.bin', 'eslint'), ['--format', 'json', '--stdin', '--stdin-filename', file], { cwd: root, input: code, stdio: 'pipe' }).toString();
    } catch (error) {
      output = (error as { stdout: Buffer }).stdout.toString(); // exit code 1 = lint errors found
    }
    const [result] = JSON.parse(output) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  };

  it('the platform may not import a domain lib', async () => {
    const found = await violations('libs/platform/src/probe.ts', `import { TenantService } from '@nastavnik/tenants/tenant.service';\nexport const probe = TenantService;\n`);
    expect(found.length).toBe(1);
    expect(found[0]).toMatch(/type:platform|Circular dependency/);
  });

  it('a lib may not import an app', async () => {
    const found = await violations('libs/tenants/src/probe.ts', `import { createApiApp } from '../../../apps/api/src/bootstrap';\nexport const probe = createApiApp;\n`);
    expect(found.length).toBe(1);
  });

  it('the test builders may not import domain code', async () => {
    const found = await violations('libs/testing/src/probe.ts', `import { TenantService } from '@nastavnik/tenants/tenant.service';\nexport const probe = TenantService;\n`);
    expect(found.length).toBe(1);
  });

  it('the contracts (code the console shares with the API) depend on nothing, not even the platform', async () => {
    const found = await violations('libs/contracts/src/probe.ts', `import { QUEUES } from '@nastavnik/platform/queue/queues';\nexport const probe = QUEUES;\n`);
    expect(found.length).toBe(1);
  });

  it('every project may use the contracts: the console, a domain lib, the platform', async () => {
    const probe = `import { toCsv } from '@nastavnik/contracts/spreadsheet/safe-cell';\nexport const probe = toCsv;\n`;
    for (const file of ['apps/console/src/probe.ts', 'libs/reporting/src/probe.ts', 'libs/platform/src/probe.ts']) expect([file, await violations(file, probe)]).toEqual([file, []]);
  });

  it('allowed imports pass: an app uses a domain lib and the platform', async () => {
    const found = await violations('apps/api/src/probe.ts', `import { TenantService } from '@nastavnik/tenants/tenant.service';\nimport { QUEUES } from '@nastavnik/platform/queue/queues';\nexport const probe = [TenantService, QUEUES];\n`);
    expect(found).toEqual([]);
  });
});
