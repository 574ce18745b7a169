// Inline SVG icons (no icon font, no requests): decorative, so hidden from assistive technology — the text
// next to each icon says the same thing. One constant per icon, so a page ships only the icons it draws
// (plain literals: bundlers keep template literals they cannot prove free of side effects).
export type IconName = 'critical' | 'warning' | 'info' | 'success' | 'pending' | 'canceled';

export interface IconShape {
  name: IconName;
  path: string;
}

export const criticalIcon: IconShape = {
  name: 'critical',
  path: 'M12 7v6m0 4h.01M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z',
};
export const successIcon: IconShape = {
  name: 'success',
  path: 'm8 12.5 2.5 2.5L16 9.5M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z',
};
export const pendingIcon: IconShape = {
  name: 'pending',
  path: 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z',
};
export const canceledIcon: IconShape = {
  name: 'canceled',
  path: 'm9 9 6 6m0-6-6 6M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z',
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
