export {
  EmbeddedOnboardingLoader,
  EmbeddedPayoutsLoader,
  EmbeddedNotificationBannerLoader,
} from './lazy';
export { Dialog } from './dialog';
export type { DialogProps } from './dialog';
