import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { AppConfig } from '@nastavnik/platform/config/app-config';
import { testConfig } from '@nastavnik/testing/test-context';
import { createApiApp } from '../src/bootstrap';

export type GqlResponse<T = Record<string, unknown>> = {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: { code?: string; details?: unknown } }[];
};

/** The real API (Fastify + Mercurius, the real guard) over this run's database. */
export class TestApi {
  private constructor(readonly app: NestFastifyApplication) {}

  static async start(config: AppConfig = testConfig()): Promise<TestApi> {
    return new TestApi(await createApiApp(config, { logger: false }));
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async gql<T = Record<string, unknown>>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
    let call = this.http().post('/graphql').set('content-type', 'application/json');
    if (token) call = call.set('authorization', `Bearer ${token}`);
    const response = await call.send({ query, variables });
    return { status: response.status, data: response.body.data ?? null, errors: response.body.errors };
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

export function codesOf(response: GqlResponse): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}
