/*
 * The realm roles of Keycloak's `mentoring` realm (infra/keycloak/realm-export.json), which the API
 * checks on every operation and the console shows its menus by. One list, so the two can never
 * disagree about a role or about which one a person acts in.
 */

/** The platform's roles, in the order that picks the acting one: admin > ministry > analyst > curator. */
export const APP_ROLES = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export function isAppRole(value: unknown): value is AppRole {
  return APP_ROLES.some((role) => role === value);
}

/** The role a token's holder acts in: the first of APP_ROLES among its realm roles (`realm_access.roles`). */
export function actingRole(held: readonly string[] | undefined): AppRole | undefined {
  return APP_ROLES.find((role) => held?.includes(role));
}
