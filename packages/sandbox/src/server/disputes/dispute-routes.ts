import { invalidRequest } from '../http/errors';
import { type Route, apiRoute, at, controlRoute, listRoute, retrieveRoute } from '../http/route';
import { closeDispute, renderDispute } from './disputes';
export const disputeRoutes: Route[] = [
  listRoute(
    '/v1/disputes',
    {
      allow: ['charge', 'payment_intent', 'created'],
      collection: ({ engine }) => Object.values(engine.state.disputes),
      filter: ({ params }) => {
        const charge = params.string('charge');
        return (dispute) => !charge || dispute.charge === charge;
      },
      render: (dispute, engine) => renderDispute(engine, dispute),
    },
    { platformOnly: true },
  ),
  retrieveRoute(
    '/v1/disputes/:id',
    {
      find: (context) => context.engine.state.disputes[at(context, 0)],
      kind: 'dispute',
      render: (dispute, engine) => renderDispute(engine, dispute),
    },
    { platformOnly: true },
  ),
  apiRoute(
    'POST',
    '/v1/disputes/:id/close',
    (context) =>
      renderDispute(context.engine, closeDispute(context.engine, at(context, 0), 'lost')),
    { platformOnly: true },
  ),
  // The sandbox's stand-in for the card network deciding a dispute.
  controlRoute('POST', '/_sandbox/disputes/:id/close', async (context) => {
    const outcome = context.body.outcome;
    if (outcome !== 'won' && outcome !== 'lost')
      throw invalidRequest("`outcome` must be 'won' or 'lost'.", { param: 'outcome' });
    await context.controls.closeDispute(at(context, 0), outcome);
    return context.engine.state.disputes[at(context, 0)];
  }),
];
