import { type AccountSessionObject } from '../core/state';
import { invalidRequest } from '../http/errors';
import { type Route, apiRoute } from '../http/route';
import { newClientSecret, randomToken } from '../ids';
import { parseComponents } from './components';
export const accountSessionRoutes: Route[] = [
  apiRoute(
    'POST',
    '/v1/account_sessions',
    ({ engine, params }) => {
      // Components are checked key by key against the declared list in parseComponents.
      params.allowOnly({ account: true, components: 'any' });
      const record = engine.accountRecord(params.requiredString('account'));
      const requested = params.object('components');
      if (!requested || Object.keys(requested.values).length === 0) {
        throw invalidRequest('Missing required param: components.', {
          param: 'components',
          code: 'parameter_missing',
        });
      }
      const components = parseComponents(record.account, requested);
      const session: AccountSessionObject = {
        object: 'account_session',
        account: record.account.id,
        client_secret: newClientSecret(`acctsess_${randomToken(16)}`),
        expires_at: engine.now() + 30 * 60,
        livemode: false,
        components,
      };
      engine.state.accountSessions[session.client_secret] = session;
      engine.changed();
      return session;
    },
    { platformOnly: true },
  ),
];
