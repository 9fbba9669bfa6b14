import type { Response } from 'supertest';
import type { TestDb } from '@nastavnik/testing/test-context';
import type { TestApi } from './test-api';

/** supertest's body parser for a file: the bytes as they came. */
export const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Waits (≤ 30 s) until the worker has produced report file `id`, then downloads it as `token`. */
export async function downloadReportFile(api: TestApi, db: TestDb, token: string, id: string): Promise<Buffer> {
  for (const started = Date.now(); ; ) {
    const { rows } = await db.owner.query(`select status, error from report_files where id = $1`, [id]);
    if (rows[0]?.status === 'done') break;
    if (rows[0]?.status === 'failed' || Date.now() - started > 30_000) throw new Error(`report file ${id}: ${rows[0]?.status} ${rows[0]?.error ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const file = await api.http().get(`/reports/${id}/file`).set('authorization', `Bearer ${token}`).buffer(true).parse(binary);
  if (file.status !== 200) throw new Error(`report file ${id}: HTTP ${file.status}`);
  return file.body as Buffer;
}
