import type { ReactNode } from 'react';

/** A labelled figure in a report: the label left, the amount right-aligned. */
export function Figure({
  label,
  children,
  strong,
}: {
  label: ReactNode;
  children: ReactNode;
  strong?: boolean;
}) {
  return (
    <div className={`cs-figure ${strong ? 'cs-figure-strong' : ''}`}>
      <span>{label}</span>
      <span className="num">{children}</span>
    </div>
  );
}

/** A titled group of figures inside a report. */
export function FigureGroup({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <section className="cs-figure-group" aria-label={typeof title === 'string' ? title : undefined}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}
