import type { ReactNode } from 'react';
import { useT } from '../../i18n';

export interface Column {
  readonly label: string;
  readonly numeric?: boolean;
}

/** One of the report's small tables: a title, its columns, its rows (or a quiet "none"). */
export function BreakdownTable({
  title,
  columns,
  rows,
  className,
}: {
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly ReactNode[])[];
  readonly className?: string;
}) {
  const t = useT();
  return (
    <section className={`card breakdown ${className ?? ''}`} aria-label={title}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={columns[j]?.numeric ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
