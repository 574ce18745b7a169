export {
  EmbeddedOnboardingDialog,
  EmbeddedPayoutsLoader,
  EmbeddedNotificationBannerLoader,
} from './lazy';
