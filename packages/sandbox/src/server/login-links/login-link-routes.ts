import type Stripe from 'stripe';
import { invalidRequest } from '../http/errors';
import { type Route, apiRoute, at, hostedRoute } from '../http/route';
import { createId } from '../ids';
import { expressDashboardPage } from './express-dashboard';
export const loginLinkRoutes: Route[] = [
  apiRoute(
    'POST',
    '/v1/accounts/:id/login_links',
    (context) => {
      const { engine } = context;
      const record = engine.accountRecord(at(context, 0));
      if (record.account.controller?.stripe_dashboard?.type !== 'express') {
        throw invalidRequest(
          'Login links can only be created for accounts that use the Express Dashboard.',
          { param: 'account' },
        );
      }
      const id = createId('lnk');
      engine.state.loginLinks[id] = {
        id,
        account: record.account.id,
        created: engine.now(),
        used: false,
      };
      engine.changed();
      return {
        object: 'login_link',
        created: engine.now(),
        url: `${engine.url}/_sandbox/hosted/express/${id}`,
      } satisfies Stripe.LoginLink;
    },
    { platformOnly: true },
  ),
  hostedRoute('GET', '/_sandbox/hosted/express/:link', ({ engine, path }) =>
    expressDashboardPage(engine, at({ path }, 0)),
  ),
];
