// The severity icons, apart from icon.tsx: RiskBanner's first load draws only the alert icon, and its signals
// (which load on demand) bring these with them.
import { criticalIcon } from './icon';
import type { IconShape } from './icon';

const warningIcon: IconShape = {
  name: 'warning',
  path: 'M12 8v5m0 3h.01M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z',
};
const infoIcon: IconShape = {
  name: 'info',
  path: 'M12 11v5m0-8h.01M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z',
};

/** The icon for each severity (risk signals, the platform's table). */
export const severityIcons = { critical: criticalIcon, warning: warningIcon, info: infoIcon };
