// The icons of an outcome (paid, pending, canceled), apart from icon.tsx: SplitCheckout's first load draws none
// of them, its payment step (loaded on demand) brings the ones it draws.
import type { IconShape } from './icon';

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
