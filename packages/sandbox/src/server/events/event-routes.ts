import { type Route, findOwned, listRoute, retrieveRoute } from '../http/route';
export const eventRoutes: Route[] = [
  listRoute('/v1/events', {
    allow: ['type', 'types', 'created', 'delivery_success'],
    collection: ({ engine }) => Object.values(engine.state.events),
    filter: ({ engine, params, account }) => {
      const type = params.string('type');
      const types = params.stringArray('types');
      const matchesType = (eventType: string) => {
        if (types) return types.includes(eventType);
        if (!type) return true;
        // `type=charge.*` matches a family, as on Stripe.
        return type.endsWith('.*') ? eventType.startsWith(type.slice(0, -1)) : eventType === type;
      };
      return (event) => engine.ownerOf(event.id) === account && matchesType(event.type);
    },
  }),
  retrieveRoute('/v1/events/:id', {
    find: (context) => findOwned(context, context.engine.state.events),
    kind: 'event',
    render: (event) => structuredClone(event),
  }),
];
