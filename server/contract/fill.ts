/**
 * `{name}` placeholders of a text filled from `vars`; a name without a value stays as written. The
 * one template filler of the dashboard's messages, the report, the ingest messages and the CLI.
 */
export const fill = (text: string, vars: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
