import type Stripe from 'stripe';
import { invalidRequest } from '../http/errors';
import { type Route, apiRoute, at, hostedRoute } from '../http/route';
import { randomToken } from '../ids';
import { onboardingPage, submitOnboarding } from './hosted-onboarding';
export const accountLinkRoutes: Route[] = [
  apiRoute(
    'POST',
    '/v1/account_links',
    ({ engine, params }) => {
      params.allowOnly({
        account: true,
        type: true,
        refresh_url: true,
        return_url: true,
        collect: true,
        collection_options: { fields: true, future_requirements: true },
      });
      const record = engine.accountRecord(params.requiredString('account'));
      // Validated as Stripe does; the hosted form always collects every field (eventually due included).
      const options = params.object('collection_options');
      options?.oneOf('fields', ['currently_due', 'eventually_due'] as const);
      options?.oneOf('future_requirements', ['include', 'omit'] as const);
      params.oneOf('collect', ['currently_due', 'eventually_due'] as const);
      const type = params.oneOf('type', ['account_onboarding', 'account_update'] as const);
      if (!type)
        throw invalidRequest('Missing required param: type.', {
          param: 'type',
          code: 'parameter_missing',
        });
      if (
        type === 'account_update' &&
        record.account.controller?.requirement_collection !== 'application'
      ) {
        // Stripe only allows account_update links where the platform collects requirements.
        throw invalidRequest(
          'You cannot create `account_update` type Account Links for accounts where Stripe collects requirements.',
          { param: 'type' },
        );
      }
      const refreshUrl = params.requiredString('refresh_url');
      const returnUrl = params.requiredString('return_url');
      for (const [name, value] of [
        ['refresh_url', refreshUrl],
        ['return_url', returnUrl],
      ] as const) {
        if (!/^https?:\/\//.test(value))
          throw invalidRequest(`Not a valid URL`, { param: name, code: 'url_invalid' });
      }
      const id = `alink_${randomToken(24)}`;
      const link: Stripe.AccountLink = {
        object: 'account_link',
        created: engine.now(),
        expires_at: engine.now() + 300,
        url: `${engine.url}/_sandbox/hosted/onboarding/${id}`,
      };
      engine.state.accountLinks[id] = {
        id,
        link,
        account: record.account.id,
        type,
        refresh_url: refreshUrl,
        return_url: returnUrl,
        used: false,
      };
      engine.changed();
      return link;
    },
    { platformOnly: true },
  ),
  hostedRoute('GET', '/_sandbox/hosted/onboarding/:link', ({ engine, path }) =>
    onboardingPage(engine, at({ path }, 0)),
  ),
  hostedRoute(
    'POST',
    '/_sandbox/hosted/onboarding/:link',
    ({ engine, path, form, remoteAddress }) =>
      submitOnboarding(engine, at({ path }, 0), form, remoteAddress),
  ),
];
