import { isScope, type Scope } from '../tenancy/scope';
import type { TenantContext } from '../tenancy/tenant-context';
import { ValidationFailedException } from '../errors/app.exceptions';

/**
 * Every job started on behalf of a person carries that person's scope, written by the API from
 * the verified token, and runs its SQL under it exactly like a request.
 */
export type ScopedJobData = { scope: Scope };

/** Runs a job's work in one scoped transaction; a payload without a valid scope is refused. */
export async function runScopedJob<T>(context: TenantContext, data: unknown, work: () => Promise<T>): Promise<T> {
  const scope = (data as Partial<ScopedJobData> | null)?.scope;
  if (!isScope(scope)) throw new ValidationFailedException('Задание не содержит области доступа (scope) и не будет выполнено.');
  return context.runInScope(scope, work);
}
