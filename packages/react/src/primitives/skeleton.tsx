/**
 * A loading placeholder in the shape of the content. The label is announced once (`role="status"`); the
 * bars are decorative.
 */
export function Skeleton({
  label,
  shape = ['lg', 'md', 'md', 'button'],
}: {
  label: string;
  shape?: ReadonlyArray<'lg' | 'md' | 'button'>;
}) {
  return (
    <div className="mk-Skeleton" role="status">
      <span className="mk-VisuallyHidden">{label}</span>
      {shape.map((size, index) => (
        <span key={index} className="mk-Skeleton-line" data-size={size} aria-hidden="true" />
      ))}
    </div>
  );
}
