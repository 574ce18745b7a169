import { type Route, apiRoute, at, listRoute, retrieveRoute } from '../http/route';
import {
  createTransfer,
  createTransferReversal,
  renderTransfer,
  transferRecord,
} from './transfers';
export const transferRoutes: Route[] = [
  apiRoute(
    'POST',
    '/v1/transfers',
    ({ engine, params }) => renderTransfer(engine, createTransfer(engine, params).id),
    { platformOnly: true },
  ),
  listRoute(
    '/v1/transfers',
    {
      allow: ['destination', 'transfer_group', 'created'],
      collection: ({ engine }) => Object.values(engine.state.transfers),
      filter: ({ params }) => {
        const destination = params.string('destination');
        const group = params.string('transfer_group');
        return (transfer) =>
          (!destination || transfer.destination === destination) &&
          (!group || transfer.transfer_group === group);
      },
      render: (transfer, engine) => renderTransfer(engine, transfer.id),
    },
    { platformOnly: true },
  ),
  apiRoute(
    'GET',
    '/v1/transfers/:id',
    (context) => renderTransfer(context.engine, transferRecord(context.engine, at(context, 0)).id),
    { platformOnly: true },
  ),
  apiRoute(
    'POST',
    '/v1/transfers/:id',
    (context) => {
      const { engine, params } = context;
      params.allowOnly(['description', 'metadata']);
      const transfer = transferRecord(engine, at(context, 0));
      if (params.has('description')) transfer.description = params.string('description') || null;
      if (params.has('metadata')) transfer.metadata = params.metadata(transfer.metadata);
      engine.changed();
      return renderTransfer(engine, transfer.id);
    },
    { platformOnly: true },
  ),
  apiRoute(
    'POST',
    '/v1/transfers/:id/reversals',
    (context) =>
      structuredClone(
        createTransferReversal(
          context.engine,
          transferRecord(context.engine, at(context, 0)),
          context.params,
        ),
      ),
    { platformOnly: true },
  ),
  listRoute(
    '/v1/transfers/:id/reversals',
    {
      allow: [],
      collection: (context) => {
        const transfer = transferRecord(context.engine, at(context, 0));
        return Object.values(context.engine.state.transferReversals).filter(
          (reversal) => reversal.transfer === transfer.id,
        );
      },
      // The transfer was found under this id, so it is the transfer's own id.
      url: (context) => `/v1/transfers/${at(context, 0)}/reversals`,
    },
    { platformOnly: true },
  ),
  retrieveRoute(
    '/v1/transfers/:id/reversals/:reversal',
    {
      find: (context) => {
        const reversal = context.engine.state.transferReversals[at(context, 1)];
        return reversal?.transfer === at(context, 0) ? reversal : undefined;
      },
      kind: 'transfer_reversal',
      render: (reversal) => structuredClone(reversal),
    },
    { platformOnly: true },
  ),
];
