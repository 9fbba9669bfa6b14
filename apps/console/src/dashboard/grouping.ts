import type { Tenant } from '../tenants/types';

export type GroupCount = { id: string | null; name: string; count: number };

/**
 * Organisations counted per group (the municipalities of a region, or the regions of the
 * country): an organisation belongs to the group whose path is the longest prefix of its own.
 * Groups without organisations are kept (a zero is information); organisations outside every
 * group (a school directly under its region) are counted under `ungroupedLabel`, the last row.
 */
export function countByGroup(organisations: Tenant[], groups: Tenant[], ungroupedLabel: string): GroupCount[] {
  const counts = new Map<string | null, GroupCount>(groups.map((group) => [group.id, { id: group.id, name: group.shortName, count: 0 }]));
  const byDepth = [...groups].sort((a, b) => b.path.length - a.path.length);
  for (const organisation of organisations) {
    const group = byDepth.find((candidate) => organisation.path.startsWith(`${candidate.path}.`));
    const key = group?.id ?? null;
    const entry = counts.get(key) ?? { id: null, name: ungroupedLabel, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => Number(a.id === null) - Number(b.id === null) || b.count - a.count || a.name.localeCompare(b.name, 'ru'));
}
