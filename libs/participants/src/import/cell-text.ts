/** A cell's text as the import compares it: non-breaking spaces and tabs as spaces, runs of spaces as one, trimmed. */
export function tidyCell(value: string): string {
  return value.replace(/[\u00a0\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}
