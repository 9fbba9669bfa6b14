/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `dev` or `keycloak`; unset = ask the API (see config.ts). */
  readonly VITE_AUTH_MODE?: string;
  readonly VITE_API_URL?: string;
  readonly VITE_KEYCLOAK_URL?: string;
  readonly VITE_KEYCLOAK_REALM?: string;
  readonly VITE_KEYCLOAK_CLIENT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
