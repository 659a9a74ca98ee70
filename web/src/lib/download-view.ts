import type { Column } from './columns.ts';
import { downloadCsv } from './csv.ts';
import { dataRange } from './data-range.svelte.ts';
import { csvName } from './download-name.ts';
import { url } from './url-state.svelte.ts';

/** A card's numbers as CSV, named for the card, the dates and the filters in view (download-name.ts). */
export function downloadView<R>(id: string, columns: readonly Column<R>[], rows: readonly R[]): void {
  downloadCsv(csvName(id, url.filters, dataRange), columns, rows);
}
