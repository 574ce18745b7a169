// Inline SVG icons (no icon font, no requests): decorative, so hidden from assistive technology — the text
// next to each icon says the same thing. One constant per icon, so a page ships only the icons it draws
// (plain literals: bundlers keep template literals they cannot prove free of side effects). Here the alert's
// icon, which every component draws; the others sit in modules of their own (status-icons.ts,
// severity-icons.ts), so that a part loaded on demand does not bring its icons into the first load.
export type IconName = 'critical' | 'warning' | 'info' | 'success' | 'pending' | 'canceled';

export interface IconShape {
  name: IconName;
  path: string;
}

export const criticalIcon: IconShape = {
  name: 'critical',
  path: 'M12 7v6m0 4h.01M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z',
};

export function Icon({ icon }: { icon: IconShape }) {
  return (
    <svg
      className="mk-Icon"
      data-icon={icon.name}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={icon.path} />
    </svg>
  );
}
