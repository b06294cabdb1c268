import type { ReactNode } from 'react';

/** A panel of a page (`.panel .panel-narrow`), named by its heading: `id` is the heading's id. */
export function Panel({ id, heading, children }: { id: string; heading: ReactNode; children: ReactNode }) {
  return (
    <section className="panel panel-narrow" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}
