import type { ReactNode } from 'react';

export interface Column<R> {
  header: string;
  /** The class of the column's header cell. */
  headerClassName?: string;
  /** The class of its cells. */
  className?: string;
  /** Each cell carries the header as `data-label`: the narrow layout shows it beside the value. */
  labelled?: boolean;
  /** An id for the cell (e.g. the title that a row's controls are described by). */
  id?: (row: R) => string;
  cell: (row: R) => ReactNode;
}

/** A table of rows under column headers (`scope="col"`), with its caption. */
export function Table<R>({
  className,
  caption,
  captionClassName,
  columns,
  rows,
  rowKey,
  rowClassName,
  labelCells,
}: {
  className: string;
  caption: ReactNode;
  captionClassName?: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  rowClassName?: (row: R) => string | undefined;
  /** Every column `labelled`. */
  labelCells?: boolean;
}) {
  return (
    <table className={className}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.headerClassName}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((column) => (
              <td
                key={column.header}
                data-label={labelCells || column.labelled ? column.header : undefined}
                id={column.id?.(row)}
                className={column.className}
              >
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The class of a row whose loan is overdue (marked in text as well: the 延滞 badge). */
export function overdueRow(row: { overdue: boolean }): string | undefined {
  return row.overdue ? 'row-overdue' : undefined;
}
