import { createHash } from 'node:crypto';
import { todayIso } from '@nastavnik/platform/calendar';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import type { ReportKind } from './report-file.entity';

export type SchoolReportParams = { period: string; tenantId: string };
export type RegionReportParams = { period: string; parentId: string | null; codes: string[] };
export type ExtractParams = { period: string; regionId: string | null; formCode: string; formVersion: string };
export type ReportParams = SchoolReportParams | RegionReportParams | ExtractParams;

/**
 * The identity of a request: kind, normalised parameters and the requester's scope (what they
 * may see decides what the file contains), per calendar day (the region's), so a repeated request on
 * the same day shares the row, the job and the file, and tomorrow's reflects new snapshots.
 */
export function requestHash(kind: ReportKind, params: ReportParams | Record<string, unknown>, scope: Scope, now = new Date()): string {
  const day = todayIso(now);
  const identity = { kind, params, scope: { role: scope.role, tenantId: scope.tenantId, tenantPath: scope.tenantPath, allTenants: scope.allTenants }, day };
  return createHash('sha256').update(stableJson(identity)).digest('hex');
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** BullMQ job id of a request (no ':' — BullMQ reserves it). */
export const reportJobId = (hash: string) => `report-${hash}`;

/** RFC 5987 / 6266 Content-Disposition with an ASCII fallback and the Russian name in filename*. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
