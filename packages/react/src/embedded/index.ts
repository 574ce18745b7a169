export {
  EmbeddedOnboardingLoader,
  EmbeddedPayoutsLoader,
  EmbeddedNotificationBannerLoader,
} from './lazy';
