import { useEffect, useRef } from 'react';
import type { Route } from './use-hash-route';

/**
 * After a page change, focus moves to the new page's heading (as a screen reader user expects from a
 * link), not back to `<body>`. The first page load keeps the browser's default.
 */
export function useFocusOnNavigation(route: Route): void {
  const key = JSON.stringify(route);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = window.requestAnimationFrame(() => {
      const target =
        document.querySelector<HTMLElement>('main h1') ??
        document.querySelector<HTMLElement>('main');
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [key]);
}
