import type { UnshardedTable } from '@nastavnik/platform/database/table-distribution';

/**
 * This lib's tables that a Citus cluster would not shard by school (docs/scale.md): the
 * reference data of the target model, the same for every school. Every other table of the lib
 * is a school's and sharded by `tenant_id`.
 */
export const UNSHARDED_TABLES = [
  { name: 'mentoring_forms', citus: 'reference', why: 'The forms of mentoring of the target model (student–student, teacher–teacher …): the same for every school.' },
  { name: 'role_models', citus: 'reference', why: 'The role models of each form of mentoring: the same for every school.' },
  { name: 'mentoring_formats', citus: 'reference', why: 'The formats of mentoring (individual, group …): the same for every school.' },
  { name: 'mentoring_directions', citus: 'reference', why: 'The directions of mentoring that pairs and meetings name: the same for every school.' },
  { name: 'interest_areas', citus: 'reference', why: 'The interest areas that matching compares: the same for every school.' },
  { name: 'meeting_types', citus: 'reference', why: 'The kinds of meetings: the same for every school.' },
  { name: 'programme_stages', citus: 'reference', why: 'The stages of the target model that roadmap items belong to: the same for every school.' },
  { name: 'mentor_competitions', citus: 'reference', why: "A region's competitions of mentors (docs/adr/0036): a few rows per region and year, read by every school of the region, referenced by the schools' entries." },
] as const satisfies readonly UnshardedTable[];
