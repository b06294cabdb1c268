/**
 * What stands where the patron's data will be while it is on its way: a status (announced), and
 * `.loading`, which keeps the footer out of the way meanwhile (styles.css).
 */
export function Loading({ text }: { text: string }) {
  return (
    <p className="loading" role="status">
      {text}
    </p>
  );
}
