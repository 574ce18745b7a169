// The embedded variants, in one module that components load with `React.lazy`, so Connect.js and its
// React bindings are only fetched by apps that render `variant="embedded"`. Published as the package's
// `./embedded` entry; of the kit it imports only the theme (settings and labels come in as props), so it
// never loops back into the main bundle.
import {
  ConnectAccountOnboarding,
  ConnectNotificationBanner,
  ConnectPayouts,
} from '@stripe/react-connect-js';
import { EmbeddedConnect } from './embedded-connect';
import type { EmbeddedConnectProps } from './embedded-connect';

export type EmbeddedBaseProps = Omit<EmbeddedConnectProps, 'children'>;

function toError({ error }: { error: { message?: string } }) {
  return new Error(error.message ?? 'Stripe Connect could not load this component.');
}

export interface EmbeddedOnboardingProps extends EmbeddedBaseProps {
  onExit: () => void;
}

export function EmbeddedOnboarding({ onExit, ...props }: EmbeddedOnboardingProps) {
  return (
    <EmbeddedConnect {...props}>
      <ConnectAccountOnboarding
        onExit={onExit}
        onLoadError={(event) => props.onError?.(toError(event))}
      />
    </EmbeddedConnect>
  );
}

export function EmbeddedPayouts(props: EmbeddedBaseProps) {
  return (
    <EmbeddedConnect {...props}>
      <ConnectPayouts onLoadError={(event) => props.onError?.(toError(event))} />
    </EmbeddedConnect>
  );
}

export function EmbeddedNotificationBanner(props: EmbeddedBaseProps) {
  return (
    <EmbeddedConnect {...props}>
      <ConnectNotificationBanner onLoadError={(event) => props.onError?.(toError(event))} />
    </EmbeddedConnect>
  );
}
