import type { ReactNode } from 'react';

export type DataTableColumn = string | { label: string; numeric?: boolean; hidden?: boolean };

/** The one table markup of every list page: scrollable on narrow screens, headed by scoped columns; rows are the children. */
export function DataTable({ columns, children }: { columns: readonly DataTableColumn[]; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table className="data">
        <thead>
          <tr>
            {columns.map((column) => {
              const { label, numeric = false, hidden = false } = typeof column === 'string' ? { label: column } : column;
              return (
                <th key={label} scope="col" className={numeric ? 'num' : undefined}>
                  {hidden ? <span className="visually-hidden">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
