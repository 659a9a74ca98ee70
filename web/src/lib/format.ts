// One number format for the dashboard and the weekly report (server/contract/format.ts).
export { createFormat, DASH, type Format, type FormatLang } from '../../../server/contract/format.ts';
