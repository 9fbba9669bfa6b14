const MB = 1024 * 1024;

/**
 * The API's default body limit: large enough for `POST /participants/import` (a 5 MB file as the
 * raw body, which sets its own limit), so that route is not refused before it can speak.
 */
export const DEFAULT_BODY_LIMIT = 6 * MB;

/** The `/graphql` body limit, in MB (for messages) and in bytes: a 1.5 MB spreadsheet as base64 in `importParticipants`, plus the document. */
export const GRAPHQL_BODY_LIMIT_MB = 2;
export const GRAPHQL_BODY_LIMIT = GRAPHQL_BODY_LIMIT_MB * MB;
