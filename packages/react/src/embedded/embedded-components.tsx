// The embedded variants, in one module that components load with `React.lazy`, so Connect.js and its
// React bindings are only fetched by apps that render `variant="embedded"`.
import {
  ConnectAccountOnboarding,
  ConnectNotificationBanner,
  ConnectPayouts,
} from '@stripe/react-connect-js';
import { EmbeddedConnect } from './embedded-connect';

export interface EmbeddedOnboardingProps {
  onExit: () => void;
  onError?: (error: Error) => void;
}

export function EmbeddedOnboarding({ onExit, onError }: EmbeddedOnboardingProps) {
  return (
    <EmbeddedConnect components={['account_onboarding']} onError={onError}>
      <ConnectAccountOnboarding
        onExit={onExit}
        onLoadError={({ error }) => onError?.(new Error(error.message))}
      />
    </EmbeddedConnect>
  );
}

export interface EmbeddedPayoutsProps {
  onError?: (error: Error) => void;
}

export function EmbeddedPayouts({ onError }: EmbeddedPayoutsProps) {
  return (
    <EmbeddedConnect components={['payouts']} onError={onError}>
      <ConnectPayouts onLoadError={({ error }) => onError?.(new Error(error.message))} />
    </EmbeddedConnect>
  );
}

export interface EmbeddedNotificationBannerProps {
  onError?: (error: Error) => void;
}

export function EmbeddedNotificationBanner({ onError }: EmbeddedNotificationBannerProps) {
  return (
    <EmbeddedConnect components={['notification_banner']} onError={onError}>
      <ConnectNotificationBanner onLoadError={({ error }) => onError?.(new Error(error.message))} />
    </EmbeddedConnect>
  );
}
