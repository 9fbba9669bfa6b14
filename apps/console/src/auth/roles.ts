/** The realm roles of Keycloak's `mentoring` realm, in the order the API picks the acting one. */
export const ROLES = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'platform-admin': 'Администратор платформы',
  'ministry-official': 'Специалист министерства',
  'region-analyst': 'Аналитик регионального центра',
  curator: 'Куратор программы наставничества',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The role a request acts in, exactly as the API chooses it: the first of ROLES the token holds. */
export function roleFromRealmRoles(held: readonly string[] | undefined): Role | undefined {
  return ROLES.find((role) => held?.includes(role));
}
