import type { Column } from './columns.ts';
import type { ResourceState } from './resource-state.ts';

/** What every card showing rows of numbers takes: its name, its data and the columns of its table view and CSV. */
export interface DataCardProps<R> {
  /** Stable id: names the card in the URL (table view), for tests and in its CSV file name. */
  id: string;
  title: string;
  note?: string;
  /** The data behind the card (a Resource): loading, error, retry. */
  resource: ResourceState;
  /** The numbers behind the card, for the table view and the CSV. */
  columns: Column<R>[];
  rows: R[];
  /** Spans the page grid's row. */
  wide?: boolean;
}
